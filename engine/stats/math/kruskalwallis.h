#pragma once

#include "stats/math/statissue.h"

#include <cstddef>
#include <vector>

namespace encore::stats {

// Kruskal-Wallis H test: do the groups differ in location? Rank-based, so robust to the long
// tail of play counts. H is corrected for ties, H = H_raw / C with
// C = 1 - sum(t^3 - t) / (n^3 - n); p from the chi-square distribution with k - 1 degrees of
// freedom (the large-sample approximation used by scipy.stats.kruskal and R's kruskal.test).
struct KruskalWallis {
    // None; Empty; InvalidInput; OneGroup (fewer than two non-empty groups); AllTied (C = 0:
    // every value equal). Unless None: h = 0, p_value = 1, df = 0.
    StatIssue issue = StatIssue::Empty;
    std::size_t n = 0;
    std::size_t groups = 0;       // non-empty groups (k)
    double h = 0.0;               // tie-corrected statistic
    int df = 0;                   // k - 1
    double tie_correction = 1.0;  // C in (0, 1]; 1 without ties
    double p_value = 1.0;         // P(chi2(df) > h)
    bool ok() const { return issue == StatIssue::None; }
};

// values[i] belongs to group[i]: dense indices 0..k-1; empty indices are ignored.
KruskalWallis kruskalWallis(const std::vector<double>& values, const std::vector<int>& group);

}  // namespace encore::stats
