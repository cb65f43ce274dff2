#include "browse/librarymodel.h"

#include "browse/trackdrag.h"
#include "widgets/formatting.h"
#include "widgets/icons.h"

#include <QFont>

#include <algorithm>

namespace encore {

namespace {

LibraryIndex::Field fieldOf(int column) {
    switch (column) {
        case LibraryModel::Title:
            return LibraryIndex::Field::Title;
        case LibraryModel::Artist:
            return LibraryIndex::Field::Artist;
        case LibraryModel::Album:
            return LibraryIndex::Field::Album;
        case LibraryModel::Genre:
            return LibraryIndex::Field::Genre;
        case LibraryModel::Year:
            return LibraryIndex::Field::Year;
        case LibraryModel::Duration:
            return LibraryIndex::Field::Duration;
        default:
            return LibraryIndex::Field::Default;
    }
}

bool isNumeric(int column) {
    return column == LibraryModel::Year || column == LibraryModel::Duration;
}

// Numbers line up on the right; play counts sit centred, clear of "Last played" beside them.
QVariant alignment(int column) {
    if (column == LibraryModel::Plays)
        return int(Qt::AlignHCenter | Qt::AlignVCenter);
    return isNumeric(column) ? int(Qt::AlignRight | Qt::AlignVCenter)
                             : int(Qt::AlignLeft | Qt::AlignVCenter);
}

// A pick of the old snapshot, found by name in the new one (ids differ between snapshots).
LibrarySelection remap(const LibrarySelection& s, const LibraryIndex* from,
                       const LibraryIndex& to) {
    LibrarySelection out;
    if (!from)
        return out;
    if (s.genre >= 0) {
        for (int g = 0; g < to.genreCount() && out.genre < 0; ++g) {
            if (to.genreName(g) == from->genreName(s.genre))
                out.genre = g;
        }
    }
    if (s.artist >= 0) {
        for (int a = 0; a < to.artistCount() && out.artist < 0; ++a) {
            if (to.artistName(a) == from->artistName(s.artist))
                out.artist = a;
        }
    }
    if (s.album >= 0) {
        for (int a = 0; a < to.albumCount() && out.album < 0; ++a) {
            if (to.albumName(a) == from->albumName(s.album) &&
                to.albumArtistName(a) == from->albumArtistName(s.album))
                out.album = a;
        }
    }
    return out;
}

}  // namespace

LibraryModel::LibraryModel(QObject* parent) : QAbstractTableModel(parent) {}

void LibraryModel::setIndex(std::shared_ptr<const LibraryIndex> index) {
    beginResetModel();
    const LibrarySelection selection =
        index ? remap(filter_.selection(), index_.get(), *index) : LibrarySelection{};
    index_ = std::move(index);
    filter_.setIndex(index_);
    filter_.setSelection(selection);
    const int n = totalCount();
    plays_.assign(size_t(n), 0);
    last_played_.assign(size_t(n), 0);
    for (auto it = stats_.constBegin(); it != stats_.constEnd(); ++it) {
        const int row = index_ ? index_->rowOf(it.key()) : -1;
        if (row >= 0) {
            plays_[size_t(row)] = it->plays;
            last_played_[size_t(row)] = it->last_played_at;
        }
    }
    computeOrder();
    filter_.apply(order_, visible_, counts_);
    updatePositions();
    endResetModel();
    Q_EMIT facetsChanged();
}

void LibraryModel::setFilterText(const QString& text) {
    if (!filter_.setText(text))
        return;
    refilter();
}

void LibraryModel::setSelection(const LibrarySelection& selection) {
    if (selection == filter_.selection())
        return;
    filter_.setSelection(selection);
    refilter();
}

void LibraryModel::refilter() {
    beginResetModel();
    filter_.apply(order_, visible_, counts_);
    updatePositions();
    endResetModel();
    Q_EMIT facetsChanged();
}

void LibraryModel::updatePositions() {
    position_.assign(size_t(totalCount()), -1);
    for (size_t i = 0; i < visible_.size(); ++i)
        position_[size_t(visible_[i])] = int(i);
}

void LibraryModel::setPlayStats(const QHash<TrackId, TrackPlayStats>& stats) {
    stats_ = stats;
    if (!index_)
        return;
    std::fill(plays_.begin(), plays_.end(), 0);
    std::fill(last_played_.begin(), last_played_.end(), 0);
    for (auto it = stats_.constBegin(); it != stats_.constEnd(); ++it) {
        const int row = index_->rowOf(it.key());
        if (row >= 0) {
            plays_[size_t(row)] = it->plays;
            last_played_[size_t(row)] = it->last_played_at;
        }
    }
    if (sort_column_ == Plays || sort_column_ == LastPlayed)
        sort(sort_column_, sort_order_);
    else if (!visible_.empty())
        Q_EMIT dataChanged(index(0, Plays), index(rowCount() - 1, LastPlayed));
}

void LibraryModel::setTrackPlayStats(TrackId id, const TrackPlayStats& stats) {
    if (stats.plays > 0)
        stats_.insert(id, stats);
    else
        stats_.remove(id);
    const int row = index_ ? index_->rowOf(id) : -1;
    if (row < 0)
        return;
    plays_[size_t(row)] = stats.plays;
    last_played_[size_t(row)] = stats.last_played_at;
    if (sort_column_ == Plays || sort_column_ == LastPlayed) {
        sort(sort_column_, sort_order_);
        return;
    }
    const int viewRow = rowOfTrack(id);
    if (viewRow >= 0)
        Q_EMIT dataChanged(index(viewRow, Plays), index(viewRow, LastPlayed));
}

void LibraryModel::setNowPlaying(TrackId id) {
    if (id == now_playing_)
        return;
    const int before = rowOfTrack(now_playing_);
    now_playing_ = id;
    const int after = rowOfTrack(now_playing_);
    for (const int row : {before, after}) {
        if (row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

TrackId LibraryModel::trackIdAt(int row) const {
    return row >= 0 && row < rowCount() ? index_->id(visible_[size_t(row)]) : 0;
}

int LibraryModel::rowOfTrack(TrackId id) const {
    if (!index_ || id == 0)
        return -1;
    const int row = index_->rowOf(id);
    return row >= 0 ? position_[size_t(row)] : -1;
}

std::vector<TrackId> LibraryModel::visibleTrackIds() const {
    std::vector<TrackId> ids;
    ids.reserve(visible_.size());
    for (const int row : visible_)
        ids.push_back(index_->id(row));
    return ids;
}

quint64 LibraryModel::sortValue(int column, int row) const {
    if (column == Plays)
        return quint64(plays_[size_t(row)]);
    if (column == LastPlayed)
        return quint64(last_played_[size_t(row)]);
    return index_->sortKey(fieldOf(column), row);
}

void LibraryModel::computeOrder() {
    const int n = totalCount();
    struct Key {
        quint64 key;
        quint32 tie;
        int row;
    };
    std::vector<Key> keys(static_cast<size_t>(n));
    const bool descending = sort_order_ == Qt::DescendingOrder && sort_column_ >= 0;
    for (int row = 0; row < n; ++row) {
        const quint32 tie = index_->sortKey(LibraryIndex::Field::Default, row);
        quint64 key = sort_column_ >= 0 ? sortValue(sort_column_, row) : tie;
        if (descending)
            key = ~key;  // reverses the column, ties stay in album order
        keys[size_t(row)] = {key, tie, row};
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        return a.key != b.key ? a.key < b.key : a.tie < b.tie;
    });
    order_.resize(size_t(n));
    for (int i = 0; i < n; ++i)
        order_[size_t(i)] = keys[size_t(i)].row;
}

void LibraryModel::sort(int column, Qt::SortOrder order) {
    if (column >= ColumnCount)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> rows;
    rows.reserve(size_t(before.size()));
    for (const QModelIndex& i : before)
        rows.push_back(visible_[size_t(i.row())]);
    sort_column_ = column;
    sort_order_ = order;
    if (index_) {
        computeOrder();
        filter_.apply(order_, visible_, counts_);
        updatePositions();
    }
    QModelIndexList after;
    after.reserve(before.size());
    for (int i = 0; i < before.size(); ++i)
        after.append(index(position_[size_t(rows[size_t(i)])], before[i].column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int LibraryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(visible_.size());
}

int LibraryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LibraryModel::data(const QModelIndex& idx, int role) const {
    if (!checkIndex(idx, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = visible_[size_t(idx.row())];
    const int column = idx.column();
    switch (role) {
        case kTrackIdRole:
            return index_->id(row);
        case kPathRole:
            return index_->path(row);
        case Qt::TextAlignmentRole:
            return alignment(column);
        case Qt::FontRole:
            if (index_->id(row) == now_playing_) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            return {};
        case Qt::DecorationRole:
            if (column == Title && index_->id(row) == now_playing_)
                return Icons::get(QStringLiteral("audio-volume-high"));
            return {};
        case Qt::ToolTipRole:
            if (column == Title)
                return index_->path(row);
            [[fallthrough]];
        case Qt::DisplayRole:
            break;
        default:
            return {};
    }
    switch (column) {
        case Title:
            return index_->title(row);
        case Artist:
            return index_->artist(row);
        case Album:
            return index_->album(row);
        case Genre:
            return index_->genreText(row);
        case Year:
            return index_->year(row) > 0 ? QVariant(index_->year(row)) : QVariant();
        case Duration:
            return Formatting::duration(index_->durationMs(row));
        case Plays:
            return plays_[size_t(row)] > 0 ? QVariant(plays_[size_t(row)]) : QVariant();
        case LastPlayed:
            return last_played_[size_t(row)] > 0
                       ? QVariant(Formatting::when(last_played_[size_t(row)]))
                       : QVariant();
        default:
            return {};
    }
}

QVariant LibraryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole)
        return alignment(section);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
        case Title:
            return tr("Title");
        case Artist:
            return tr("Artist");
        case Album:
            return tr("Album");
        case Genre:
            return tr("Genre");
        case Year:
            return tr("Year");
        case Duration:
            return tr("Time");
        case Plays:
            return tr("Plays");
        case LastPlayed:
            return tr("Last played");
        default:
            return {};
    }
}

Qt::ItemFlags LibraryModel::flags(const QModelIndex& idx) const {
    if (!idx.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled |
           Qt::ItemNeverHasChildren;
}

QStringList LibraryModel::mimeTypes() const {
    return {QLatin1String(TrackDrag::kMimeType)};
}

QMimeData* LibraryModel::mimeData(const QModelIndexList& indexes) const {
    std::vector<int> rows;
    for (const QModelIndex& i : indexes)
        rows.push_back(i.row());
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QList<TrackId> ids;
    for (const int row : rows)
        ids.append(trackIdAt(row));
    return TrackDrag::encode(ids);
}

}  // namespace encore
