#pragma once

// Sparse weighted track -> track counts (CSR by the first track), shared by the counting
// baselines: co-occurrence and sequential rules.

#include <cstdint>
#include <functional>
#include <vector>

namespace encore::reco {

class PairCounts {
public:
    // emit(anchor, next, weight) for every pair; `visit` is called twice (counting sort), so it
    // must emit the same pairs both times.
    using Emit = std::function<void(int32_t anchor, int32_t next, float weight)>;
    static PairCounts build(int32_t num_tracks, const std::function<void(const Emit&)>& visit);

    int32_t size() const {
        return static_cast<int32_t>(offsets_.empty() ? 0 : offsets_.size() - 1);
    }
    // The summed weight of anchor -> next (0 if never seen).
    float weight(int32_t anchor, int32_t next) const;
    // out[next] += scale * weight(anchor, next) for every next seen after anchor.
    void addTo(int32_t anchor, float scale, float* out) const;

private:
    std::vector<int64_t> offsets_;  // by anchor track
    std::vector<int32_t> next_;     // sorted within each anchor
    std::vector<float> weights_;
};

}  // namespace encore::reco
