#pragma once

// Play counts and the seed's total_views feature: a track's play count, bucketised.

#include "reco/core/interactions.h"

#include <cstdint>
#include <vector>

namespace encore::reco {

// Plays (not skips) per track in `log`.
std::vector<int64_t> playCounts(const Interactions& log, int32_t num_tracks);

// 0 for no plays, else 1 + floor(log2(plays)), capped at num_buckets - 1.
int32_t popularityBucket(int64_t plays, int32_t num_buckets);

// Buckets of every track from `train` only, so that nothing of a test period leaks in.
std::vector<int32_t> popularityBuckets(const Interactions& train, int32_t num_tracks,
                                       int32_t num_buckets);

}  // namespace encore::reco
