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
    // Brent's method on log alpha within hint * e^-+1, the hint being a previous estimate or,
    // without one, the moment estimate; when the optimum lands at the window's edge (or there
    // is no hint), a grid over the whole range picks the window instead.
    double maximize(const std::vector<double>& mu, double hint = 0.0) const;

    static constexpr double kMinAlpha = 1e-8;  // indistinguishable from Poisson
    static constexpr double kMaxAlpha = 1e4;

private:
    // Method-of-moments estimate sum((y - mu)^2 - y) / sum(mu^2) (Cameron & Trivedi 2013,
    // 3.2.3): a cheap starting point for the likelihood search; 0 when it is not positive.
    double momentEstimate(const std::vector<double>& mu) const;

    // The alpha-dependent part of the log-likelihood (terms in mu or y only are dropped).
    double profile(const std::vector<double>& mu, double alpha) const;

    const std::vector<double>& y_;
    std::vector<double> distinct_y_;
    std::vector<double> distinct_count_;
};

}  // namespace encore::stats
