#include "playback/playqueue.h"

#include "browse/trackdrag.h"
#include "widgets/formatting.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>

#include <algorithm>

namespace encore {

PlayQueue::PlayQueue(QObject* parent) : QAbstractTableModel(parent) {
    connect(this, &PlayQueue::rowsInserted, this, &PlayQueue::changed);
    connect(this, &PlayQueue::rowsRemoved, this, &PlayQueue::changed);
    connect(this, &PlayQueue::rowsMoved, this, &PlayQueue::changed);
    connect(this, &PlayQueue::modelReset, this, &PlayQueue::changed);
}

void PlayQueue::append(const QList<TrackInfo>& tracks) {
    insert(size(), tracks);
}

void PlayQueue::insert(int row, const QList<TrackInfo>& tracks) {
    if (tracks.isEmpty())
        return;
    row = qBound(0, row, size());
    beginInsertRows({}, row, row + int(tracks.size()) - 1);
    for (int i = 0; i < tracks.size(); ++i)
        entries_.insert(row + i, tracks[i]);
    endInsertRows();
}

void PlayQueue::removeRowsAt(QList<int> rows) {
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (const int row : rows)
        removeRows(row, 1);
}

bool PlayQueue::removeRows(int row, int count, const QModelIndex& parent) {
    if (parent.isValid() || row < 0 || count <= 0 || row + count > size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    entries_.remove(row, count);
    endRemoveRows();
    return true;
}

void PlayQueue::clear() {
    if (entries_.isEmpty())
        return;
    beginResetModel();
    entries_.clear();
    endResetModel();
}

std::optional<TrackInfo> PlayQueue::takeFirst() {
    if (entries_.isEmpty())
        return std::nullopt;
    TrackInfo first = entries_.first();
    removeRows(0, 1);
    return first;
}

qint64 PlayQueue::totalDurationMs() const {
    qint64 total = 0;
    for (const TrackInfo& t : entries_)
        total += t.duration_ms;
    return total;
}

int PlayQueue::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : size();
}

int PlayQueue::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlayQueue::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TrackInfo& t = entries_[index.row()];
    if (role == kTrackIdRole)
        return t.id;
    if (role == Qt::TextAlignmentRole)
        return index.column() == Duration ? int(Qt::AlignRight | Qt::AlignVCenter)
                                          : int(Qt::AlignLeft | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Title)
        return t.path;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
        case Title:
            return t.title;
        case Artist:
            return t.artist;
        case Album:
            return t.album;
        case Duration:
            return Formatting::duration(t.duration_ms);
        default:
            return {};
    }
}

QVariant PlayQueue::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
        case Title:
            return tr("Title");
        case Artist:
            return tr("Artist");
        case Album:
            return tr("Album");
        case Duration:
            return tr("Time");
        default:
            return {};
    }
}

Qt::ItemFlags PlayQueue::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;  // drops between rows land on the parent
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled |
           Qt::ItemNeverHasChildren;
}

bool PlayQueue::moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                         const QModelIndex& destinationParent, int destinationChild) {
    if (sourceParent.isValid() || destinationParent.isValid() || count <= 0 || sourceRow < 0 ||
        sourceRow + count > size() || destinationChild < 0 || destinationChild > size())
        return false;
    if (destinationChild >= sourceRow && destinationChild <= sourceRow + count)
        return false;  // onto itself: nothing moves
    if (!beginMoveRows({}, sourceRow, sourceRow + count - 1, {}, destinationChild))
        return false;
    const QList<TrackInfo> moving = entries_.mid(sourceRow, count);
    entries_.remove(sourceRow, count);
    const int target = destinationChild > sourceRow ? destinationChild - count : destinationChild;
    for (int i = 0; i < count; ++i)
        entries_.insert(target + i, moving[i]);
    endMoveRows();
    return true;
}

void PlayQueue::moveRowsTo(QList<int> rows, int target) {
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    rows.erase(
        std::remove_if(rows.begin(), rows.end(), [this](int r) { return r < 0 || r >= size(); }),
        rows.end());
    if (rows.isEmpty())
        return;
    target = qBound(0, target, size());
    // Old row -> new row: the rest keep their order, the moved rows land together at target.
    std::vector<int> rest;
    std::vector<int> newRowOf(static_cast<size_t>(size()));
    std::vector<bool> moving(size_t(size()), false);
    for (const int r : rows)
        moving[size_t(r)] = true;
    int before = 0;
    for (int r = 0; r < size(); ++r) {
        if (!moving[size_t(r)])
            rest.push_back(r);
        else if (r < target)
            ++before;
    }
    const int at = target - before;
    std::vector<int> order(rest.begin(), rest.begin() + at);
    order.insert(order.end(), rows.begin(), rows.end());
    order.insert(order.end(), rest.begin() + at, rest.end());
    if (std::is_sorted(order.begin(), order.end()))
        return;
    for (size_t i = 0; i < order.size(); ++i)
        newRowOf[size_t(order[i])] = int(i);

    Q_EMIT layoutAboutToBeChanged();
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    for (const QModelIndex& i : from)
        to.append(index(newRowOf[size_t(i.row())], i.column()));
    QList<TrackInfo> reordered;
    for (const int r : order)
        reordered.append(entries_[r]);
    entries_ = reordered;
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged();
    Q_EMIT changed();
}

Qt::DropActions PlayQueue::supportedDropActions() const {
    return Qt::MoveAction | Qt::CopyAction;
}

Qt::DropActions PlayQueue::supportedDragActions() const {
    return Qt::MoveAction;
}

QStringList PlayQueue::mimeTypes() const {
    return {QLatin1String(kRowsMimeType), QLatin1String(TrackDrag::kMimeType)};
}

QMimeData* PlayQueue::mimeData(const QModelIndexList& indexes) const {
    QList<int> rows;
    for (const QModelIndex& index : indexes) {
        if (!rows.contains(index.row()))
            rows.append(index.row());
    }
    std::sort(rows.begin(), rows.end());
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out << rows;
    auto* mime = new QMimeData;
    mime->setData(QLatin1String(kRowsMimeType), bytes);
    return mime;
}

bool PlayQueue::canDropMimeData(const QMimeData* data, Qt::DropAction, int, int,
                                const QModelIndex&) const {
    return data && (data->hasFormat(QLatin1String(kRowsMimeType)) ||
                    data->hasFormat(QLatin1String(TrackDrag::kMimeType)));
}

bool PlayQueue::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int,
                             const QModelIndex& parent) {
    if (!data || action == Qt::IgnoreAction)
        return false;
    int target = row >= 0 ? row : parent.isValid() ? parent.row() : size();
    if (data->hasFormat(QLatin1String(kRowsMimeType))) {
        QList<int> rows;
        QDataStream in(data->data(QLatin1String(kRowsMimeType)));
        in >> rows;
        moveRowsTo(rows, target);
        return false;  // moved here already: the view must not remove the dragged rows
    }
    QList<TrackInfo> tracks;
    for (const TrackId id : TrackDrag::decode(data)) {
        if (resolver_) {
            if (std::optional<TrackInfo> info = resolver_(id))
                tracks.append(*info);
        }
    }
    insert(target, tracks);
    return !tracks.isEmpty();
}

}  // namespace encore
