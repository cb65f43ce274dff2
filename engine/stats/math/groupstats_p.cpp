#include "stats/math/groupstats_p.h"

#include <algorithm>

namespace encore::stats {

GroupedInput checkGroupedInput(const std::vector<double>& values, const std::vector<int>& group) {
    GroupedInput input;
    if (values.size() != group.size() || !allFinite(values)) {
        input.issue = StatIssue::InvalidInput;
        return input;
    }
    if (values.empty()) {
        input.issue = StatIssue::Empty;
        return input;
    }
    if (*std::min_element(group.begin(), group.end()) < 0) {
        input.issue = StatIssue::InvalidInput;
        return input;
    }
    input.group_count = static_cast<std::size_t>(*std::max_element(group.begin(), group.end())) + 1;
    input.count.assign(input.group_count, 0);
    for (int g : group)
        ++input.count[static_cast<std::size_t>(g)];
    input.nonempty_groups = static_cast<std::size_t>(
        std::count_if(input.count.begin(), input.count.end(), [](std::size_t c) { return c > 0; }));
    if (input.nonempty_groups < 2)
        input.issue = StatIssue::OneGroup;
    return input;
}

}  // namespace encore::stats
