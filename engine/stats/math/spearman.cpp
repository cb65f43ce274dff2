#include "stats/math/spearman.h"

#include "stats/math/descriptive.h"
#include "stats/math/distributions.h"
#include "stats/math/ranking.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace encore::stats {

namespace {

// Fieller, Hartley & Pearson (1957): var(atanh(r_s)) ~= 1.060 / (n - 3).
constexpr double kFiellerVarianceFactor = 1.06;
// Fewer usable bootstrap resamples than this give no interval.
constexpr std::size_t kMinBootstrapResamples = 10;

// Pearson correlation of two equally long samples; false when either is constant.
bool pearson(const std::vector<double>& a, const std::vector<double>& b, double* r) {
    const std::size_t n = a.size();
    double mean_a = 0.0;
    double mean_b = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        mean_a += a[i];
        mean_b += b[i];
    }
    mean_a /= static_cast<double>(n);
    mean_b /= static_cast<double>(n);
    double saa = 0.0;
    double sbb = 0.0;
    double sab = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double da = a[i] - mean_a;
        const double db = b[i] - mean_b;
        saa += da * da;
        sbb += db * db;
        sab += da * db;
    }
    if (!(saa > 0.0) || !(sbb > 0.0))
        return false;
    *r = std::clamp(sab / std::sqrt(saa * sbb), -1.0, 1.0);
    return true;
}

// Unbiased index in [0, n): rejects the top sliver of 2^64 that would favour small indices.
std::size_t drawIndex(std::mt19937_64& engine, std::size_t n) {
    const std::uint64_t bound = static_cast<std::uint64_t>(n);
    const std::uint64_t threshold = (0 - bound) % bound;  // 2^64 mod n
    for (;;) {
        const std::uint64_t r = engine();
        if (r >= threshold)
            return static_cast<std::size_t>(r % bound);
    }
}

StatIssue checkPairs(const std::vector<double>& x, const std::vector<double>& y) {
    if (x.size() != y.size() || !allFinite(x) || !allFinite(y))
        return StatIssue::InvalidInput;
    if (x.empty())
        return StatIssue::Empty;
    if (x.size() < 3)
        return StatIssue::TooFew;
    return StatIssue::None;
}

}  // namespace

Spearman spearman(const std::vector<double>& x, const std::vector<double>& y, double level) {
    const StatIssue issue = checkPairs(x, y);
    if (issue != StatIssue::None) {
        Spearman s;
        s.level = level;
        s.issue = issue;
        s.n = issue == StatIssue::InvalidInput ? 0 : x.size();
        return s;
    }
    return spearmanFromRanks(averageRanks(x).rank, averageRanks(y).rank, level);
}

Spearman spearmanFromRanks(const std::vector<double>& rank_x, const std::vector<double>& rank_y,
                           double level) {
    Spearman s;
    s.level = level;
    s.issue = checkPairs(rank_x, rank_y);
    s.n = s.issue == StatIssue::InvalidInput ? 0 : rank_x.size();
    if (s.issue != StatIssue::None)
        return s;
    double rho = 0.0;
    if (!pearson(rank_x, rank_y, &rho)) {
        s.issue = StatIssue::AllTied;
        return s;
    }
    s.rho = rho;
    const double n = static_cast<double>(s.n);
    const double df = n - 2.0;
    if (std::fabs(rho) >= 1.0) {
        s.p_value = 0.0;
    } else {
        const double t = rho * std::sqrt(df / ((1.0 - rho) * (1.0 + rho)));
        s.p_value = studentTTwoSided(t, df);
    }
    if (s.n >= 4) {
        const double z = std::atanh(rho);  // +-inf for |rho| = 1; tanh maps it back to +-1
        const double half_width =
            normalCriticalValue(level) * std::sqrt(kFiellerVarianceFactor / (n - 3.0));
        s.ci_low = std::tanh(z - half_width);
        s.ci_high = std::tanh(z + half_width);
    }
    return s;
}

BootstrapInterval spearmanBootstrap(const std::vector<double>& x, const std::vector<double>& y,
                                    std::size_t resamples, std::uint64_t seed, double level) {
    BootstrapInterval interval;
    interval.level = level;
    interval.issue = checkPairs(x, y);
    if (interval.issue != StatIssue::None)
        return interval;
    double rho = 0.0;
    if (!pearson(averageRanks(x).rank, averageRanks(y).rank, &rho)) {
        interval.issue = StatIssue::AllTied;
        return interval;
    }
    const std::size_t n = x.size();
    std::mt19937_64 engine(seed);
    std::vector<double> xs(n);
    std::vector<double> ys(n);
    std::vector<double> rhos;
    rhos.reserve(resamples);
    for (std::size_t b = 0; b < resamples; ++b) {
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t k = drawIndex(engine, n);
            xs[i] = x[k];
            ys[i] = y[k];
        }
        if (pearson(averageRanks(xs).rank, averageRanks(ys).rank, &rho))
            rhos.push_back(rho);
    }
    interval.resamples = resamples;
    interval.used = rhos.size();
    if (rhos.size() < kMinBootstrapResamples) {
        interval.issue = StatIssue::TooFew;
        return interval;
    }
    if (!(level > 0.0) || !(level < 1.0))
        level = 0.95;
    std::sort(rhos.begin(), rhos.end());
    interval.low = quantileSorted(rhos, 0.5 * (1.0 - level));
    interval.high = quantileSorted(rhos, 0.5 * (1.0 + level));
    return interval;
}

}  // namespace encore::stats
