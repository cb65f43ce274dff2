#!/usr/bin/python3
# Reference values for tst_groupeffect.cpp, tst_spearman.cpp and tst_descriptive.cpp.
# Debian 12: python3-scipy 1.10.1, python3-numpy 1.24.2, python3-statsmodels 0.13.5.
#   /usr/bin/python3 tests/stats/reference/group_and_rank.py
import numpy as np
import pandas as pd
import scipy
import statsmodels
import statsmodels.formula.api as smf
from scipy import stats
from statsmodels.stats.anova import anova_lm

print("# scipy", scipy.__version__, "numpy", np.__version__, "statsmodels", statsmodels.__version__)

# Play counts per genre with many ties (zeros above all), as in a real library.
g0 = [0, 0, 1, 2, 5, 0, 3]
g1 = [0, 3, 3, 7, 12, 20, 9, 4]
g2 = [1, 1, 0, 0, 2]
g3 = [6, 15, 2, 8]
groups = [g0, g1, g2, g3]
print("# scipy.stats.kruskal(g0, g1, g2, g3)")
r = stats.kruskal(*groups)
print(repr(r.statistic), repr(r.pvalue))

# Hollander & Wolfe (1973), p. 116, the example of R's ?kruskal.test (no ties).
x = [2.9, 3.0, 2.5, 2.6, 3.2]
y = [3.8, 2.7, 4.0, 2.4]
z = [2.8, 3.4, 3.7, 2.2, 2.0]
r = stats.kruskal(x, y, z)
print("# scipy.stats.kruskal(Hollander-Wolfe x, y, z)")
print(repr(r.statistic), repr(r.pvalue))

print("# eta^2 = SS(C(g)) / (SS(C(g)) + SS(Residual)) from statsmodels anova_lm(ols('y ~ C(g)'))")
values = sum(groups, [])
labels = sum([[i] * len(g) for i, g in enumerate(groups)], [])
frame = pd.DataFrame({"y": values, "g": labels})
table = anova_lm(smf.ols("y ~ C(g)", data=frame).fit())
ss_between = table["sum_sq"]["C(g)"]
ss_resid = table["sum_sq"]["Residual"]
print(repr(ss_between), repr(ss_between + ss_resid), repr(ss_between / (ss_between + ss_resid)))

print("# scipy.stats.spearmanr(a, b) with ties in both")
a = [0, 0, 1, 2, 5, 0, 3, 3, 3, 7, 12, 20, 9, 4, 1, 1, 0]
b = [180, 240, 200, 240, 300, 150, 260, 240, 210, 330, 290, 410, 300, 250, 200, 180, 240]
r = stats.spearmanr(a, b)
print(repr(r.correlation), repr(r.pvalue))
print("# scipy.stats.spearmanr(x, y) x=[1..5], y=[2,1,4,3,5]")
r = stats.spearmanr([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])
print(repr(r.correlation), repr(r.pvalue))
print("# negative: scipy.stats.spearmanr(a, -b + noise)")
c = [410, 300, 330, 250, 180, 390, 200, 260, 240, 150, 120, 90, 160, 210, 350, 330, 400]
r = stats.spearmanr(a, c)
print(repr(r.correlation), repr(r.pvalue))

print("# numpy.percentile(v, [25, 50, 75]) (default method 'linear' = R type 7)")
v = [7, 0, 3, 0, 12, 1, 0, 5, 2, 40]
print([repr(q) for q in np.percentile(v, [25, 50, 75])])
