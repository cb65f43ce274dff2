#pragma once

// Baseline: the profile's own most-played tracks, recent plays counting more.

#include "reco/core/interactions.h"
#include "reco/core/scorer.h"

#include <utility>
#include <vector>

namespace encore::reco {

class UserPopularScorer : public Scorer {
public:
    static constexpr double kDefaultHalfLifeDays = 30.0;

    // A play counts 2^(-age / half_life), age measured from the newest play of `train`.
    UserPopularScorer(const Interactions& train, int32_t num_tracks,
                      double half_life_days = kDefaultHalfLifeDays);

    std::string name() const override { return "user_popular"; }
    int32_t size() const override { return static_cast<int32_t>(backoff_.size()); }
    void score(const Query& query, float* out) const override;

private:
    std::vector<float> backoff_;  // global popularity tie-break
    std::vector<std::vector<std::pair<int32_t, float>>> per_profile_;  // (track, decayed plays)
};

}  // namespace encore::reco
