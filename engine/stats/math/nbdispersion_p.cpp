#include "stats/math/nbdispersion_p.h"

#include "stats/math/specialfunctions.h"

#include <algorithm>
#include <cmath>

namespace encore::stats {

namespace {

// Below this integer count lnGamma(y + r) - lnGamma(r) is summed as log(r + j): exact even
// when r is huge and the two log-gammas would cancel.
constexpr double kSumLogLimit = 64.0;
// Grid over log alpha before the local search.
constexpr double kGridStep = 0.5;
// With a previous estimate: search log alpha within this distance of it ...
constexpr double kHintWidth = 1.0;
// ... and fall back to the full grid when the optimum lands this close to the window's edge.
constexpr double kEdgeMargin = 1e-3;
// Brent's method stops when log alpha is known to this absolute tolerance.
constexpr double kBrentTolerance = 1e-9;
constexpr int kBrentIterations = 200;
const double kGolden = 0.5 * (3.0 - std::sqrt(5.0));

double lnGammaRatio(double y, double r) {
    if (y == 0.0)
        return 0.0;
    if (y < kSumLogLimit && y == std::floor(y)) {
        double sum = 0.0;
        for (int j = 0; j < static_cast<int>(y); ++j)
            sum += std::log(r + j);
        return sum;
    }
    return lnGamma(y + r) - lnGamma(r);
}

// Brent's minimisation (golden section with parabolic steps) of f on [a, b].
template <typename F>
double brentMinimize(F f, double a, double b, double start) {
    double x = start;
    double w = start;
    double v = start;
    double fx = f(x);
    double fw = fx;
    double fv = fx;
    double d = 0.0;
    double e = 0.0;
    for (int iteration = 0; iteration < kBrentIterations; ++iteration) {
        const double middle = 0.5 * (a + b);
        const double tol1 = kBrentTolerance * std::fabs(x) + 1e-12;
        const double tol2 = 2.0 * tol1;
        if (std::fabs(x - middle) <= tol2 - 0.5 * (b - a))
            break;
        bool golden = true;
        if (std::fabs(e) > tol1) {
            double r = (x - w) * (fx - fv);
            double q = (x - v) * (fx - fw);
            double p = (x - v) * q - (x - w) * r;
            q = 2.0 * (q - r);
            if (q > 0.0)
                p = -p;
            q = std::fabs(q);
            const double previous = e;
            e = d;
            if (std::fabs(p) < std::fabs(0.5 * q * previous) && p > q * (a - x) &&
                p < q * (b - x)) {
                d = p / q;
                const double u = x + d;
                if (u - a < tol2 || b - u < tol2)
                    d = middle > x ? tol1 : -tol1;
                golden = false;
            }
        }
        if (golden) {
            e = (x >= middle ? a : b) - x;
            d = kGolden * e;
        }
        const double u = std::fabs(d) >= tol1 ? x + d : x + (d > 0.0 ? tol1 : -tol1);
        const double fu = f(u);
        if (fu <= fx) {
            (u >= x ? a : b) = x;
            v = w;
            fv = fw;
            w = x;
            fw = fx;
            x = u;
            fx = fu;
        } else {
            (u < x ? a : b) = u;
            if (fu <= fw || w == x) {
                v = w;
                fv = fw;
                w = u;
                fw = fu;
            } else if (fu <= fv || v == x || v == w) {
                v = u;
                fv = fu;
            }
        }
    }
    return x;
}

}  // namespace

NbDispersion::NbDispersion(const std::vector<double>& y) : y_(y) {
    std::vector<double> sorted(y);
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < sorted.size();) {
        std::size_t j = i;
        while (j < sorted.size() && sorted[j] == sorted[i])
            ++j;
        distinct_y_.push_back(sorted[i]);
        distinct_count_.push_back(static_cast<double>(j - i));
        i = j;
    }
}

double NbDispersion::profile(const std::vector<double>& mu, double alpha) const {
    const double r = 1.0 / alpha;
    double value = 0.0;
    for (std::size_t k = 0; k < distinct_y_.size(); ++k)
        value += distinct_count_[k] * lnGammaRatio(distinct_y_[k], r);
    for (std::size_t i = 0; i < mu.size(); ++i) {
        // r log(r / (r + mu)) + y log(1 / (r + mu)), the first as -r log1p(mu / r) to stay
        // exact as r grows towards the Poisson limit.
        value -= r * std::log1p(mu[i] / r) + y_[i] * std::log(r + mu[i]);
    }
    return value;
}

double NbDispersion::logLikelihood(const std::vector<double>& mu, double alpha) const {
    double value = profile(mu, alpha);
    for (std::size_t i = 0; i < mu.size(); ++i) {
        if (y_[i] > 0.0)
            value += y_[i] * std::log(mu[i]);
    }
    for (std::size_t k = 0; k < distinct_y_.size(); ++k)
        value -= distinct_count_[k] * lnGamma(distinct_y_[k] + 1.0);
    return value;
}

double NbDispersion::momentEstimate(const std::vector<double>& mu) const {
    double numerator = 0.0;
    double denominator = 0.0;
    for (std::size_t i = 0; i < mu.size(); ++i) {
        const double residual = y_[i] - mu[i];
        numerator += residual * residual - y_[i];
        denominator += mu[i] * mu[i];
    }
    return denominator > 0.0 && numerator > 0.0 ? numerator / denominator : 0.0;
}

double NbDispersion::maximize(const std::vector<double>& mu, double hint) const {
    if (!(hint > 0.0))
        hint = momentEstimate(mu);
    const double lo = std::log(kMinAlpha);
    const double hi = std::log(kMaxAlpha);
    auto negative = [&](double log_alpha) { return -profile(mu, std::exp(log_alpha)); };
    if (hint > 0.0) {
        const double centre = std::clamp(std::log(hint), lo, hi);
        const double a = std::max(lo, centre - kHintWidth);
        const double b = std::min(hi, centre + kHintWidth);
        const double t = brentMinimize(negative, a, b, centre);
        const bool inside = (t - a > kEdgeMargin || a == lo) && (b - t > kEdgeMargin || b == hi);
        if (inside)
            return std::exp(t);
    }
    double best = lo;
    double best_value = negative(lo);
    for (double t = lo + kGridStep; t <= hi + 1e-12; t += kGridStep) {
        const double value = negative(t);
        if (value < best_value) {
            best_value = value;
            best = t;
        }
    }
    const double a = std::max(lo, best - kGridStep);
    const double b = std::min(hi, best + kGridStep);
    return std::exp(brentMinimize(negative, a, b, best));
}

}  // namespace encore::stats
