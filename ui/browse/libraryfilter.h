#pragma once

#include "library/libraryindex.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace encore {

// The browser's picks; -1 is "All".
struct LibrarySelection {
    int genre = -1;
    int artist = -1;
    int album = -1;
    bool operator==(const LibrarySelection& o) const {
        return genre == o.genre && artist == o.artist && album == o.album;
    }
    bool operator!=(const LibrarySelection& o) const { return !(*this == o); }
};

// Tracks per facet id, each list counted under the picks to its left (genre, then artist,
// then album), the way the browser lists narrow each other.
struct FacetCounts {
    std::vector<int> genres;
    std::vector<int> artists;
    std::vector<int> albums;
    int genre_total = 0;   // tracks matching the text
    int artist_total = 0;  // ... and the genre pick
    int album_total = 0;   // ... and the artist pick
};

// Filters the library by search text and browser picks without a proxy model: text matches
// are one scan over pre-folded strings, narrowed incrementally while the listener types on.
class LibraryFilter {
public:
    void setIndex(std::shared_ptr<const LibraryIndex> index);

    // Returns false when the folded terms are unchanged (nothing to recompute).
    bool setText(const QString& text);
    const QStringList& terms() const { return terms_; }

    void setSelection(const LibrarySelection& selection) { selection_ = selection; }
    const LibrarySelection& selection() const { return selection_; }

    // One pass over `order` (index rows): the rows that pass, in that order, and the counts.
    void apply(const std::vector<int>& order, std::vector<int>& visible, FacetCounts& counts) const;

    // Rows matching the text (ascending), for tests and the benchmark.
    const std::vector<int>& textMatches() const { return matching_; }

private:
    std::shared_ptr<const LibraryIndex> index_;
    QString folded_;
    QStringList terms_;
    std::vector<int> matching_;
    std::vector<quint8> matches_row_;
    LibrarySelection selection_;
};

}  // namespace encore
