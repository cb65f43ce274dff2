#pragma once

#include "stats/math/statissue.h"

#include <cstddef>
#include <vector>

namespace encore::stats {

// Groups with too few observations (e.g. genres with few tracks) pooled into one "other" group,
// so that between-group statistics are not driven by groups of two or three tracks.
struct GroupMerge {
    // The merged index of each observation's group.
    std::vector<int> group;
    // Per merged group: the original group index, or kOtherGroup for the pooled group.
    std::vector<int> source;
    // Per merged group: its number of observations.
    std::vector<std::size_t> size;
    // Merged index of the pooled group; -1 when no group was small enough to be pooled.
    int other = -1;
    // The threshold used, to show next to the result: groups with fewer observations than
    // this were pooled.
    std::size_t min_group_size = 0;
    // How many original (non-empty) groups were pooled into "other".
    std::size_t merged_groups = 0;
    StatIssue issue = StatIssue::None;  // None, Empty or InvalidInput (a negative group index)
    bool ok() const { return issue == StatIssue::None; }
};

inline constexpr int kOtherGroup = -1;

// group[i] is the original group index (>= 0) of observation i. Kept groups keep their
// original order; "other", if any, comes last. The pooled group is kept even if it is itself
// smaller than the threshold (its size is reported). Original indices with no observations
// are simply absent.
GroupMerge mergeSmallGroups(const std::vector<int>& group, std::size_t min_group_size);

}  // namespace encore::stats
