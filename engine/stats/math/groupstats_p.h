#pragma once

// Private to stats/math: the input checks shared by the between-group statistics.

#include "stats/math/statissue.h"

#include <cstddef>
#include <vector>

namespace encore::stats {

struct GroupedInput {
    StatIssue issue = StatIssue::None;  // Empty, InvalidInput, OneGroup or None
    std::size_t group_count = 0;        // max index + 1
    std::size_t nonempty_groups = 0;
    std::vector<std::size_t> count;  // per group index
};

GroupedInput checkGroupedInput(const std::vector<double>& values, const std::vector<int>& group);

}  // namespace encore::stats
