#include "browse/libraryfilter.h"

#include <numeric>

namespace encore {

void LibraryFilter::setIndex(std::shared_ptr<const LibraryIndex> index) {
    index_ = std::move(index);
    const QString text = folded_;
    folded_ = QStringLiteral("\x01");  // never a fold: forces a full rescan
    setText(text);
}

bool LibraryFilter::setText(const QString& text) {
    const QString folded = LibraryIndex::foldForSearch(text);
    if (folded == folded_)
        return false;
    const int n = index_ ? index_->size() : 0;
    // Typing on only narrows: every match of "abc d" is a match of "abc".
    const bool narrowing =
        !folded_.isEmpty() && folded.startsWith(folded_) && int(matches_row_.size()) == n;
    folded_ = folded;
    terms_ = folded.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (terms_.isEmpty()) {
        matching_.resize(size_t(n));
        std::iota(matching_.begin(), matching_.end(), 0);
        matches_row_.assign(size_t(n), 1);
        return true;
    }
    std::vector<int> next;
    if (narrowing) {
        next.reserve(matching_.size());
        for (const int row : matching_) {
            if (index_->matches(row, terms_))
                next.push_back(row);
            else
                matches_row_[size_t(row)] = 0;
        }
    } else {
        matches_row_.assign(size_t(n), 0);
        for (int row = 0; row < n; ++row) {
            if (index_->matches(row, terms_)) {
                next.push_back(row);
                matches_row_[size_t(row)] = 1;
            }
        }
    }
    matching_ = std::move(next);
    return true;
}

void LibraryFilter::apply(const std::vector<int>& order, std::vector<int>& visible,
                          FacetCounts& counts) const {
    visible.clear();
    if (!index_) {
        counts = {};
        return;
    }
    counts.genres.assign(size_t(index_->genreCount()), 0);
    counts.artists.assign(size_t(index_->artistCount()), 0);
    counts.albums.assign(size_t(index_->albumCount()), 0);
    counts.genre_total = counts.artist_total = counts.album_total = 0;
    const bool everything = terms_.isEmpty();
    const LibrarySelection& s = selection_;
    if (everything && s == LibrarySelection{})
        visible.reserve(order.size());
    for (const int row : order) {
        if (!everything && !matches_row_[size_t(row)])
            continue;
        for (const int* g = index_->genresBegin(row); g != index_->genresEnd(row); ++g)
            ++counts.genres[size_t(*g)];
        ++counts.genre_total;
        if (s.genre >= 0 && !index_->hasGenre(row, s.genre))
            continue;
        const int artist = index_->artistOf(row);
        ++counts.artists[size_t(artist)];
        ++counts.artist_total;
        if (s.artist >= 0 && artist != s.artist)
            continue;
        const int album = index_->albumOf(row);
        ++counts.albums[size_t(album)];
        ++counts.album_total;
        if (s.album >= 0 && album != s.album)
            continue;
        visible.push_back(row);
    }
}

}  // namespace encore
