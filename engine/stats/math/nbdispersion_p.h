#pragma once

// Private to stats/math: the maximum-likelihood NB2 dispersion for fixed means.

#include <cstddef>
#include <vector>

namespace encore::stats {

// Observations grouped by distinct outcome, so the log-gamma terms (which depend on y and
// alpha only) are computed once per distinct play count instead of once per track.
class NbDispersion {
public:
    explicit NbDispersion(const std::vector<double>& y);

    // NB2 log-likelihood at means mu and dispersion alpha > 0, including every constant.
    double logLikelihood(const std::vector<double>& mu, double alpha) const;

    // The alpha in [kMinAlpha, kMaxAlpha] that maximises the log-likelihood for these means:
    // a grid over log alpha, then Brent's method around the best grid point. A previous
    // estimate (hint > 0) narrows the search to hint * e^-+1 unless the optimum is at its edge.
    double maximize(const std::vector<double>& mu, double hint = 0.0) const;

    static constexpr double kMinAlpha = 1e-8;  // indistinguishable from Poisson
    static constexpr double kMaxAlpha = 1e4;

private:
    // The alpha-dependent part of the log-likelihood (terms in mu or y only are dropped).
    double profile(const std::vector<double>& mu, double alpha) const;

    const std::vector<double>& y_;
    std::vector<double> distinct_y_;
    std::vector<double> distinct_count_;
};

}  // namespace encore::stats
