#pragma once

#include "library/libraryindex.h"

#include <QAbstractListModel>
#include <QSet>

#include <memory>
#include <vector>

namespace encore {

// One list of the browser above the library table: genres, artists or albums, each with its
// track count under the current filter. Row 0 is "All"; facets without tracks are hidden.
class BrowserModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum class Kind { Genre, Artist, Album };
    static constexpr int kFacetRole = Qt::UserRole + 1;  // facet id, -1 for "All"
    static constexpr int kCountRole = Qt::UserRole + 2;  // tracks

    explicit BrowserModel(Kind kind, QObject* parent = nullptr);

    Kind kind() const { return kind_; }
    // A new snapshot: every row is replaced (facet ids are per snapshot).
    void setIndex(std::shared_ptr<const LibraryIndex> index);
    // Counts per facet id and the tracks they cover (a track with two genres counts for
    // both); `pinned` (the pick) stays listed even without tracks. Resets only when the set
    // of shown facets changes.
    void setCounts(const std::vector<int>& counts, int total, int pinned = -1);

    int facetAt(int row) const;
    int rowOfFacet(int facet) const;  // 0 ("All") for -1, -1 when hidden

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

private:
    QString nameOf(int facet) const;
    const std::vector<int>& facetOrder() const;

    Kind kind_;
    std::shared_ptr<const LibraryIndex> index_;
    std::vector<int> facets_;  // shown facet ids, in display order
    std::vector<int> counts_;  // per facet id
    std::vector<int> row_of_;  // facet id -> row, -1 hidden
    int total_ = 0;
    QSet<QString> ambiguous_albums_;  // album names that several artists use
};

}  // namespace encore
