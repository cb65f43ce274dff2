#include "reco/core/paircounts.h"

#include <algorithm>
#include <numeric>

namespace encore::reco {

PairCounts PairCounts::build(int32_t num_tracks, const std::function<void(const Emit&)>& visit) {
    // Counting sort by anchor, then each anchor's short list sorted and run-length summed:
    // linear in the log, no hash map (1M plays: ~0.1 s instead of ~1.3 s).
    const size_t n = static_cast<size_t>(std::max(num_tracks, 0));
    auto inRange = [n](int32_t t) { return t >= 0 && static_cast<size_t>(t) < n; };
    std::vector<int64_t> starts(n + 1, 0);
    visit([&](int32_t anchor, int32_t next, float) {
        if (inRange(anchor) && inRange(next))
            ++starts[static_cast<size_t>(anchor) + 1];
    });
    std::partial_sum(starts.begin(), starts.end(), starts.begin());
    std::vector<std::pair<int32_t, float>> pairs(static_cast<size_t>(starts[n]));
    std::vector<int64_t> fill(starts.begin(), starts.end() - 1);
    visit([&](int32_t anchor, int32_t next, float weight) {
        if (inRange(anchor) && inRange(next))
            pairs[static_cast<size_t>(fill[static_cast<size_t>(anchor)]++)] = {next, weight};
    });
    PairCounts c;
    c.offsets_.assign(n + 1, 0);
    for (size_t a = 0; a < n; ++a) {
        const auto first = pairs.begin() + starts[a];
        const auto last = pairs.begin() + starts[a + 1];
        std::sort(first, last, [](const auto& x, const auto& y) { return x.first < y.first; });
        for (auto it = first; it != last;) {
            float sum = 0.0f;
            auto run = it;
            for (; run != last && run->first == it->first; ++run)
                sum += run->second;
            c.next_.push_back(it->first);
            c.weights_.push_back(sum);
            it = run;
        }
        c.offsets_[a + 1] = static_cast<int64_t>(c.next_.size());
    }
    return c;
}

float PairCounts::weight(int32_t anchor, int32_t next) const {
    if (anchor < 0 || anchor >= size())
        return 0.0f;
    const auto first = next_.begin() + offsets_[anchor];
    const auto last = next_.begin() + offsets_[anchor + 1];
    const auto it = std::lower_bound(first, last, next);
    return (it != last && *it == next) ? weights_[static_cast<size_t>(it - next_.begin())] : 0.0f;
}

void PairCounts::addTo(int32_t anchor, float scale, float* out) const {
    if (anchor < 0 || anchor >= size())
        return;
    for (int64_t j = offsets_[anchor]; j < offsets_[anchor + 1]; ++j)
        out[next_[j]] += scale * weights_[j];
}

}  // namespace encore::reco
