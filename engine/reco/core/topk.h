#pragma once

// Top-K selection over a score array, with exclusions and an artist diversity pass.

#include "reco/core/scoredtrack.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace encore::reco {

struct TopKRequest {
    size_t k = 50;
    std::vector<int32_t> exclude;  // never returned (current track, played in the last hour)
    int max_per_artist = 0;        // > 0: at most this many per artist in the first
    size_t diversity_window = 10;  //       diversity_window results (0 switches it off)
};

// The best request.k tracks by score, best first; ties go to the lower track index.
// `artists` (one per track, -1 unknown) is needed only when max_per_artist > 0.
std::vector<ScoredTrack> selectTopK(const float* scores, size_t n, const TopKRequest& request,
                                    const int32_t* artists = nullptr);

}  // namespace encore::reco
