#pragma once

// Per-track content features of the whole library, as plain arrays (tracks are 0..size()-1).

#include "reco/core/expected.h"

#include <cstdint>
#include <vector>

namespace encore::reco {

struct Catalog {
    int32_t num_artists = 0;  // artists are 0..num_artists-1; -1 = unknown
    int32_t num_genres = 0;   // genres are 0..num_genres-1
    int32_t num_tokens = 0;   // title tokens are 1..num_tokens; 0 is padding

    std::vector<int32_t> artist;            // per track
    std::vector<int32_t> genre_offsets{0};  // CSR: genres of track i are [offsets[i], offsets[i+1])
    std::vector<int32_t> genres;
    std::vector<int32_t> token_offsets{0};  // CSR like genre_offsets
    std::vector<int32_t> tokens;
    std::vector<int32_t> popularity_bucket;  // per track; 0 = no plays in the training part

    int32_t size() const { return static_cast<int32_t>(artist.size()); }

    // Appends one track; returns its index.
    int32_t addTrack(int32_t artist_id, const std::vector<int32_t>& genre_ids,
                     const std::vector<int32_t>& token_ids, int32_t bucket = 0);

    // Checks array sizes, CSR offsets and id ranges; names the first bad field.
    CoreStatus validate() const;
};

}  // namespace encore::reco
