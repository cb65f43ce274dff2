#pragma once

#include "stats/math/statissue.h"

#include <cstddef>
#include <vector>

namespace encore::stats {

// Which generalised linear model: log link for counts, logit link for yes/no outcomes.
enum class GlmFamily {
    Poisson,           // var = mu
    NegativeBinomial,  // NB2, var = mu + alpha mu^2, alpha estimated by maximum likelihood
    Logistic,          // y in {0, 1}, e.g. "played at least N times"
};

struct GlmOptions {
    GlmFamily family = GlmFamily::NegativeBinomial;
    // Ridge penalty (ridge / 2) * sum(beta_j^2) on the standardised coefficients, never on the
    // intercept: the posterior mode under a normal prior with sd 1 / sqrt(ridge) on every
    // per-SD effect. It keeps correlated features stable and separated logistic fits finite.
    // 0 = plain maximum likelihood (matches R's glm / statsmodels).
    double ridge = 1.0;
    int max_iterations = 100;  // IRLS steps per fit; also outer rounds of the NB dispersion
    double tolerance = 1e-10;  // converged when the penalised deviance changes less (relative)
    double level = 0.95;       // of the intervals
    // Standard errors from the sandwich (Huber-White) estimator A^-1 B A^-1, B = sum of
    // x x' (score_i)^2, instead of the inverse information A^-1: still valid when the variance
    // function is wrong (play counts are heavier-tailed than any NB), where model-based errors
    // come out too small and pure noise looks "clear". false matches R's glm / statsmodels.
    bool robust = false;
};

// What happened to an input column before fitting.
enum class ColumnFate {
    Used,
    Constant,   // the same value in every row: it cannot explain anything, left out
    Collinear,  // an exact linear combination of earlier columns (R^2 > 1 - 1e-9), left out
};

// One feature's standardised effect: the change in the linear predictor (log of the expected
// count, or log odds) for one standard deviation more of the feature, others held fixed.
struct GlmEffect {
    std::size_t column = 0;  // index of the input column
    double estimate = 0.0;
    double std_error = 0.0;  // inverse penalised Fisher information, or sandwich (robust)
    double ci_low = 0.0;     // estimate -+ z * std_error (Wald)
    double ci_high = 0.0;
    double z = 0.0;        // estimate / std_error
    double p_value = 1.0;  // two-sided Wald p
    // The interval excludes 0: the only case in which a direction may be claimed.
    bool clear() const { return ci_low > 0.0 || ci_high < 0.0; }
};

struct GlmFit {
    // None; Empty; InvalidInput (ragged columns, NaN/inf, negative or (logistic) non-0/1 y,
    // negative ridge); TooFew (n < used columns + 2); AllTied (y constant: nothing to explain);
    // Singular (the system could not be solved); NotConverged (numbers are those of the last
    // step and finite, but not to be trusted); Separation (some fitted means are 0 or 1 to
    // within 1e-10: the features predict those outcomes perfectly and maximum likelihood has
    // no finite answer; use ridge > 0). Effects are listed (finite) for None, NotConverged and
    // Separation, and empty otherwise.
    StatIssue issue = StatIssue::Empty;
    GlmFamily family = GlmFamily::NegativeBinomial;
    std::size_t n = 0;
    bool converged = false;
    int iterations = 0;  // IRLS steps in total (over all dispersion rounds for NB)
    double ridge = 0.0;
    double level = 0.95;
    bool robust = false;      // standard errors from the sandwich estimator
    double dispersion = 0.0;  // NB2 alpha; 0 for Poisson and Logistic
    double intercept = 0.0;   // linear predictor of a track at the mean of every feature
    double intercept_se = 0.0;
    std::vector<ColumnFate> fate;     // per input column
    std::vector<double> column_mean;  // per input column
    std::vector<double> column_sd;    // per input column, sample sd (n - 1); 0 if constant
    std::vector<GlmEffect> effects;   // used columns only, largest |estimate| first
    double log_likelihood = 0.0;      // of the fitted model (without the penalty)
    double deviance = 0.0;            // of the fitted model (without the penalty)
    bool ok() const { return issue == StatIssue::None; }
};

// columns[j][i] is feature j of observation i; y[i] its outcome (a count, or 0/1 for
// Logistic). Features are standardised (mean 0, sample sd 1) before fitting, so estimates
// are per standard deviation and comparable across features; an intercept is always fitted.
// Iteratively reweighted least squares with step halving; for NegativeBinomial it alternates
// IRLS at fixed alpha with a one-dimensional maximum-likelihood update of alpha.
GlmFit fitGlm(const std::vector<std::vector<double>>& columns, const std::vector<double>& y,
              const GlmOptions& options = {});

}  // namespace encore::stats
