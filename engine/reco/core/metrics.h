#pragma once

// Ranking metrics for one held-out target: HR@K, NDCG@K and tfrs FactorizedTopK accuracy.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace encore::reco {

// Where the target landed among the candidates.
struct RankOutcome {
    int64_t greater = 0;  // candidates scored strictly above the target
    int64_t ties = 0;     // other candidates scored exactly like the target
};

// Rank of `target` in `scores` (n entries), ignoring `exclude` (unless it is the target).
RankOutcome rankTarget(const float* scores, size_t n, int32_t target,
                       const std::vector<int32_t>& exclude = {});

// Expected hit when ties are broken uniformly at random: a constant scorer gets K/n, not 1.
double hitRate(const RankOutcome& rank, int k);
// Expected 1/log2(position + 2) within the top K under the same random tie-breaking.
double ndcg(const RankOutcome& rank, int k);
// tfrs FactorizedTopK (tf.math.in_top_k): hit when fewer than K candidates score strictly
// higher, so ties count in the target's favour as in the seed.
double factorizedTopK(const RankOutcome& rank, int k);

// Averages of each metric at each K.
struct MetricSet {
    int64_t count = 0;
    std::vector<double> hr, ndcg, top_k;  // one entry per K
};

// Overall and split by whether the profile played the target track in the training part.
struct EvalReport {
    std::vector<int> ks;
    MetricSet all, repeat, fresh;
};

class MetricAccumulator {
public:
    explicit MetricAccumulator(std::vector<int> ks);
    void add(const RankOutcome& rank, bool repeat);
    EvalReport report() const;

private:
    std::vector<int> ks_;
    MetricSet sums_[3];  // all, repeat, fresh
};

}  // namespace encore::reco
