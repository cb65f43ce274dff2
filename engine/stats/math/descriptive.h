#pragma once

#include "stats/math/statissue.h"

#include <cstddef>
#include <vector>

namespace encore::stats {

// Quantiles follow R's type 7, numpy's default ("linear"), Excel's QUARTILE.INC:
// h = (n - 1) p; the result interpolates linearly between the sorted values at floor(h) and
// floor(h) + 1. p is clamped to [0, 1]; an empty input gives 0.
double quantileSorted(const std::vector<double>& sorted, double p);

// Same on unsorted values (sorts a copy). Values must be finite (NaN has no place in an order).
double quantile(std::vector<double> values, double p);

// Five-number summary plus mean and share of zeros ("never played") of one sample.
struct Distribution {
    StatIssue issue = StatIssue::Empty;  // None, Empty or InvalidInput (a NaN/infinite value)
    std::size_t n = 0;
    double mean = 0.0;
    double min = 0.0;
    double q1 = 0.0;  // type-7 quantiles, see quantileSorted
    double median = 0.0;
    double q3 = 0.0;
    double max = 0.0;
    std::size_t zeros = 0;    // values exactly 0
    double zero_share = 0.0;  // zeros / n, in [0, 1]
    bool ok() const { return issue == StatIssue::None; }
};

// All fields stay 0 unless issue is None.
Distribution describeDistribution(std::vector<double> values);

}  // namespace encore::stats
