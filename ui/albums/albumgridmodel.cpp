#include "albums/albumgridmodel.h"

#include "browse/trackdrag.h"
#include "widgets/formatting.h"

#include <QCoreApplication>

#include <algorithm>

namespace encore {

AlbumGridModel::AlbumGridModel(QObject* parent) : QAbstractListModel(parent) {}

void AlbumGridModel::setIndex(std::shared_ptr<const LibraryIndex> index) {
    beginResetModel();
    index_ = std::move(index);
    const int albums = index_ ? index_->albumCount() : 0;
    first_row_.assign(size_t(albums), -1);
    year_.assign(size_t(albums), 0);
    counts_.assign(size_t(albums), 0);
    if (index_) {
        for (int row = 0; row < index_->size(); ++row) {
            const auto album = size_t(index_->albumOf(row));
            ++counts_[album];
            int& first = first_row_[album];
            if (first < 0 || index_->sortKey(LibraryIndex::Field::Default, row) <
                                 index_->sortKey(LibraryIndex::Field::Default, first))
                first = row;
            year_[album] = qMax(year_[album], index_->year(row));
        }
    }
    albums_.clear();
    if (index_) {
        for (const int album : index_->albumsInOrder())
            if (counts_[size_t(album)] > 0)
                albums_.push_back(album);
    }
    endResetModel();
}

void AlbumGridModel::setCounts(const std::vector<int>& counts) {
    if (!index_)
        return;
    std::vector<int> shown;
    shown.reserve(albums_.size());
    for (const int album : index_->albumsInOrder())
        if (size_t(album) < counts.size() && counts[size_t(album)] > 0)
            shown.push_back(album);
    if (shown == albums_) {
        counts_ = counts;
        return;
    }
    beginResetModel();
    counts_ = counts;
    albums_ = std::move(shown);
    endResetModel();
}

int AlbumGridModel::albumAt(int row) const {
    return row >= 0 && row < int(albums_.size()) ? albums_[size_t(row)] : -1;
}

int AlbumGridModel::rowOfAlbum(int album) const {
    const auto it = std::find(albums_.begin(), albums_.end(), album);
    return it == albums_.end() ? -1 : int(it - albums_.begin());
}

QList<TrackId> AlbumGridModel::tracksAt(int row) const {
    const int album = albumAt(row);
    if (album < 0)
        return {};
    std::vector<int> rows;
    for (int r = 0; r < index_->size(); ++r)
        if (index_->albumOf(r) == album)
            rows.push_back(r);
    std::sort(rows.begin(), rows.end(), [this](int a, int b) {
        return index_->sortKey(LibraryIndex::Field::Default, a) <
               index_->sortKey(LibraryIndex::Field::Default, b);
    });
    QList<TrackId> ids;
    ids.reserve(qsizetype(rows.size()));
    for (const int r : rows)
        ids.append(index_->id(r));
    return ids;
}

int AlbumGridModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(albums_.size());
}

QVariant AlbumGridModel::data(const QModelIndex& index, int role) const {
    const int album = albumAt(index.row());
    if (album < 0)
        return {};
    const QString& name = index_->albumName(album);
    const QString& artist = index_->albumArtistName(album);
    switch (role) {
        case Qt::DisplayRole:
            return name.isEmpty() ? QCoreApplication::translate("AlbumGrid", "Unknown album")
                                  : name;
        case kArtistRole:
            return artist.isEmpty() ? QCoreApplication::translate("AlbumGrid", "Unknown artist")
                                    : artist;
        case kCoverKeyRole:
            return artist + QChar(0x1f) + name;
        case kCoverPathRole:
            return index_->path(first_row_[size_t(album)]);
        case kTrackCountRole:
            return counts_[size_t(album)];
        case kAlbumRole:
            return album;
        case Qt::ToolTipRole: {
            QString tip = data(index, Qt::DisplayRole).toString() + QStringLiteral(" — ") +
                          data(index, kArtistRole).toString() + QLatin1Char('\n') +
                          Formatting::songs(counts_[size_t(album)]);
            if (const int year = year_[size_t(album)]; year > 0)
                tip += QStringLiteral(" · ") + QString::number(year);
            return tip;
        }
        default:
            return {};
    }
}

Qt::ItemFlags AlbumGridModel::flags(const QModelIndex& index) const {
    return QAbstractListModel::flags(index) | Qt::ItemIsDragEnabled;
}

QStringList AlbumGridModel::mimeTypes() const {
    return {QLatin1String(TrackDrag::kMimeType)};
}

QMimeData* AlbumGridModel::mimeData(const QModelIndexList& indexes) const {
    QList<TrackId> ids;
    for (const QModelIndex& index : indexes)
        ids += tracksAt(index.row());
    return TrackDrag::encode(ids);
}

}  // namespace encore
