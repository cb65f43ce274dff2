#include "stats/math/distributions.h"

#include "stats/math/specialfunctions.h"

#include <cmath>

namespace encore::stats {

namespace {

// An interval level outside (0, 1) falls back to this rather than collapsing the interval.
constexpr double kDefaultLevel = 0.95;
// Beyond this |z| the normal tail is below the smallest double.
constexpr double kNormalQuantileLimit = 38.0;

double polynomial(const double* coefficients, int count, double x) {
    double value = 0.0;
    for (int i = count - 1; i >= 0; --i)
        value = value * x + coefficients[i];
    return value;
}

}  // namespace

double chiSquareSurvival(double x, double df) {
    if (!(df > 0.0) || !(x > 0.0))
        return 1.0;
    return regularizedGammaQ(0.5 * df, 0.5 * x);
}

double studentTTwoSided(double t, double df) {
    if (!(df > 0.0) || std::isnan(t))
        return 1.0;
    if (std::isinf(t))
        return 0.0;
    return regularizedBeta(0.5 * df, 0.5, df / (df + t * t));
}

double normalSurvival(double z) {
    if (std::isnan(z))
        return 1.0;
    return 0.5 * std::erfc(z / std::sqrt(2.0));
}

double normalQuantile(double p) {
    // Coefficients of AS 241 (Wichura 1988, Applied Statistics 37:477-484), ascending powers.
    static const double a[] = {3.3871328727963666080e0,  1.3314166789178437745e+2,
                               1.9715909503065514427e+3, 1.3731693765509461125e+4,
                               4.5921953931549871457e+4, 6.7265770927008700853e+4,
                               3.3430575583588128105e+4, 2.5090809287301226727e+3};
    static const double b[] = {1.0,
                               4.2313330701600911252e+1,
                               6.8718700749205790830e+2,
                               5.3941960214247511077e+3,
                               2.1213794301586595867e+4,
                               3.9307895800092710610e+4,
                               2.8729085735721942674e+4,
                               5.2264952788528545610e+3};
    static const double c[] = {1.42343711074968357734e0,  4.63033784615654529590e0,
                               5.76949722146069140550e0,  3.64784832476320460504e0,
                               1.27045825245236838258e0,  2.41780725177450611770e-1,
                               2.27238449892691845833e-2, 7.74545014278341407640e-4};
    static const double d[] = {1.0,
                               2.05319162663775882187e0,
                               1.67638483018380384940e0,
                               6.89767334985100004550e-1,
                               1.48103976427480074590e-1,
                               1.51986665636164571966e-2,
                               5.47593808499534494600e-4,
                               1.05075007164441684324e-9};
    static const double e[] = {6.65790464350110377720e0,  5.46378491116411436990e0,
                               1.78482653991729133580e0,  2.96560571828504891230e-1,
                               2.65321895265761230930e-2, 1.24266094738807843860e-3,
                               2.71155556874348757815e-5, 2.01033439929228813265e-7};
    static const double f[] = {1.0,
                               5.99832206555887937690e-1,
                               1.36929880922735805310e-1,
                               1.48753612908506148525e-2,
                               7.86869131145613259100e-4,
                               1.84631831751005468180e-5,
                               1.42151175831644588870e-7,
                               2.04426310338993978564e-15};
    if (std::isnan(p))
        return 0.0;
    if (p <= 0.0)
        return -kNormalQuantileLimit;
    if (p >= 1.0)
        return kNormalQuantileLimit;
    const double q = p - 0.5;
    if (std::fabs(q) <= 0.425) {
        const double r = 0.180625 - q * q;
        return q * polynomial(a, 8, r) / polynomial(b, 8, r);
    }
    double r = q < 0.0 ? p : 1.0 - p;
    r = std::sqrt(-std::log(r));
    double value;
    if (r <= 5.0) {
        r -= 1.6;
        value = polynomial(c, 8, r) / polynomial(d, 8, r);
    } else {
        r -= 5.0;
        value = polynomial(e, 8, r) / polynomial(f, 8, r);
    }
    return q < 0.0 ? -value : value;
}

double normalCriticalValue(double level) {
    if (!(level > 0.0) || !(level < 1.0))
        level = kDefaultLevel;
    return normalQuantile(0.5 + 0.5 * level);
}

}  // namespace encore::stats
