#include "stats/math/specialfunctions.h"

#include <cmath>
#include <limits>

namespace encore::stats {

namespace {

constexpr double kEpsilon = std::numeric_limits<double>::epsilon();
// Lentz's method replaces an exact zero denominator by this tiny number.
constexpr double kTiny = std::numeric_limits<double>::min() / kEpsilon;
// Both expansions converge in O(sqrt(a)) terms; this bound is never reached for finite input.
constexpr int kMaxIterations = 1000000;

// Lanczos coefficients for g = 7, n = 9 (Godfrey; as tabulated in Numerical Recipes 3rd ed.).
constexpr double kLanczosG = 7.0;
constexpr double kLanczos[] = {0.99999999999980993,  676.5203681218851,     -1259.1392167224028,
                               771.32342877765313,   -176.61502916214059,   12.507343278686905,
                               -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
const double kHalfLogTwoPi = 0.5 * std::log(2.0 * M_PI);

// exp(-x) x^a / Gamma(a): the common prefactor of both expansions of the incomplete gamma.
double gammaPrefactor(double a, double x) {
    return std::exp(-x + a * std::log(x) - lnGamma(a));
}

// P(a, x) by its series; valid and fast for x < a + 1.
double gammaSeries(double a, double x) {
    double ap = a;
    double term = 1.0 / a;
    double sum = term;
    for (int i = 0; i < kMaxIterations; ++i) {
        ap += 1.0;
        term *= x / ap;
        sum += term;
        if (std::fabs(term) < std::fabs(sum) * kEpsilon)
            break;
    }
    return sum * gammaPrefactor(a, x);
}

// Q(a, x) by its continued fraction (modified Lentz); valid and fast for x >= a + 1.
double gammaContinuedFraction(double a, double x) {
    double b = x + 1.0 - a;
    double c = 1.0 / kTiny;
    double d = 1.0 / b;
    double h = d;
    for (int i = 1; i < kMaxIterations; ++i) {
        const double an = -i * (i - a);
        b += 2.0;
        d = an * d + b;
        if (std::fabs(d) < kTiny)
            d = kTiny;
        c = b + an / c;
        if (std::fabs(c) < kTiny)
            c = kTiny;
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1.0) <= kEpsilon)
            break;
    }
    return gammaPrefactor(a, x) * h;
}

// Continued fraction of the incomplete beta (Numerical Recipes betacf, modified Lentz).
double betaContinuedFraction(double a, double b, double x) {
    const double qab = a + b;
    const double qap = a + 1.0;
    const double qam = a - 1.0;
    double c = 1.0;
    double d = 1.0 - qab * x / qap;
    if (std::fabs(d) < kTiny)
        d = kTiny;
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m < kMaxIterations; ++m) {
        const int m2 = 2 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        if (std::fabs(d) < kTiny)
            d = kTiny;
        c = 1.0 + aa / c;
        if (std::fabs(c) < kTiny)
            c = kTiny;
        d = 1.0 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        if (std::fabs(d) < kTiny)
            d = kTiny;
        c = 1.0 + aa / c;
        if (std::fabs(c) < kTiny)
            c = kTiny;
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1.0) <= kEpsilon)
            break;
    }
    return h;
}

}  // namespace

double lnGamma(double x) {
    if (!(x > 0.0) || std::isinf(x))
        return x > 0.0 ? x : 0.0;
    if (x < 0.5)  // reflection keeps the approximation in its accurate range
        return std::log(M_PI / std::fabs(std::sin(M_PI * x))) - lnGamma(1.0 - x);
    const double z = x - 1.0;
    double sum = kLanczos[0];
    for (int i = 1; i < 9; ++i)
        sum += kLanczos[i] / (z + i);
    const double t = z + kLanczosG + 0.5;
    return kHalfLogTwoPi + (z + 0.5) * std::log(t) - t + std::log(sum);
}

double regularizedGammaP(double a, double x) {
    if (std::isnan(a) || std::isnan(x) || !(a > 0.0) || x <= 0.0)
        return 0.0;
    if (std::isinf(x))
        return 1.0;
    if (x < a + 1.0)
        return gammaSeries(a, x);
    return 1.0 - gammaContinuedFraction(a, x);
}

double regularizedGammaQ(double a, double x) {
    if (std::isnan(a) || std::isnan(x) || !(a > 0.0) || x <= 0.0)
        return 1.0;
    if (std::isinf(x))
        return 0.0;
    if (x < a + 1.0)
        return 1.0 - gammaSeries(a, x);
    return gammaContinuedFraction(a, x);
}

double regularizedBeta(double a, double b, double x) {
    if (std::isnan(a) || std::isnan(b) || std::isnan(x) || !(a > 0.0) || !(b > 0.0) || x <= 0.0)
        return 0.0;
    if (x >= 1.0)
        return 1.0;
    const double front =
        std::exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * std::log(x) + b * std::log1p(-x));
    if (x < (a + 1.0) / (a + b + 2.0))
        return front * betaContinuedFraction(a, b, x) / a;
    return 1.0 - front * betaContinuedFraction(b, a, 1.0 - x) / b;
}

}  // namespace encore::stats
