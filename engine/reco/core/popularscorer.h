#pragma once

// Baseline: global most-played (over the training log).

#include "reco/core/interactions.h"
#include "reco/core/scorer.h"

#include <vector>

namespace encore::reco {

// Other baselines add this much at most to break ties among tracks they know nothing about.
constexpr float kPopularityBackoff = 1e-3f;

class PopularScorer : public Scorer {
public:
    PopularScorer(const Interactions& train, int32_t num_tracks);

    std::string name() const override { return "popular"; }
    int32_t size() const override { return static_cast<int32_t>(counts_.size()); }
    void score(const Query& query, float* out) const override;

    // Play counts scaled into [0, scale]: the tie-break other baselines add.
    static std::vector<float> backoff(const Interactions& train, int32_t num_tracks,
                                      float scale = kPopularityBackoff);

private:
    std::vector<float> counts_;
};

}  // namespace encore::reco
