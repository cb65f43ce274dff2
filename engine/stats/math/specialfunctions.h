#pragma once

// Special functions behind the p-values: log-gamma, regularised incomplete gamma and beta.
// Std-only and thread-safe (std::lgamma writes the global signgam in glibc, so it is not used).

namespace encore::stats {

// ln Gamma(x) for x > 0 (Lanczos, g = 7, n = 9; relative error below 1e-14). 0 for x <= 0.
double lnGamma(double x);

// Regularised lower incomplete gamma P(a, x) = gamma(a, x) / Gamma(a), a > 0, x >= 0.
// Returns 0 for x <= 0 and for a <= 0 or NaN, 1 for x = +inf.
double regularizedGammaP(double a, double x);

// Regularised upper incomplete gamma Q(a, x) = 1 - P(a, x), computed directly (not as 1 - P)
// where it is small, so tail probabilities keep their relative accuracy. Numerical Recipes
// (Press et al., 3rd ed., 6.2): series for x < a + 1, Lentz continued fraction otherwise.
// Returns 1 for x <= 0 and for a <= 0 or NaN, 0 for x = +inf.
double regularizedGammaQ(double a, double x);

// Regularised incomplete beta I_x(a, b), a, b > 0, 0 <= x <= 1 (Numerical Recipes 6.4,
// continued fraction evaluated on the side where it converges fast). 0 for x <= 0 or a bad
// a, b; 1 for x >= 1.
double regularizedBeta(double a, double b, double x);

}  // namespace encore::stats
