#include "reco/core/popularity.h"

#include <algorithm>

namespace encore::reco {

std::vector<int64_t> playCounts(const Interactions& log, int32_t num_tracks) {
    std::vector<int64_t> counts(static_cast<size_t>(std::max(num_tracks, 0)), 0);
    for (size_t i = 0; i < log.size(); ++i) {
        const int32_t t = log.target[i];
        if (log.feedback[i] == Feedback::kPlay && t >= 0 && t < num_tracks)
            ++counts[t];
    }
    return counts;
}

int32_t popularityBucket(int64_t plays, int32_t num_buckets) {
    if (plays <= 0 || num_buckets <= 1)
        return 0;
    int32_t log2 = 0;
    while ((plays >> (log2 + 1)) > 0)
        ++log2;
    return std::min(1 + log2, num_buckets - 1);
}

std::vector<int32_t> popularityBuckets(const Interactions& train, int32_t num_tracks,
                                       int32_t num_buckets) {
    const std::vector<int64_t> counts = playCounts(train, num_tracks);
    std::vector<int32_t> buckets(counts.size());
    for (size_t t = 0; t < counts.size(); ++t)
        buckets[t] = popularityBucket(counts[t], num_buckets);
    return buckets;
}

}  // namespace encore::reco
