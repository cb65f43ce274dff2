#include "stats/math/groupcomparison.h"

namespace encore::stats {

GroupComparison compareGroups(const std::vector<double>& values, const std::vector<int>& group,
                              std::size_t min_group_size) {
    GroupComparison c;
    if (values.size() != group.size()) {
        c.merge.issue = StatIssue::InvalidInput;
        c.merge.min_group_size = min_group_size;
        c.eta.issue = StatIssue::InvalidInput;
        c.kruskal.issue = StatIssue::InvalidInput;
        return c;
    }
    c.merge = mergeSmallGroups(group, min_group_size);
    if (!c.merge.ok()) {
        c.eta.issue = c.merge.issue;
        c.kruskal.issue = c.merge.issue;
        return c;
    }
    std::vector<std::vector<double>> per_group(c.merge.source.size());
    for (std::size_t k = 0; k < per_group.size(); ++k)
        per_group[k].reserve(c.merge.size[k]);
    for (std::size_t i = 0; i < values.size(); ++i)
        per_group[static_cast<std::size_t>(c.merge.group[i])].push_back(values[i]);
    c.distribution.reserve(per_group.size());
    for (std::vector<double>& v : per_group)
        c.distribution.push_back(describeDistribution(std::move(v)));
    c.eta = etaSquared(values, c.merge.group);
    c.kruskal = kruskalWallis(values, c.merge.group);
    return c;
}

}  // namespace encore::stats
