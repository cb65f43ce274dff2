#!/usr/bin/python3
# Reference fits for tst_glm.cpp. Debian 12: python3-statsmodels 0.13.5, python3-scipy 1.10.1,
# python3-numpy 1.24.2.   /usr/bin/python3 tests/stats/reference/glm.py
# Prints the fixture (as C++ initialisers) and the reference numbers.
import numpy as np
import scipy
import statsmodels
import statsmodels.api as sm
from scipy import optimize

rng = np.random.default_rng(20240611)
n = 80
duration = np.round(rng.normal(4.0, 1.0, n), 2)       # minutes
age = np.round(rng.uniform(0, 1000, n))                # days since added
decade = rng.choice([1970, 1980, 1990, 2000, 2010, 2020], n).astype(float)
bitrate = np.full(n, 320.0)                            # constant: must be left out
mixed = 2.0 * duration + decade / 10.0                 # collinear: must be left out


def standardise(c):
    return (c - c.mean()) / c.std(ddof=1)


Z = np.column_stack([standardise(duration), standardise(age), standardise(decade)])
X = sm.add_constant(Z)
mu = np.exp(0.5 + 0.3 * Z[:, 0] - 0.4 * Z[:, 1] + 0.1 * Z[:, 2])
alpha_true = 0.5
plays = rng.negative_binomial(1.0 / alpha_true, 1.0 / (1.0 + alpha_true * mu)).astype(float)


def cpp(name, values):
    body = ", ".join(repr(float(v)) for v in values)
    print(f"const std::vector<double> {name}{{{body}}};")


print("// scipy", scipy.__version__, "numpy", np.__version__, "statsmodels", statsmodels.__version__)
cpp("kDuration", duration)
cpp("kAge", age)
cpp("kDecade", decade)
cpp("kBitrate", bitrate)
cpp("kMixed", mixed)
cpp("kPlays", plays)


def show(label, params, bse, extra=""):
    print(f"// {label}")
    print("params", [repr(float(v)) for v in params])
    print("bse", [repr(float(v)) for v in bse])
    if extra:
        print(extra)


# Poisson, maximum likelihood (no penalty).
poisson = sm.GLM(plays, X, family=sm.families.Poisson()).fit(tol=1e-14)
show("sm.GLM(plays, X, family=Poisson()).fit(tol=1e-14)", poisson.params, poisson.bse,
     f"llf {poisson.llf!r} deviance {poisson.deviance!r}")

# Negative binomial NB2: alpha by joint maximum likelihood, then the GLM at that alpha for the
# (expected-information) standard errors.
nb = sm.NegativeBinomial(plays, X, loglike_method="nb2").fit(method="newton", tol=1e-14,
                                                             maxiter=200, disp=0)
alpha = nb.params[-1]
nb_glm = sm.GLM(plays, X, family=sm.families.NegativeBinomial(alpha=alpha)).fit(tol=1e-14)
show("sm.NegativeBinomial(plays, X, loglike_method='nb2').fit(method='newton') -> alpha; "
     "sm.GLM(plays, X, family=NegativeBinomial(alpha=alpha)).fit(tol=1e-14)",
     nb_glm.params, nb_glm.bse,
     f"alpha {alpha!r} nb.params {[repr(float(v)) for v in nb.params]} llf {nb.llf!r} "
     f"glm.llf {nb_glm.llf!r} deviance {nb_glm.deviance!r}")

# Logistic on "played at least twice".
often = (plays >= 2).astype(float)
logit = sm.Logit(often, X).fit(method="newton", tol=1e-14, disp=0)
show("sm.Logit(plays >= 2, X).fit(method='newton')", logit.params, logit.bse,
     f"llf {logit.llf!r}")

# Ridge Poisson: maximise loglik - ridge/2 * sum(beta[1:]^2) with scipy.optimize.minimize;
# standard errors sqrt(diag((X' W X + ridge I*)^-1)), W = diag(mu), I* without the intercept.
ridge = 2.0


def penalised(beta):
    eta = X @ beta
    return -(plays @ eta - np.exp(eta).sum()) + 0.5 * ridge * (beta[1:] @ beta[1:])


def gradient(beta):
    eta = X @ beta
    g = -(X.T @ (plays - np.exp(eta)))
    g[1:] += ridge * beta[1:]
    return g


best = optimize.minimize(penalised, np.zeros(4), jac=gradient, method="BFGS",
                         options={"gtol": 1e-12, "maxiter": 10000})
m = np.exp(X @ best.x)
info = X.T @ (m[:, None] * X) + ridge * np.diag([0.0, 1.0, 1.0, 1.0])
show("ridge 2 Poisson: scipy.optimize.minimize(BFGS, gtol 1e-12) of the penalised loglik",
     best.x, np.sqrt(np.diag(np.linalg.inv(info))))

# Sandwich (robust, HC0) standard errors, as GlmOptions::robust computes them:
# A^-1 B A^-1 with A the expected information and B = sum x x' (score residual)^2.
poisson_hc0 = sm.GLM(plays, X, family=sm.families.Poisson()).fit(tol=1e-14, cov_type="HC0")
show("sm.GLM(plays, X, family=Poisson()).fit(tol=1e-14, cov_type='HC0')", poisson_hc0.params,
     poisson_hc0.bse)
nb_hc0 = sm.GLM(plays, X, family=sm.families.NegativeBinomial(alpha=alpha)).fit(
    tol=1e-14, cov_type="HC0")
show("sm.GLM(plays, X, family=NegativeBinomial(alpha=alpha)).fit(tol=1e-14, cov_type='HC0')",
     nb_hc0.params, nb_hc0.bse)
logit_hc0 = sm.GLM(often, X, family=sm.families.Binomial()).fit(tol=1e-14, cov_type="HC0")
show("sm.GLM(plays >= 2, X, family=Binomial()).fit(tol=1e-14, cov_type='HC0')", logit_hc0.params,
     logit_hc0.bse)

# statsmodels' robust covariance takes the observed Hessian as the bread; for the (non-
# canonical) NB2 log link that differs from the expected information Encore uses (both are
# valid sandwich estimators). The expected-information sandwich by hand, at the GLM's fit:
mu_nb = nb_glm.mu
bread = np.linalg.inv(X.T @ ((mu_nb / (1.0 + alpha * mu_nb))[:, None] * X))
score = (plays - mu_nb) / (1.0 + alpha * mu_nb)
meat = X.T @ ((score ** 2)[:, None] * X)
show("NB2 sandwich with the expected information: inv(X'WX) X'diag(r^2)X inv(X'WX), "
     "W = mu/(1+alpha mu), r = (y-mu)/(1+alpha mu)", nb_glm.params,
     np.sqrt(np.diag(bread @ meat @ bread)))
