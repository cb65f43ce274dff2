#include "stats/math/etasquared.h"

#include "stats/math/groupstats_p.h"

#include <algorithm>

namespace encore::stats {

EtaSquared etaSquared(const std::vector<double>& values, const std::vector<int>& group) {
    EtaSquared eta;
    const GroupedInput input = checkGroupedInput(values, group);
    eta.issue = input.issue;
    if (input.issue == StatIssue::Empty || input.issue == StatIssue::InvalidInput)
        return eta;
    eta.n = values.size();
    eta.groups = input.nonempty_groups;

    std::vector<double> sum(input.group_count, 0.0);
    double total = 0.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        sum[static_cast<std::size_t>(group[i])] += values[i];
        total += values[i];
    }
    const double grand_mean = total / static_cast<double>(eta.n);
    for (double v : values)
        eta.ss_total += (v - grand_mean) * (v - grand_mean);
    for (std::size_t g = 0; g < input.group_count; ++g) {
        if (input.count[g] == 0)
            continue;
        const double n_g = static_cast<double>(input.count[g]);
        const double deviation = sum[g] / n_g - grand_mean;
        eta.ss_between += n_g * deviation * deviation;
    }
    if (eta.issue != StatIssue::None) {
        eta.ss_between = 0.0;
        return eta;
    }
    if (!(eta.ss_total > 0.0)) {
        eta.issue = StatIssue::AllTied;
        eta.ss_total = 0.0;
        eta.ss_between = 0.0;
        return eta;
    }
    eta.eta_squared = std::clamp(eta.ss_between / eta.ss_total, 0.0, 1.0);
    return eta;
}

}  // namespace encore::stats
