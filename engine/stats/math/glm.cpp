#include "stats/math/glm.h"

#include "stats/math/distributions.h"
#include "stats/math/glmdesign_p.h"
#include "stats/math/linalg_p.h"
#include "stats/math/nbdispersion_p.h"
#include "stats/math/specialfunctions.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace encore::stats {

namespace {

constexpr int kMaxStepHalvings = 30;
// Linear predictors are clamped here so exp() neither overflows nor underflows to 0.
constexpr double kMaxLogMean = 700.0;
// Beyond +-30 a logistic mean is 1 or 0 to double precision; clamping keeps weights positive.
constexpr double kMaxLogit = 30.0;
// The NB dispersion has converged when log alpha moves less than this between rounds.
constexpr double kDispersionTolerance = 1e-6;
// A fitted mean (or, for logistic, 1 - mean) below this is a perfect prediction: separation.
constexpr double kDegenerateMean = 1e-10;
// Added to |deviance| in the convergence test so a deviance near 0 still converges (R's glm).
constexpr double kDevianceOffset = 0.1;

double meanOf(GlmFamily family, double eta) {
    if (family == GlmFamily::Logistic)
        return 1.0 / (1.0 + std::exp(-std::clamp(eta, -kMaxLogit, kMaxLogit)));
    return std::exp(std::clamp(eta, -kMaxLogMean, kMaxLogMean));
}

// IRLS weight w = (dmu/deta)^2 / var and the scaled residual (y - mu) w / (dmu/deta), so the
// working response enters as w * eta + residual without forming (y - mu) / mu.
void workingValues(GlmFamily family, double alpha, double y, double mu, double* weight,
                   double* residual) {
    if (family == GlmFamily::Logistic) {
        *weight = mu * (1.0 - mu);
        *residual = y - mu;
        return;
    }
    const double dispersion = family == GlmFamily::NegativeBinomial ? alpha : 0.0;
    *weight = mu / (1.0 + dispersion * mu);
    *residual = (y - mu) / (1.0 + dispersion * mu);
}

double xLogXOverY(double x, double y) {
    return x > 0.0 ? x * std::log(x / y) : 0.0;
}

double deviance(GlmFamily family, double alpha, const std::vector<double>& y,
                const std::vector<double>& mu) {
    double d = 0.0;
    for (std::size_t i = 0; i < y.size(); ++i) {
        switch (family) {
            case GlmFamily::Poisson:
                d += xLogXOverY(y[i], mu[i]) - (y[i] - mu[i]);
                break;
            case GlmFamily::NegativeBinomial: {
                const double r = 1.0 / alpha;
                d += xLogXOverY(y[i], mu[i]) - (y[i] + r) * std::log((y[i] + r) / (mu[i] + r));
                break;
            }
            case GlmFamily::Logistic:
                d -= y[i] > 0.5 ? std::log(mu[i]) : std::log1p(-mu[i]);
                break;
        }
    }
    return 2.0 * d;
}

struct Irls {
    const GlmDesign& design;
    const std::vector<double>& y;
    GlmFamily family;
    double alpha;
    double ridge;

    std::vector<double> eta(const std::vector<double>& beta) const {
        std::vector<double> out(design.rows, 0.0);
        for (std::size_t i = 0; i < design.rows; ++i) {
            const double* row = &design.x[i * design.width];
            double sum = 0.0;
            for (std::size_t k = 0; k < design.width; ++k)
                sum += row[k] * beta[k];
            out[i] = sum;
        }
        return out;
    }

    std::vector<double> means(const std::vector<double>& beta) const {
        std::vector<double> mu = eta(beta);
        for (double& m : mu)
            m = meanOf(family, m);
        return mu;
    }

    double penalizedDeviance(const std::vector<double>& beta) const {
        double penalty = 0.0;
        for (std::size_t k = 1; k < beta.size(); ++k)
            penalty += beta[k] * beta[k];
        return deviance(family, alpha, y, means(beta)) + ridge * penalty;
    }

    // X^T W X + ridge (intercept excluded) at beta, and X^T (W eta + residual) into rhs.
    SquareMatrix information(const std::vector<double>& beta, std::vector<double>* rhs) const {
        const std::size_t p = design.width;
        SquareMatrix a(p);
        if (rhs)
            rhs->assign(p, 0.0);
        const std::vector<double> linear = eta(beta);
        for (std::size_t i = 0; i < design.rows; ++i) {
            const double mu = meanOf(family, linear[i]);
            double w = 0.0;
            double residual = 0.0;
            workingValues(family, alpha, y[i], mu, &w, &residual);
            const double* row = &design.x[i * p];
            const double target = w * linear[i] + residual;
            for (std::size_t j = 0; j < p; ++j) {
                const double wx = w * row[j];
                for (std::size_t k = 0; k <= j; ++k)
                    a(j, k) += wx * row[k];
                if (rhs)
                    (*rhs)[j] += row[j] * target;
            }
        }
        for (std::size_t j = 0; j < p; ++j) {
            for (std::size_t k = 0; k < j; ++k)
                a(k, j) = a(j, k);
            if (j > 0)
                a(j, j) += ridge;
        }
        return a;
    }

    // The sandwich's meat: sum over rows of x x' r^2, r the score residual (y - mu) / (1 +
    // alpha mu) for the log link, y - mu for the logit (workingValues' residual).
    SquareMatrix meat(const std::vector<double>& beta) const {
        const std::size_t p = design.width;
        SquareMatrix b(p);
        const std::vector<double> linear = eta(beta);
        for (std::size_t i = 0; i < design.rows; ++i) {
            double w = 0.0;
            double r = 0.0;
            workingValues(family, alpha, y[i], meanOf(family, linear[i]), &w, &r);
            const double* row = &design.x[i * p];
            for (std::size_t j = 0; j < p; ++j) {
                for (std::size_t k = 0; k <= j; ++k)
                    b(j, k) += r * r * row[j] * row[k];
            }
        }
        for (std::size_t j = 0; j < p; ++j) {
            for (std::size_t k = 0; k < j; ++k)
                b(k, j) = b(j, k);
        }
        return b;
    }

    struct Outcome {
        bool solved = true;
        bool converged = false;
        int iterations = 0;
    };

    Outcome run(std::vector<double>* beta, int max_iterations, double tolerance) const {
        Outcome outcome;
        double current = penalizedDeviance(*beta);
        for (int iteration = 0; iteration < max_iterations; ++iteration) {
            std::vector<double> rhs;
            SquareMatrix lower;
            if (!choleskyFactor(information(*beta, &rhs), &lower)) {
                outcome.solved = false;
                return outcome;
            }
            std::vector<double> next = choleskySolve(lower, rhs);
            double value = penalizedDeviance(next);
            for (int h = 0; h < kMaxStepHalvings && !(value <= current); ++h) {
                for (std::size_t k = 0; k < next.size(); ++k)
                    next[k] = 0.5 * (next[k] + (*beta)[k]);
                value = penalizedDeviance(next);
            }
            ++outcome.iterations;
            if (!std::isfinite(value)) {
                outcome.solved = false;
                return outcome;
            }
            const bool settled =
                std::fabs(value - current) / (std::fabs(value) + kDevianceOffset) < tolerance;
            *beta = std::move(next);
            current = value;
            if (settled) {
                outcome.converged = true;
                break;
            }
        }
        return outcome;
    }
};

StatIssue validate(const std::vector<std::vector<double>>& columns, const std::vector<double>& y,
                   const GlmOptions& options) {
    if (!(options.ridge >= 0.0) || !std::isfinite(options.ridge) || !allFinite(y))
        return StatIssue::InvalidInput;
    for (const std::vector<double>& c : columns) {
        if (c.size() != y.size() || !allFinite(c))
            return StatIssue::InvalidInput;
    }
    for (double v : y) {
        const bool binary = v == 0.0 || v == 1.0;
        if (options.family == GlmFamily::Logistic ? !binary : v < 0.0)
            return StatIssue::InvalidInput;
    }
    if (y.empty())
        return StatIssue::Empty;
    if (std::all_of(y.begin(), y.end(), [&](double v) { return v == y.front(); }))
        return StatIssue::AllTied;
    return StatIssue::None;
}

double startingIntercept(GlmFamily family, const std::vector<double>& y) {
    double mean = 0.0;
    for (double v : y)
        mean += v;
    mean /= static_cast<double>(y.size());
    if (family == GlmFamily::Logistic)
        return std::log(mean / (1.0 - mean));
    return std::log(mean);
}

double logLikelihood(GlmFamily family, const std::vector<double>& y, const std::vector<double>& mu,
                     const NbDispersion* nb, double alpha) {
    if (family == GlmFamily::NegativeBinomial)
        return nb->logLikelihood(mu, alpha);
    double ll = 0.0;
    for (std::size_t i = 0; i < y.size(); ++i) {
        if (family == GlmFamily::Logistic)
            ll += y[i] > 0.5 ? std::log(mu[i]) : std::log1p(-mu[i]);
        else
            ll += (y[i] > 0.0 ? y[i] * std::log(mu[i]) : 0.0) - mu[i] - lnGamma(y[i] + 1.0);
    }
    return ll;
}

// bread * meat * bread for symmetric bread and meat.
SquareMatrix sandwich(const SquareMatrix& bread, const SquareMatrix& meat) {
    const std::size_t p = bread.size;
    SquareMatrix half(p);
    for (std::size_t i = 0; i < p; ++i)
        for (std::size_t j = 0; j < p; ++j)
            for (std::size_t k = 0; k < p; ++k)
                half(i, j) += bread(i, k) * meat(k, j);
    SquareMatrix out(p);
    for (std::size_t i = 0; i < p; ++i)
        for (std::size_t j = 0; j < p; ++j)
            for (std::size_t k = 0; k < p; ++k)
                out(i, j) += half(i, k) * bread(k, j);
    return out;
}

}  // namespace

GlmFit fitGlm(const std::vector<std::vector<double>>& columns, const std::vector<double>& y,
              const GlmOptions& options) {
    GlmFit fit;
    fit.family = options.family;
    fit.ridge = options.ridge;
    fit.level = options.level;
    fit.issue = validate(columns, y, options);
    if (fit.issue == StatIssue::InvalidInput)
        return fit;
    fit.n = y.size();
    if (fit.issue != StatIssue::None)
        return fit;

    const GlmDesign design = buildGlmDesign(columns, y.size());
    fit.fate = design.fate;
    fit.column_mean = design.mean;
    fit.column_sd = design.sd;
    if (fit.n < design.width + 1) {
        fit.issue = StatIssue::TooFew;
        return fit;
    }

    std::vector<double> beta(design.width, 0.0);
    beta[0] = startingIntercept(options.family, y);
    const bool negative_binomial = options.family == GlmFamily::NegativeBinomial;
    // NB starts from the Poisson fit, whose means give the first dispersion estimate.
    Irls irls{design, y, negative_binomial ? GlmFamily::Poisson : options.family, 0.0,
              options.ridge};
    Irls::Outcome outcome = irls.run(&beta, options.max_iterations, options.tolerance);
    fit.iterations = outcome.iterations;
    bool converged = outcome.converged;
    std::optional<NbDispersion> nb;
    if (negative_binomial && outcome.solved) {
        nb.emplace(y);
        irls.family = GlmFamily::NegativeBinomial;
        irls.alpha = nb->maximize(irls.means(beta));
        converged = false;
        for (int round = 0; round < options.max_iterations && outcome.solved; ++round) {
            outcome = irls.run(&beta, options.max_iterations, options.tolerance);
            fit.iterations += outcome.iterations;
            const double alpha = nb->maximize(irls.means(beta), irls.alpha);
            const bool settled = std::fabs(std::log(alpha / irls.alpha)) < kDispersionTolerance;
            irls.alpha = alpha;
            if (settled) {
                // One more IRLS pass so beta belongs to the final alpha exactly.
                outcome = irls.run(&beta, options.max_iterations, options.tolerance);
                fit.iterations += outcome.iterations;
                converged = outcome.converged;
                break;
            }
        }
        fit.dispersion = irls.alpha;
    }
    SquareMatrix lower;
    if (!outcome.solved || !choleskyFactor(irls.information(beta, nullptr), &lower)) {
        fit.issue = StatIssue::Singular;
        return fit;
    }
    SquareMatrix covariance = choleskyInverse(lower);
    fit.robust = options.robust;
    if (options.robust)
        covariance = sandwich(covariance, irls.meat(beta));
    fit.converged = converged;
    if (!converged)
        fit.issue = StatIssue::NotConverged;

    const std::vector<double> mu = irls.means(beta);
    const bool separated = std::any_of(mu.begin(), mu.end(), [&](double m) {
        return m < kDegenerateMean ||
               (irls.family == GlmFamily::Logistic && 1.0 - m < kDegenerateMean);
    });
    if (separated)
        fit.issue = StatIssue::Separation;
    fit.deviance = deviance(irls.family, irls.alpha, y, mu);
    fit.log_likelihood = logLikelihood(irls.family, y, mu, nb ? &*nb : nullptr, irls.alpha);
    fit.intercept = beta[0];
    fit.intercept_se = std::sqrt(std::max(0.0, covariance(0, 0)));
    const double critical = normalCriticalValue(options.level);
    for (std::size_t k = 1; k < design.width; ++k) {
        GlmEffect effect;
        effect.column = design.used[k - 1];
        effect.estimate = beta[k];
        effect.std_error = std::sqrt(std::max(0.0, covariance(k, k)));
        effect.ci_low = effect.estimate - critical * effect.std_error;
        effect.ci_high = effect.estimate + critical * effect.std_error;
        effect.z = effect.std_error > 0.0 ? effect.estimate / effect.std_error : 0.0;
        effect.p_value = 2.0 * normalSurvival(std::fabs(effect.z));
        fit.effects.push_back(effect);
    }
    std::stable_sort(fit.effects.begin(), fit.effects.end(),
                     [](const GlmEffect& a, const GlmEffect& b) {
                         return std::fabs(a.estimate) > std::fabs(b.estimate);
                     });
    return fit;
}

}  // namespace encore::stats
