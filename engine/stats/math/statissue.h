#pragma once

#include <cmath>
#include <vector>

namespace encore::stats {

// Why a statistic could not be computed as asked. Results never hold NaN: when the issue is
// not None, the numbers are neutral placeholders (0, p = 1, interval [-1, 1]) documented per
// result type, and the plain-words layer says why instead of quoting them.
enum class StatIssue {
    None,          // computed
    Empty,         // no observations
    TooFew,        // fewer observations than the statistic needs
    OneGroup,      // a comparison between groups with fewer than two non-empty groups
    AllTied,       // every value equal: nothing varies, so nothing can be explained
    InvalidInput,  // sizes differ, a value is NaN/infinite, a group index is negative, ...
    NotConverged,  // an iterative fit ran out of iterations
    Singular,      // the fitted system is singular
    Separation,    // the features predict some outcomes perfectly: estimates run off to infinity
};

// A short English name of an issue, for logs and the command-line tool.
const char* issueName(StatIssue issue);

inline bool allFinite(const std::vector<double>& values) {
    for (double v : values) {
        if (!std::isfinite(v))
            return false;
    }
    return true;
}

}  // namespace encore::stats
