#include "stats/math/ranking.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace encore::stats {

namespace {

// Whole numbers spanning at most this many values per observation are ranked by counting
// (play counts, years, bitrates), which is linear instead of n log n.
constexpr double kCountingSpanPerValue = 4.0;
constexpr double kCountingSpanSlack = 1024.0;

// Average rank of the tied values at sorted positions [start, end): their midpoint.
double averageOf(std::size_t start, std::size_t end) {
    return 0.5 * static_cast<double>(start + 1 + end);
}

void addTie(Ranks& ranks, std::size_t count) {
    const double t = static_cast<double>(count);
    ranks.tie_term += t * t * t - t;
    ++ranks.distinct;
}

bool countingRanks(const std::vector<double>& values, Ranks& ranks) {
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    const double span = *hi - *lo;
    if (!(span <= kCountingSpanPerValue * static_cast<double>(values.size()) + kCountingSpanSlack))
        return false;
    for (double v : values) {
        if (v != std::floor(v))
            return false;
    }
    const double base = *lo;
    std::vector<std::size_t> count(static_cast<std::size_t>(span) + 1, 0);
    for (double v : values)
        ++count[static_cast<std::size_t>(v - base)];
    std::vector<double> rankOf(count.size(), 0.0);
    std::size_t start = 0;
    for (std::size_t k = 0; k < count.size(); ++k) {
        if (count[k] == 0)
            continue;
        rankOf[k] = averageOf(start, start + count[k]);
        addTie(ranks, count[k]);
        start += count[k];
    }
    for (std::size_t i = 0; i < values.size(); ++i)
        ranks.rank[i] = rankOf[static_cast<std::size_t>(values[i] - base)];
    return true;
}

void sortingRanks(const std::vector<double>& values, Ranks& ranks) {
    const std::size_t n = values.size();
    // (value, index) pairs sorted in place: contiguous, so they sort several times faster
    // than an index sort through `values`. Ties get their average rank, so the order among
    // equal values does not matter.
    std::vector<std::pair<double, std::size_t>> order(n);
    for (std::size_t i = 0; i < n; ++i)
        order[i] = {values[i], i};
    std::sort(order.begin(), order.end());
    std::size_t start = 0;
    while (start < n) {
        std::size_t end = start + 1;
        while (end < n && order[end].first == order[start].first)
            ++end;
        const double average = averageOf(start, end);
        for (std::size_t k = start; k < end; ++k)
            ranks.rank[order[k].second] = average;
        addTie(ranks, end - start);
        start = end;
    }
}

}  // namespace

Ranks averageRanks(const std::vector<double>& values) {
    Ranks ranks;
    ranks.rank.assign(values.size(), 0.0);
    if (values.empty())
        return ranks;
    if (!countingRanks(values, ranks))
        sortingRanks(values, ranks);
    return ranks;
}

}  // namespace encore::stats
