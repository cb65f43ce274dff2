#pragma once

// What the statistics allow us to say, decided from the numbers alone (no wording here):
// the plain-words formatter (plainwords.h) turns a finding into a sentence, and the Dashboards
// page can show the same finding as a badge or a table row.

#include "stats/math/etasquared.h"
#include "stats/math/glm.h"
#include "stats/math/groupmerge.h"
#include "stats/math/kruskalwallis.h"
#include "stats/math/spearman.h"
#include "stats/math/statissue.h"

#include <cstddef>
#include <vector>

namespace encore::stats {

// How firmly a result may be stated.
enum class Verdict {
    TooFewToSay,    // the sample is below the minimum: nothing is claimed
    CannotTell,     // not computable (all values equal, one group, no convergence, ...)
    NoClearEffect,  // computed, but the interval spans 0 (or p >= alpha): could well be chance
    Clear,          // the interval excludes 0 (or p < alpha)
};

// Size of a correlation by Cohen's (1988) conventions on |rho|: < 0.1, < 0.3, < 0.5, >= 0.5.
enum class Strength { Negligible, Weak, Moderate, Strong };

Strength strengthOf(double rho);

struct FindingOptions {
    std::size_t min_sample = 20;  // fewer observations than this: "too few to say"
    double alpha = 0.05;          // for the between-group test
    // A regression needs at least this many observations per fitted coefficient (intercept
    // included) on top of min_sample.
    std::size_t min_per_coefficient = 10;
};

// "genre explains 14% of the differences ...; unlikely to be chance, p < 0.001".
struct GroupEffectFinding {
    Verdict verdict = Verdict::CannotTell;
    StatIssue issue = StatIssue::Empty;  // the reason when verdict is CannotTell
    std::size_t n = 0;
    std::size_t groups = 0;
    double share_explained = 0.0;    // eta^2 in [0, 1]
    double p_value = 1.0;            // Kruskal-Wallis
    std::size_t min_group_size = 0;  // the "other" threshold, 0 when groups were not merged
    std::size_t merged_groups = 0;   // original groups pooled into "other"
};

// eta and kw computed on the same (merged) grouping.
GroupEffectFinding groupEffectFinding(const EtaSquared& eta, const KruskalWallis& kw,
                                      const FindingOptions& options = {});
GroupEffectFinding groupEffectFinding(const EtaSquared& eta, const KruskalWallis& kw,
                                      const GroupMerge& merge, const FindingOptions& options = {});

// One feature's rank correlation with plays.
struct CorrelationFinding {
    Verdict verdict = Verdict::CannotTell;
    StatIssue issue = StatIssue::Empty;
    std::size_t n = 0;
    double rho = 0.0;
    double ci_low = -1.0;
    double ci_high = 1.0;
    double level = 0.95;
    double p_value = 1.0;
    Strength strength = Strength::Negligible;
    int direction = 0;       // +1 / -1 when Clear, else 0
    bool bootstrap = false;  // the interval is the bootstrap one, not Fisher z
};

CorrelationFinding correlationFinding(const Spearman& s, const FindingOptions& options = {});
// Same, with the interval (and so the verdict) taken from a bootstrap.
CorrelationFinding correlationFinding(const Spearman& s, const BootstrapInterval& interval,
                                      const FindingOptions& options = {});

// One standardised effect of the regression, also as a ratio per standard deviation.
struct EffectFinding {
    std::size_t column = 0;
    Verdict verdict = Verdict::CannotTell;
    double estimate = 0.0;  // link scale: log rate ratio (counts) or log odds ratio (logistic)
    double ci_low = 0.0;
    double ci_high = 0.0;
    double ratio = 1.0;  // exp(estimate): rate ratio or odds ratio per SD
    double ratio_low = 1.0;
    double ratio_high = 1.0;
    int direction = 0;  // +1 / -1 when Clear, else 0
};

struct ModelFinding {
    Verdict verdict = Verdict::CannotTell;  // Clear when any effect is clear, else NoClearEffect
    StatIssue issue = StatIssue::Empty;
    GlmFamily family = GlmFamily::NegativeBinomial;
    std::size_t n = 0;
    std::size_t min_n = 0;  // the sample this model would need
    std::size_t used_columns = 0;
    bool converged = false;
    int iterations = 0;
    double ridge = 0.0;
    bool robust = false;  // intervals from sandwich standard errors
    double level = 0.95;
    std::vector<EffectFinding> effects;          // ranked as in the fit (largest |effect| first)
    std::vector<std::size_t> constant_columns;   // left out: same value everywhere
    std::vector<std::size_t> collinear_columns;  // left out: combination of other columns
};

ModelFinding modelFinding(const GlmFit& fit, const FindingOptions& options = {});

}  // namespace encore::stats
