#include "reco/core/metrics.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace encore::reco {

RankOutcome rankTarget(const float* scores, size_t n, int32_t target,
                       const std::vector<int32_t>& exclude) {
    RankOutcome rank;
    if (target < 0 || static_cast<size_t>(target) >= n)
        return {static_cast<int64_t>(n), 0};
    const float s = scores[target];
    for (size_t i = 0; i < n; ++i) {
        if (static_cast<int32_t>(i) == target)
            continue;
        if (scores[i] > s)
            ++rank.greater;
        else if (scores[i] == s)
            ++rank.ties;
    }
    for (int32_t e : exclude) {
        if (e == target || e < 0 || static_cast<size_t>(e) >= n)
            continue;
        if (scores[e] > s)
            --rank.greater;
        else if (scores[e] == s)
            --rank.ties;
    }
    return rank;
}

double hitRate(const RankOutcome& rank, int k) {
    if (rank.greater >= k)
        return 0.0;
    return std::min(1.0,
                    static_cast<double>(k - rank.greater) / static_cast<double>(rank.ties + 1));
}

double ndcg(const RankOutcome& rank, int k) {
    double sum = 0.0;
    const int64_t last = std::min<int64_t>(rank.greater + rank.ties, k - 1);
    for (int64_t position = rank.greater; position <= last; ++position)
        sum += 1.0 / std::log2(static_cast<double>(position) + 2.0);
    return sum / static_cast<double>(rank.ties + 1);
}

double factorizedTopK(const RankOutcome& rank, int k) {
    return rank.greater < k ? 1.0 : 0.0;
}

MetricAccumulator::MetricAccumulator(std::vector<int> ks) : ks_(std::move(ks)) {
    for (MetricSet& set : sums_) {
        set.hr.assign(ks_.size(), 0.0);
        set.ndcg.assign(ks_.size(), 0.0);
        set.top_k.assign(ks_.size(), 0.0);
    }
}

void MetricAccumulator::add(const RankOutcome& rank, bool repeat) {
    for (MetricSet* set : {&sums_[0], &sums_[repeat ? 1 : 2]}) {
        ++set->count;
        for (size_t j = 0; j < ks_.size(); ++j) {
            set->hr[j] += hitRate(rank, ks_[j]);
            set->ndcg[j] += ndcg(rank, ks_[j]);
            set->top_k[j] += factorizedTopK(rank, ks_[j]);
        }
    }
}

EvalReport MetricAccumulator::report() const {
    EvalReport report;
    report.ks = ks_;
    MetricSet* out[3] = {&report.all, &report.repeat, &report.fresh};
    for (int i = 0; i < 3; ++i) {
        *out[i] = sums_[i];
        const double n = std::max<double>(1.0, static_cast<double>(sums_[i].count));
        for (size_t j = 0; j < ks_.size(); ++j) {
            out[i]->hr[j] /= n;
            out[i]->ndcg[j] /= n;
            out[i]->top_k[j] /= n;
        }
    }
    return report;
}

}  // namespace encore::reco
