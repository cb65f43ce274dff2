#pragma once

#include "core/track.h"
#include "library/libraryindex.h"

#include <QAbstractTableModel>

#include <memory>

namespace encore {

// The songs of one playlist, in its order, named from the library snapshot. A track the
// snapshot lacks (left the library since) is not shown.
class PlaylistTrackModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Number, Title, Artist, Album, Length, ColumnCount };
    static constexpr int kTrackIdRole = Qt::UserRole + 1;

    explicit PlaylistTrackModel(QObject* parent = nullptr);

    void setIndex(std::shared_ptr<const LibraryIndex> index);
    void setTracks(const QList<TrackId>& tracks);
    const QList<TrackId>& tracks() const { return tracks_; }
    qint64 totalDurationMs() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void rebuild();

    std::shared_ptr<const LibraryIndex> index_;
    QList<TrackId> wanted_;  // as the playlist holds them
    QList<TrackId> tracks_;  // those the snapshot has
    std::vector<int> rows_;  // their rows in the snapshot
};

}  // namespace encore
