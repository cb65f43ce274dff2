#include "reco/core/catalog.h"

#include <string>

namespace encore::reco {

int32_t Catalog::addTrack(int32_t artist_id, const std::vector<int32_t>& genre_ids,
                          const std::vector<int32_t>& token_ids, int32_t bucket) {
    artist.push_back(artist_id);
    genres.insert(genres.end(), genre_ids.begin(), genre_ids.end());
    genre_offsets.push_back(static_cast<int32_t>(genres.size()));
    tokens.insert(tokens.end(), token_ids.begin(), token_ids.end());
    token_offsets.push_back(static_cast<int32_t>(tokens.size()));
    popularity_bucket.push_back(bucket);
    return size() - 1;
}

namespace {

CoreStatus checkCsr(const char* name, const std::vector<int32_t>& offsets,
                    const std::vector<int32_t>& values, size_t rows, int32_t lo, int32_t hi) {
    const std::string field = std::string("catalog.") + name;
    if (offsets.size() != rows + 1)
        return Failure{field + "_offsets has " + std::to_string(offsets.size()) +
                       " entries but the catalog has " + std::to_string(rows) +
                       " tracks: it needs tracks + 1 offsets."};
    if (offsets.front() != 0 || static_cast<size_t>(offsets.back()) != values.size())
        return Failure{field + "_offsets must start at 0 and end at the number of " + name + " (" +
                       std::to_string(values.size()) + ")."};
    for (size_t i = 0; i < rows; ++i) {
        if (offsets[i + 1] < offsets[i])
            return Failure{field + "_offsets decrease at track " + std::to_string(i) +
                           ": offsets must be non-decreasing."};
    }
    for (size_t i = 0; i < values.size(); ++i) {
        if (values[i] < lo || values[i] > hi)
            return Failure{field + "[" + std::to_string(i) + "] = " + std::to_string(values[i]) +
                           " is outside " + std::to_string(lo) + ".." + std::to_string(hi) +
                           ": rebuild the vocabulary."};
    }
    return {};
}

}  // namespace

CoreStatus Catalog::validate() const {
    const size_t rows = artist.size();
    if (num_artists < 0 || num_genres < 0 || num_tokens < 0)
        return Failure{"catalog vocabulary sizes must not be negative."};
    if (popularity_bucket.size() != rows)
        return Failure{"catalog.popularity_bucket has " + std::to_string(popularity_bucket.size()) +
                       " entries for " + std::to_string(rows) +
                       " tracks: give one bucket per track."};
    for (size_t i = 0; i < rows; ++i) {
        if (artist[i] < -1 || artist[i] >= num_artists)
            return Failure{"catalog.artist[" + std::to_string(i) +
                           "] = " + std::to_string(artist[i]) + " is outside -1.." +
                           std::to_string(num_artists - 1) + ": rebuild the artist vocabulary."};
        if (popularity_bucket[i] < 0)
            return Failure{"catalog.popularity_bucket[" + std::to_string(i) +
                           "] is negative: buckets start at 0 (no plays)."};
    }
    if (CoreStatus s = checkCsr("genres", genre_offsets, genres, rows, 0, num_genres - 1); !s)
        return s;
    return checkCsr("tokens", token_offsets, tokens, rows, 1, num_tokens);
}

}  // namespace encore::reco
