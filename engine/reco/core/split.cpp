#include "reco/core/split.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace encore::reco {

Split timeSplit(const Interactions& log, double train_fraction) {
    std::vector<std::vector<size_t>> by_profile(static_cast<size_t>(log.profileCount()));
    for (size_t i = 0; i < log.size(); ++i)
        by_profile[log.profile[i]].push_back(i);
    std::vector<size_t> train, test;
    for (std::vector<size_t>& rows : by_profile) {
        std::stable_sort(rows.begin(), rows.end(),
                         [&](size_t a, size_t b) { return log.timestamp[a] < log.timestamp[b]; });
        const auto keep = static_cast<size_t>(
            std::ceil(std::clamp(train_fraction, 0.0, 1.0) * static_cast<double>(rows.size())));
        train.insert(train.end(), rows.begin(), rows.begin() + keep);
        test.insert(test.end(), rows.begin() + keep, rows.end());
    }
    // Back to log order, so each part reads like the log it came from.
    std::sort(train.begin(), train.end());
    std::sort(test.begin(), test.end());
    return {log.subset(train), log.subset(test)};
}

Split globalTimeSplit(const Interactions& log, double train_fraction) {
    std::vector<int64_t> times = log.timestamp;
    std::sort(times.begin(), times.end());
    const auto keep = static_cast<size_t>(
        std::ceil(std::clamp(train_fraction, 0.0, 1.0) * static_cast<double>(times.size())));
    // Ties at the cutoff are held out with it, so training ends strictly before the cutoff.
    const int64_t cutoff = keep < times.size() ? times[keep] : std::numeric_limits<int64_t>::max();
    std::vector<size_t> train, test;
    for (size_t i = 0; i < log.size(); ++i)
        (log.timestamp[i] < cutoff ? train : test).push_back(i);
    return {log.subset(train), log.subset(test)};
}

Split randomSplit(const Interactions& log, double train_fraction, uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    std::vector<size_t> train, test;
    for (size_t i = 0; i < log.size(); ++i)
        (uniform(rng) < train_fraction ? train : test).push_back(i);
    return {log.subset(train), log.subset(test)};
}

}  // namespace encore::reco
