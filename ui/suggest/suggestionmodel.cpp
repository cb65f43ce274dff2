#include "suggest/suggestionmodel.h"

#include <QCoreApplication>
#include <QSet>

namespace encore {

namespace {

bool sameContent(const Suggestion& a, const Suggestion& b) {
    return a.title == b.title && a.artist == b.artist && a.reason == b.reason;
}

QString displayText(const Suggestion& s) {
    return s.artist.isEmpty()
               ? s.title
               : QCoreApplication::translate("SuggestionModel", "%1 — %2").arg(s.title, s.artist);
}

}  // namespace

int SuggestionModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

QVariant SuggestionModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Suggestion& s = rows_.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
            return displayText(s);
        case Qt::ToolTipRole:
            return s.reason.isEmpty() ? displayText(s)
                                      : QStringLiteral("%1\n%2").arg(displayText(s), s.reason);
        case Qt::AccessibleDescriptionRole:
        case ReasonRole:
            return s.reason;
        case TrackIdRole:
            return s.track_id;
        case TitleRole:
            return s.title;
        case ArtistRole:
            return s.artist;
        default:
            return {};
    }
}

Qt::ItemFlags SuggestionModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> SuggestionModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TrackIdRole, "trackId");
    names.insert(TitleRole, "title");
    names.insert(ArtistRole, "artist");
    names.insert(ReasonRole, "reason");
    return names;
}

void SuggestionModel::setSuggestions(const QList<Suggestion>& suggestions) {
    QList<Suggestion> next;
    QSet<TrackId> wanted;
    for (const Suggestion& s : suggestions) {
        if (!wanted.contains(s.track_id)) {
            wanted.insert(s.track_id);
            next.append(s);
        }
    }
    // Rows that go, in contiguous runs from the bottom.
    for (int last = int(rows_.size()) - 1; last >= 0;) {
        if (wanted.contains(rows_.at(last).track_id)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !wanted.contains(rows_.at(first - 1).track_id))
            --first;
        beginRemoveRows({}, first, last);
        rows_.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }
    // Every row left is wanted: place each new row at its position, moving or inserting.
    for (int i = 0; i < next.size(); ++i) {
        const Suggestion& s = next.at(i);
        int at = -1;
        for (int r = i; r < rows_.size() && at < 0; ++r) {
            if (rows_.at(r).track_id == s.track_id)
                at = r;
        }
        if (at < 0) {
            beginInsertRows({}, i, i);
            rows_.insert(i, s);
            endInsertRows();
            continue;
        }
        if (at != i) {
            beginMoveRows({}, at, at, {}, i);
            rows_.move(at, i);
            endMoveRows();
        }
        if (!sameContent(rows_.at(i), s)) {
            rows_[i] = s;
            Q_EMIT dataChanged(index(i), index(i));
        }
    }
}

bool SuggestionModel::removeTrack(TrackId track) {
    const int row = rowOf(track);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    rows_.removeAt(row);
    endRemoveRows();
    return true;
}

QList<TrackId> SuggestionModel::trackIds() const {
    QList<TrackId> ids;
    ids.reserve(rows_.size());
    for (const Suggestion& s : rows_)
        ids.append(s.track_id);
    return ids;
}

int SuggestionModel::rowOf(TrackId track) const {
    for (int r = 0; r < rows_.size(); ++r) {
        if (rows_.at(r).track_id == track)
            return r;
    }
    return -1;
}

TrackId SuggestionModel::trackIdAt(int row) const {
    return row >= 0 && row < rows_.size() ? rows_.at(row).track_id : 0;
}

}  // namespace encore
