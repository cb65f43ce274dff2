#include "playlisttrackmodel.h"

#include "widgets/formatting.h"

namespace encore {

PlaylistTrackModel::PlaylistTrackModel(QObject* parent) : QAbstractTableModel(parent) {}

void PlaylistTrackModel::setIndex(std::shared_ptr<const LibraryIndex> index) {
    index_ = std::move(index);
    rebuild();
}

void PlaylistTrackModel::setTracks(const QList<TrackId>& tracks) {
    wanted_ = tracks;
    rebuild();
}

void PlaylistTrackModel::rebuild() {
    beginResetModel();
    tracks_.clear();
    rows_.clear();
    if (index_) {
        for (const TrackId id : wanted_) {
            const int row = index_->rowOf(id);
            if (row < 0)
                continue;
            tracks_.append(id);
            rows_.push_back(row);
        }
    }
    endResetModel();
}

qint64 PlaylistTrackModel::totalDurationMs() const {
    qint64 total = 0;
    for (const int row : rows_)
        total += index_->durationMs(row);
    return total;
}

int PlaylistTrackModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(tracks_.size());
}

int PlaylistTrackModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlaylistTrackModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int row = rows_[size_t(index.row())];
    if (role == kTrackIdRole)
        return tracks_[index.row()];
    if (role == Qt::TextAlignmentRole && (index.column() == Number || index.column() == Length))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
        case Number:
            return index.row() + 1;
        case Title:
            return index_->title(row);
        case Artist:
            return index_->artist(row);
        case Album:
            return index_->album(row);
        case Length:
            return Formatting::duration(index_->durationMs(row));
        default:
            return {};
    }
}

QVariant PlaylistTrackModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
        case Number:
            return tr("#");
        case Title:
            return tr("Title");
        case Artist:
            return tr("Artist");
        case Album:
            return tr("Album");
        case Length:
            return tr("Length");
        default:
            return {};
    }
}

}  // namespace encore
