#pragma once

#include "stats/math/statissue.h"

#include <cstddef>
#include <vector>

namespace encore::stats {

// Correlation ratio eta^2 of a numeric outcome on a categorical grouping: the share of the
// outcome's variance that lies between the group means, SS_between / SS_total (equal to the
// R^2 of a one-way ANOVA).
struct EtaSquared {
    // None; Empty; InvalidInput (sizes differ, NaN, negative group); OneGroup (fewer than two
    // non-empty groups: eta^2 = 0); AllTied (every value equal: SS_total = 0, eta^2 = 0).
    StatIssue issue = StatIssue::Empty;
    std::size_t n = 0;
    std::size_t groups = 0;  // non-empty groups
    double ss_between = 0.0;
    double ss_total = 0.0;
    double eta_squared = 0.0;  // in [0, 1]
    bool ok() const { return issue == StatIssue::None; }
};

// values[i] belongs to group[i]: dense indices 0..k-1 (memory is O(k)).
EtaSquared etaSquared(const std::vector<double>& values, const std::vector<int>& group);

}  // namespace encore::stats
