#include "reco/core/userpopularscorer.h"

#include "reco/core/popularscorer.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace encore::reco {

namespace {

constexpr double kSecondsPerDay = 86400.0;
constexpr double kMinPlayWeight = 0.01;  // very old plays still outrank never-played tracks

}  // namespace

UserPopularScorer::UserPopularScorer(const Interactions& train, int32_t num_tracks,
                                     double half_life_days)
    : backoff_(PopularScorer::backoff(train, num_tracks)) {
    int64_t newest = 0;
    for (size_t i = 0; i < train.size(); ++i)
        newest = std::max(newest, train.timestamp[i]);
    std::vector<std::unordered_map<int32_t, double>> sums(
        static_cast<size_t>(train.profileCount()));
    const double half_life = std::max(half_life_days, 1e-6) * kSecondsPerDay;
    for (size_t i = 0; i < train.size(); ++i) {
        if (train.feedback[i] != Feedback::kPlay)
            continue;
        const double age = static_cast<double>(newest - train.timestamp[i]);
        sums[train.profile[i]][train.target[i]] +=
            std::max(std::exp2(-age / half_life), kMinPlayWeight);
    }
    per_profile_.resize(sums.size());
    for (size_t p = 0; p < sums.size(); ++p) {
        for (const auto& [track, weight] : sums[p])
            per_profile_[p].emplace_back(track, static_cast<float>(weight));
        std::sort(per_profile_[p].begin(), per_profile_[p].end());
    }
}

void UserPopularScorer::score(const Query& query, float* out) const {
    std::copy(backoff_.begin(), backoff_.end(), out);
    if (query.profile < 0 || query.profile >= static_cast<int32_t>(per_profile_.size()))
        return;
    for (const auto& [track, weight] : per_profile_[query.profile])
        out[track] += weight;
}

}  // namespace encore::reco
