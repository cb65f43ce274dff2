#pragma once

#include <cstddef>
#include <vector>

namespace encore::stats {

// Ranks 1..n with ties given the average of the ranks they span ("fractional" or "mid" ranks,
// scipy.stats.rankdata(method="average"), R's rank(ties.method = "average")).
struct Ranks {
    std::vector<double> rank;  // rank[i] belongs to values[i]
    // Sum over groups of tied values of t^3 - t (t = group size): the tie correction term of
    // Kruskal-Wallis and of the Spearman variance. 0 when there are no ties.
    double tie_term = 0.0;
    // Number of distinct values (1 when everything is tied, 0 for empty input).
    std::size_t distinct = 0;
};

Ranks averageRanks(const std::vector<double>& values);

}  // namespace encore::stats
