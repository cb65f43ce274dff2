#pragma once

// Distribution functions used for p-values and intervals. All return finite numbers.

namespace encore::stats {

// P(X > x) for X ~ chi-square with df degrees of freedom: Q(df / 2, x / 2). 1 for x <= 0.
double chiSquareSurvival(double x, double df);

// Two-sided p-value of a Student t statistic: P(|T| > |t|), T ~ t(df) = I_{df/(df+t^2)}(df/2, 1/2).
// 0 for an infinite t, 1 for df <= 0.
double studentTTwoSided(double t, double df);

// P(Z > z) for a standard normal Z (via erfc, accurate in the far tail).
double normalSurvival(double z);

// The p-quantile of the standard normal, 0 < p < 1 (Wichura's AS 241 PPND16, relative error
// about 1e-16). Clamped to +-38 (the double-precision limit) outside (0, 1).
double normalQuantile(double p);

// z such that a central interval of the given level (e.g. 0.95 -> 1.959963984540054).
// A level outside (0, 1) is taken as 0.95.
double normalCriticalValue(double level);

}  // namespace encore::stats
