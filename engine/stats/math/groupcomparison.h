#pragma once

#include "stats/math/descriptive.h"
#include "stats/math/etasquared.h"
#include "stats/math/groupmerge.h"
#include "stats/math/kruskalwallis.h"

#include <cstddef>
#include <vector>

namespace encore::stats {

// Everything "genre vs popularity" needs in one pass: small groups pooled into "other", the
// distribution of the outcome in each resulting group, eta^2 and Kruskal-Wallis on them.
struct GroupComparison {
    GroupMerge merge;                        // merge.source[k] names group k
    std::vector<Distribution> distribution;  // per merged group, same order as merge.source
    EtaSquared eta;
    KruskalWallis kruskal;
};

// values[i] (e.g. plays of a track) belongs to group[i] (dense indices 0..k-1). A track with
// several genres appears once per genre if the caller lists it so (the caller decides).
GroupComparison compareGroups(const std::vector<double>& values, const std::vector<int>& group,
                              std::size_t min_group_size);

}  // namespace encore::stats
