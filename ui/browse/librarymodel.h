#pragma once

#include "browse/libraryfilter.h"
#include "library/libraryindex.h"
#include "listens/historyreader.h"

#include <QAbstractTableModel>
#include <QHash>

#include <memory>
#include <vector>

namespace encore {

// The library as a table over a LibraryIndex snapshot. Never runs SQL and never copies rows:
// it keeps the sorted permutation of index rows and the filtered subset of it. Sorting
// compares precomputed integer keys; filtering scans pre-folded text (see LibraryFilter).
class LibraryModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Title, Artist, Album, Genre, Year, Duration, Plays, LastPlayed, ColumnCount };
    static constexpr int kTrackIdRole = Qt::UserRole + 1;
    static constexpr int kPathRole = Qt::UserRole + 2;

    explicit LibraryModel(QObject* parent = nullptr);

    // Swaps in a new snapshot; keeps filter, picks and sort order.
    void setIndex(std::shared_ptr<const LibraryIndex> index);
    const std::shared_ptr<const LibraryIndex>& libraryIndex() const { return index_; }
    int totalCount() const { return index_ ? index_->size() : 0; }

    void setFilterText(const QString& text);
    void setSelection(const LibrarySelection& selection);
    const LibrarySelection& selection() const { return filter_.selection(); }
    const FacetCounts& facetCounts() const { return counts_; }

    // Plays and last played per track (tracks not listed: never played).
    void setPlayStats(const QHash<TrackId, TrackPlayStats>& stats);
    // One track's figures changed (a listen was logged).
    void setTrackPlayStats(TrackId id, const TrackPlayStats& stats);
    // How often the track was played (0: never, or not known yet).
    int playsOf(TrackId id) const { return stats_.value(id).plays; }
    // The playing track is shown in bold with a speaker icon; 0: none.
    void setNowPlaying(TrackId id);

    TrackId trackIdAt(int row) const;
    int rowOfTrack(TrackId id) const;  // -1 when filtered out or unknown
    std::vector<TrackId> visibleTrackIds() const;
    int sortColumn() const { return sort_column_; }
    Qt::SortOrder sortOrder() const { return sort_order_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;

Q_SIGNALS:
    // Facet counts changed (after a filter, a pick or a new snapshot).
    void facetsChanged();

private:
    void computeOrder();
    void refilter();  // recomputes visible rows and counts inside a model reset
    void updatePositions();
    quint64 sortValue(int column, int row) const;

    std::shared_ptr<const LibraryIndex> index_;
    LibraryFilter filter_;
    std::vector<int> order_;     // every index row, sorted
    std::vector<int> visible_;   // view row -> index row
    std::vector<int> position_;  // index row -> view row, -1 when hidden
    FacetCounts counts_;
    std::vector<int> plays_;
    std::vector<qint64> last_played_;
    QHash<TrackId, TrackPlayStats> stats_;
    TrackId now_playing_ = 0;
    int sort_column_ = -1;  // -1: default order
    Qt::SortOrder sort_order_ = Qt::AscendingOrder;
};

}  // namespace encore
