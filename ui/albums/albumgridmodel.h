#pragma once

#include "library/libraryindex.h"

#include <QAbstractListModel>

#include <memory>
#include <vector>

namespace encore {

// The library's albums as tiles: every album with tracks under the Library's filter and its
// genre and artist picks, in the browser's album order. Never copies rows: each album is a
// facet id of the snapshot plus its first track (whose file or folder holds the cover).
class AlbumGridModel : public QAbstractListModel {
    Q_OBJECT

public:
    static constexpr int kArtistRole = Qt::UserRole + 1;     // album artist, in words
    static constexpr int kCoverKeyRole = Qt::UserRole + 2;   // the album, for the cover cache
    static constexpr int kCoverPathRole = Qt::UserRole + 3;  // its first track's file
    static constexpr int kTrackCountRole = Qt::UserRole + 4;
    static constexpr int kAlbumRole = Qt::UserRole + 5;  // facet id in the snapshot

    explicit AlbumGridModel(QObject* parent = nullptr);

    void setIndex(std::shared_ptr<const LibraryIndex> index);
    // Tracks per album facet under the current filter (the browser's album counts).
    void setCounts(const std::vector<int>& counts);

    int albumAt(int row) const;
    int rowOfAlbum(int album) const;  // -1 when hidden
    // Every track of the album at `row`, in disc and track order (the filter does not apply:
    // playing an album plays all of it).
    QList<TrackId> tracksAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;

private:
    std::shared_ptr<const LibraryIndex> index_;
    std::vector<int> first_row_;  // album -> its first track's row in default order
    std::vector<int> year_;       // album -> the year of its tracks (0: unknown)
    std::vector<int> counts_;     // album -> tracks under the filter
    std::vector<int> albums_;     // shown album ids, in display order
};

}  // namespace encore
