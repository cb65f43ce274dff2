#include "stats/math/kruskalwallis.h"

#include "stats/math/distributions.h"
#include "stats/math/groupstats_p.h"
#include "stats/math/ranking.h"

namespace encore::stats {

KruskalWallis kruskalWallis(const std::vector<double>& values, const std::vector<int>& group) {
    KruskalWallis kw;
    const GroupedInput input = checkGroupedInput(values, group);
    kw.issue = input.issue;
    if (input.issue == StatIssue::Empty || input.issue == StatIssue::InvalidInput)
        return kw;
    kw.n = values.size();
    kw.groups = input.nonempty_groups;
    if (input.issue != StatIssue::None)
        return kw;

    const Ranks ranks = averageRanks(values);
    const double n = static_cast<double>(kw.n);
    kw.tie_correction = 1.0 - ranks.tie_term / (n * n * n - n);
    if (ranks.distinct < 2 || !(kw.tie_correction > 0.0)) {
        kw.issue = StatIssue::AllTied;
        kw.tie_correction = 0.0;
        return kw;
    }
    std::vector<double> rank_sum(input.group_count, 0.0);
    for (std::size_t i = 0; i < values.size(); ++i)
        rank_sum[static_cast<std::size_t>(group[i])] += ranks.rank[i];
    // 12 / (n (n + 1)) * sum n_g (mean rank_g - (n + 1) / 2)^2: the centred form of
    // 12 / (n (n + 1)) * sum R_g^2 / n_g - 3 (n + 1), free of cancellation for large n.
    const double mid_rank = 0.5 * (n + 1.0);
    double spread = 0.0;
    for (std::size_t g = 0; g < input.group_count; ++g) {
        if (input.count[g] == 0)
            continue;
        const double n_g = static_cast<double>(input.count[g]);
        const double deviation = rank_sum[g] / n_g - mid_rank;
        spread += n_g * deviation * deviation;
    }
    kw.h = 12.0 / (n * (n + 1.0)) * spread / kw.tie_correction;
    kw.df = static_cast<int>(kw.groups) - 1;
    kw.p_value = chiSquareSurvival(kw.h, kw.df);
    return kw;
}

}  // namespace encore::stats
