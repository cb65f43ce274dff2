#include "stats/math/groupmerge.h"

#include <algorithm>

namespace encore::stats {

GroupMerge mergeSmallGroups(const std::vector<int>& group, std::size_t min_group_size) {
    GroupMerge merge;
    merge.min_group_size = min_group_size;
    if (group.empty()) {
        merge.issue = StatIssue::Empty;
        return merge;
    }
    if (*std::min_element(group.begin(), group.end()) < 0) {
        merge.issue = StatIssue::InvalidInput;
        return merge;
    }
    const int groups = *std::max_element(group.begin(), group.end()) + 1;
    std::vector<std::size_t> count(static_cast<std::size_t>(groups), 0);
    for (int g : group)
        ++count[static_cast<std::size_t>(g)];

    std::vector<int> merged_index(static_cast<std::size_t>(groups), -1);
    std::size_t pooled = 0;
    for (int g = 0; g < groups; ++g) {
        const std::size_t c = count[static_cast<std::size_t>(g)];
        if (c == 0)
            continue;
        if (c < min_group_size) {
            ++merge.merged_groups;
            pooled += c;
            continue;
        }
        merged_index[static_cast<std::size_t>(g)] = static_cast<int>(merge.source.size());
        merge.source.push_back(g);
        merge.size.push_back(c);
    }
    if (merge.merged_groups > 0) {
        merge.other = static_cast<int>(merge.source.size());
        merge.source.push_back(kOtherGroup);
        merge.size.push_back(pooled);
    }
    merge.group.reserve(group.size());
    for (int g : group) {
        const int m = merged_index[static_cast<std::size_t>(g)];
        merge.group.push_back(m >= 0 ? m : merge.other);
    }
    return merge;
}

}  // namespace encore::stats
