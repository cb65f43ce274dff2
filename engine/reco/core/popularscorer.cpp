#include "reco/core/popularscorer.h"

#include "reco/core/popularity.h"

#include <algorithm>

namespace encore::reco {

PopularScorer::PopularScorer(const Interactions& train, int32_t num_tracks) {
    const std::vector<int64_t> counts = playCounts(train, num_tracks);
    counts_.assign(counts.begin(), counts.end());
}

void PopularScorer::score(const Query&, float* out) const {
    std::copy(counts_.begin(), counts_.end(), out);
}

std::vector<float> PopularScorer::backoff(const Interactions& train, int32_t num_tracks,
                                          float scale) {
    const std::vector<int64_t> counts = playCounts(train, num_tracks);
    const int64_t top = counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
    std::vector<float> out(counts.size(), 0.0f);
    if (top > 0) {
        for (size_t t = 0; t < counts.size(); ++t)
            out[t] = scale * static_cast<float>(counts[t]) / static_cast<float>(top);
    }
    return out;
}

}  // namespace encore::reco
