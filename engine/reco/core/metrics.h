#pragma once

// Ranking metrics for one held-out target: HR@K, NDCG@K and tfrs FactorizedTopK accuracy.

#include <cstddef>
#include <cstdint>
#include <map>
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
    std::vector<MetricSet> per_profile;  // "all" of each profile that has test plays
};

class MetricAccumulator {
public:
    explicit MetricAccumulator(std::vector<int> ks);
    // `profile` < 0 leaves the target out of the per-profile figures.
    void add(const RankOutcome& rank, bool repeat, int32_t profile = -1);
    EvalReport report() const;

private:
    void addTo(MetricSet& set, const RankOutcome& rank) const;

    std::vector<int> ks_;
    MetricSet sums_[3];                        // all, repeat, fresh
    std::map<int32_t, MetricSet> by_profile_;  // ordered, so the bootstrap is reproducible
};

// A mean over profiles (each profile weighs the same, however many plays it has) with its
// percentile bootstrap interval over profiles.
struct ProfileInterval {
    int64_t profiles = 0;
    double mean = 0.0, low = 0.0, high = 0.0;
};

// Percentile bootstrap of the mean of `values`: `resamples` draws with replacement (fixed seed),
// the (1 - level) / 2 and (1 + level) / 2 quantiles of their means.
ProfileInterval bootstrapMean(const std::vector<double>& values, int resamples = 1000,
                              uint64_t seed = 1, double level = 0.95);

// Percentile bootstrap of mean(a) / mean(b) over pairs (a[i], b[i]): the same profiles drawn for
// both, so that an interval of "method A against method B" keeps their pairing.
ProfileInterval bootstrapRatio(const std::vector<double>& a, const std::vector<double>& b,
                               int resamples = 1000, uint64_t seed = 1, double level = 0.95);

enum class Metric { HitRate, Ndcg };
// The per-profile mean and interval of `metric` at `k` in `report` (no profiles when k is absent).
ProfileInterval perProfile(const EvalReport& report, Metric metric, int k);
// Each profile's `metric` at `k`, in profile order (empty when k is absent).
std::vector<double> profileValues(const EvalReport& report, Metric metric, int k);

}  // namespace encore::reco
