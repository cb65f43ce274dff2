#pragma once

#include "stats/math/statissue.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace encore::stats {

// Spearman rank correlation: Pearson's correlation of the average ranks (ties share ranks).
struct Spearman {
    // None; Empty; InvalidInput (sizes differ, NaN); TooFew (n < 3: rho = 0);
    // AllTied (x or y constant: rho undefined, reported as 0).
    // Unless None: rho = 0, p_value = 1, interval [-1, 1].
    StatIssue issue = StatIssue::Empty;
    std::size_t n = 0;
    double rho = 0.0;
    // Two-sided p of rho = 0 from t = rho sqrt((n - 2) / (1 - rho^2)) with n - 2 degrees of
    // freedom, as scipy.stats.spearmanr and R's cor.test(exact = FALSE).
    double p_value = 1.0;
    // Fisher z interval with the variance 1.06 / (n - 3) that Fieller, Hartley & Pearson
    // (1957, Biometrika 44:470) give for Spearman's rho: tanh(atanh(rho) -+ z sqrt(1.06/(n-3))).
    // [-1, 1] when n < 4 (no interval can be claimed).
    double ci_low = -1.0;
    double ci_high = 1.0;
    double level = 0.95;
    bool ok() const { return issue == StatIssue::None; }
};

Spearman spearman(const std::vector<double>& x, const std::vector<double>& y, double level = 0.95);

// The same from the average ranks of each sample (averageRanks), so a caller correlating
// several features with one outcome ranks the outcome once. Ranks of the same n pairs.
Spearman spearmanFromRanks(const std::vector<double>& rank_x, const std::vector<double>& rank_y,
                           double level = 0.95);

// Percentile bootstrap interval of Spearman's rho: resample (x, y) pairs with replacement,
// recompute rho, take the type-7 quantiles (1 - level) / 2 and (1 + level) / 2 of the rhos.
// Deterministic for a seed (std::mt19937_64, whose output the standard fixes, and an
// unbiased rejection draw of indices, not std::uniform_int_distribution). Costs
// resamples x O(n log n).
struct BootstrapInterval {
    // None; Empty; InvalidInput; TooFew (n < 3 or fewer than 10 usable resamples);
    // AllTied (x or y constant). Unless None the interval is [-1, 1].
    StatIssue issue = StatIssue::Empty;
    double low = -1.0;
    double high = 1.0;
    double level = 0.95;
    std::size_t resamples = 0;  // drawn
    std::size_t used = 0;       // resamples where rho was defined (not all tied)
    bool ok() const { return issue == StatIssue::None; }
};

BootstrapInterval spearmanBootstrap(const std::vector<double>& x, const std::vector<double>& y,
                                    std::size_t resamples, std::uint64_t seed, double level = 0.95);

}  // namespace encore::stats
