#include "stats/math/descriptive.h"

#include <algorithm>
#include <cmath>

namespace encore::stats {

double quantileSorted(const std::vector<double>& sorted, double p) {
    if (sorted.empty())
        return 0.0;
    if (std::isnan(p))
        p = 0.5;
    p = std::clamp(p, 0.0, 1.0);
    const double h = static_cast<double>(sorted.size() - 1) * p;
    const auto lower = static_cast<std::size_t>(std::floor(h));
    if (lower + 1 >= sorted.size())
        return sorted.back();
    const double fraction = h - static_cast<double>(lower);
    return sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower]);
}

double quantile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return quantileSorted(values, p);
}

Distribution describeDistribution(std::vector<double> values) {
    Distribution d;
    if (values.empty())
        return d;
    if (!allFinite(values)) {
        d.issue = StatIssue::InvalidInput;
        return d;
    }
    std::sort(values.begin(), values.end());
    d.issue = StatIssue::None;
    d.n = values.size();
    double sum = 0.0;
    for (double v : values) {
        sum += v;
        if (v == 0.0)
            ++d.zeros;
    }
    d.mean = sum / static_cast<double>(d.n);
    d.min = values.front();
    d.max = values.back();
    d.q1 = quantileSorted(values, 0.25);
    d.median = quantileSorted(values, 0.5);
    d.q3 = quantileSorted(values, 0.75);
    d.zero_share = static_cast<double>(d.zeros) / static_cast<double>(d.n);
    return d;
}

}  // namespace encore::stats
