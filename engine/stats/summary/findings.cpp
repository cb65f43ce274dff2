#include "stats/summary/findings.h"

#include <algorithm>
#include <cmath>

namespace encore::stats {

namespace {

// Cohen (1988), Statistical Power Analysis for the Behavioral Sciences, 2nd ed., ch. 3.
constexpr double kWeakCorrelation = 0.1;
constexpr double kModerateCorrelation = 0.3;
constexpr double kStrongCorrelation = 0.5;
constexpr double kMaxLogRatio = 700.0;

// exp() of an estimate, kept finite for the runaway estimates of a fit that did not converge.
double ratioOf(double estimate) {
    return std::exp(std::clamp(estimate, -kMaxLogRatio, kMaxLogRatio));
}

int directionOf(double low, double high) {
    if (low > 0.0)
        return 1;
    if (high < 0.0)
        return -1;
    return 0;
}

}  // namespace

Strength strengthOf(double rho) {
    const double r = std::fabs(rho);
    if (r >= kStrongCorrelation)
        return Strength::Strong;
    if (r >= kModerateCorrelation)
        return Strength::Moderate;
    if (r >= kWeakCorrelation)
        return Strength::Weak;
    return Strength::Negligible;
}

GroupEffectFinding groupEffectFinding(const EtaSquared& eta, const KruskalWallis& kw,
                                      const FindingOptions& options) {
    GroupEffectFinding f;
    f.issue = !kw.ok() ? kw.issue : eta.issue;
    f.n = kw.n;
    f.groups = kw.groups;
    if (f.n < options.min_sample && f.issue != StatIssue::InvalidInput) {
        f.verdict = Verdict::TooFewToSay;
        return f;
    }
    if (f.issue != StatIssue::None) {
        f.verdict = Verdict::CannotTell;
        return f;
    }
    f.share_explained = eta.eta_squared;
    f.p_value = kw.p_value;
    f.verdict = kw.p_value < options.alpha ? Verdict::Clear : Verdict::NoClearEffect;
    return f;
}

GroupEffectFinding groupEffectFinding(const EtaSquared& eta, const KruskalWallis& kw,
                                      const GroupMerge& merge, const FindingOptions& options) {
    GroupEffectFinding f = groupEffectFinding(eta, kw, options);
    f.min_group_size = merge.min_group_size;
    f.merged_groups = merge.merged_groups;
    return f;
}

CorrelationFinding correlationFinding(const Spearman& s, const FindingOptions& options) {
    CorrelationFinding f;
    f.issue = s.issue;
    f.n = s.n;
    f.level = s.level;
    if (f.n < options.min_sample && f.issue != StatIssue::InvalidInput) {
        f.verdict = Verdict::TooFewToSay;
        return f;
    }
    if (f.issue != StatIssue::None) {
        f.verdict = Verdict::CannotTell;
        return f;
    }
    f.rho = s.rho;
    f.ci_low = s.ci_low;
    f.ci_high = s.ci_high;
    f.p_value = s.p_value;
    f.strength = strengthOf(s.rho);
    f.direction = directionOf(f.ci_low, f.ci_high);
    f.verdict = f.direction != 0 ? Verdict::Clear : Verdict::NoClearEffect;
    return f;
}

CorrelationFinding correlationFinding(const Spearman& s, const BootstrapInterval& interval,
                                      const FindingOptions& options) {
    CorrelationFinding f = correlationFinding(s, options);
    if (f.verdict != Verdict::Clear && f.verdict != Verdict::NoClearEffect)
        return f;
    f.bootstrap = true;
    f.level = interval.level;
    if (!interval.ok()) {
        f.issue = interval.issue;
        f.verdict = Verdict::CannotTell;
        f.ci_low = -1.0;
        f.ci_high = 1.0;
        f.direction = 0;
        return f;
    }
    f.ci_low = interval.low;
    f.ci_high = interval.high;
    f.direction = directionOf(f.ci_low, f.ci_high);
    f.verdict = f.direction != 0 ? Verdict::Clear : Verdict::NoClearEffect;
    return f;
}

ModelFinding modelFinding(const GlmFit& fit, const FindingOptions& options) {
    ModelFinding f;
    f.issue = fit.issue;
    f.family = fit.family;
    f.n = fit.n;
    f.converged = fit.converged;
    f.iterations = fit.iterations;
    f.ridge = fit.ridge;
    f.robust = fit.robust;
    f.level = fit.level;
    for (std::size_t j = 0; j < fit.fate.size(); ++j) {
        if (fit.fate[j] == ColumnFate::Constant)
            f.constant_columns.push_back(j);
        else if (fit.fate[j] == ColumnFate::Collinear)
            f.collinear_columns.push_back(j);
        else
            ++f.used_columns;
    }
    f.min_n = std::max(options.min_sample, options.min_per_coefficient * (f.used_columns + 1));
    Verdict effect_verdict = Verdict::CannotTell;
    if (f.n < f.min_n && f.issue != StatIssue::InvalidInput)
        f.verdict = effect_verdict = Verdict::TooFewToSay;
    else if (f.issue != StatIssue::None)
        f.verdict = Verdict::CannotTell;
    else
        f.verdict = Verdict::NoClearEffect;
    for (const GlmEffect& e : fit.effects) {
        EffectFinding effect;
        effect.column = e.column;
        effect.estimate = e.estimate;
        effect.ci_low = e.ci_low;
        effect.ci_high = e.ci_high;
        effect.ratio = ratioOf(e.estimate);
        effect.ratio_low = ratioOf(e.ci_low);
        effect.ratio_high = ratioOf(e.ci_high);
        if (f.verdict == Verdict::NoClearEffect || f.verdict == Verdict::Clear) {
            effect.direction = directionOf(e.ci_low, e.ci_high);
            effect.verdict = effect.direction != 0 ? Verdict::Clear : Verdict::NoClearEffect;
            if (effect.verdict == Verdict::Clear)
                f.verdict = Verdict::Clear;
        } else {
            effect.verdict = effect_verdict;
        }
        f.effects.push_back(effect);
    }
    return f;
}

}  // namespace encore::stats
