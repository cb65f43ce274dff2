#include "reco/core/metrics.h"

#include <algorithm>
#include <cmath>
#include <random>
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

void MetricAccumulator::addTo(MetricSet& set, const RankOutcome& rank) const {
    if (set.hr.empty()) {
        set.hr.assign(ks_.size(), 0.0);
        set.ndcg.assign(ks_.size(), 0.0);
        set.top_k.assign(ks_.size(), 0.0);
    }
    ++set.count;
    for (size_t j = 0; j < ks_.size(); ++j) {
        set.hr[j] += hitRate(rank, ks_[j]);
        set.ndcg[j] += ndcg(rank, ks_[j]);
        set.top_k[j] += factorizedTopK(rank, ks_[j]);
    }
}

void MetricAccumulator::add(const RankOutcome& rank, bool repeat, int32_t profile) {
    addTo(sums_[0], rank);
    addTo(sums_[repeat ? 1 : 2], rank);
    if (profile >= 0)
        addTo(by_profile_[profile], rank);
}

namespace {

MetricSet averaged(MetricSet set) {
    const double n = std::max<double>(1.0, static_cast<double>(set.count));
    for (std::vector<double>* v : {&set.hr, &set.ndcg, &set.top_k}) {
        for (double& x : *v)
            x /= n;
    }
    return set;
}

}  // namespace

EvalReport MetricAccumulator::report() const {
    EvalReport report;
    report.ks = ks_;
    report.all = averaged(sums_[0]);
    report.repeat = averaged(sums_[1]);
    report.fresh = averaged(sums_[2]);
    for (const auto& [profile, set] : by_profile_)
        report.per_profile.push_back(averaged(set));
    return report;
}

namespace {

// The (1 - level) / 2 and (1 + level) / 2 quantiles of `draws` (sorted here).
void percentileInterval(std::vector<double>& draws, double level, ProfileInterval& interval) {
    std::sort(draws.begin(), draws.end());
    auto quantile = [&](double q) {
        const double at = q * static_cast<double>(draws.size() - 1);
        const size_t below = static_cast<size_t>(std::floor(at));
        const size_t above = std::min(below + 1, draws.size() - 1);
        return draws[below] + (at - static_cast<double>(below)) * (draws[above] - draws[below]);
    };
    interval.low = quantile((1.0 - level) / 2.0);
    interval.high = quantile((1.0 + level) / 2.0);
}

double ratioOf(double a, double b) {
    return b > 0.0 ? a / b : (a > 0.0 ? 1e9 : 0.0);
}

}  // namespace

ProfileInterval bootstrapMean(const std::vector<double>& values, int resamples, uint64_t seed,
                              double level) {
    ProfileInterval interval;
    interval.profiles = static_cast<int64_t>(values.size());
    if (values.empty())
        return interval;
    const double n = static_cast<double>(values.size());
    for (double v : values)
        interval.mean += v / n;
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<size_t> pick(0, values.size() - 1);
    std::vector<double> means(static_cast<size_t>(std::max(resamples, 1)));
    for (double& mean : means) {
        double sum = 0.0;
        for (size_t i = 0; i < values.size(); ++i)
            sum += values[pick(rng)];
        mean = sum / n;
    }
    percentileInterval(means, level, interval);
    return interval;
}

ProfileInterval bootstrapRatio(const std::vector<double>& a, const std::vector<double>& b,
                               int resamples, uint64_t seed, double level) {
    ProfileInterval interval;
    const size_t n = std::min(a.size(), b.size());
    interval.profiles = static_cast<int64_t>(n);
    if (n == 0)
        return interval;
    double sum_a = 0.0, sum_b = 0.0;
    for (size_t i = 0; i < n; ++i) {
        sum_a += a[i];
        sum_b += b[i];
    }
    interval.mean = ratioOf(sum_a, sum_b);
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<size_t> pick(0, n - 1);
    std::vector<double> ratios(static_cast<size_t>(std::max(resamples, 1)));
    for (double& ratio : ratios) {
        double ra = 0.0, rb = 0.0;
        for (size_t i = 0; i < n; ++i) {
            const size_t j = pick(rng);
            ra += a[j];
            rb += b[j];
        }
        ratio = ratioOf(ra, rb);
    }
    percentileInterval(ratios, level, interval);
    return interval;
}

std::vector<double> profileValues(const EvalReport& report, Metric metric, int k) {
    const auto it = std::find(report.ks.begin(), report.ks.end(), k);
    if (it == report.ks.end())
        return {};
    const size_t j = static_cast<size_t>(it - report.ks.begin());
    std::vector<double> values;
    for (const MetricSet& set : report.per_profile)
        values.push_back(metric == Metric::HitRate ? set.hr[j] : set.ndcg[j]);
    return values;
}

ProfileInterval perProfile(const EvalReport& report, Metric metric, int k) {
    return bootstrapMean(profileValues(report, metric, k));
}

}  // namespace encore::reco
