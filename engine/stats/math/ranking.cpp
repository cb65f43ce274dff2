#include "stats/math/ranking.h"

#include <algorithm>
#include <numeric>

namespace encore::stats {

Ranks averageRanks(const std::vector<double>& values) {
    const std::size_t n = values.size();
    Ranks ranks;
    ranks.rank.assign(n, 0.0);
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    std::size_t start = 0;
    while (start < n) {
        std::size_t end = start + 1;
        while (end < n && values[order[end]] == values[order[start]])
            ++end;
        // Positions start..end-1 hold ranks start+1..end; their average is the midpoint.
        const double average = 0.5 * static_cast<double>(start + 1 + end);
        for (std::size_t k = start; k < end; ++k)
            ranks.rank[order[k]] = average;
        const double t = static_cast<double>(end - start);
        ranks.tie_term += t * t * t - t;
        ++ranks.distinct;
        start = end;
    }
    return ranks;
}

}  // namespace encore::stats
