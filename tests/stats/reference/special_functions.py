#!/usr/bin/python3
# Reference values for tst_specialfunctions.cpp. Run with Debian 12's python3-scipy 1.10.1:
#   /usr/bin/python3 tests/stats/reference/special_functions.py
import scipy
from scipy import special, stats

print("# scipy", scipy.__version__)
print("# scipy.special.gammaincc(a, x), scipy.special.gammainc(a, x)")
for a, x in [(0.5, 0.1), (0.5, 2.0), (1.0, 1.0), (2.5, 0.3), (3.0, 10.0), (10.0, 5.0),
             (10.0, 15.0), (50.0, 40.0), (50.0, 70.0), (100.0, 100.0), (0.1, 1e-5),
             (5.0, 0.001), (1000.0, 1100.0), (2.0, 60.0), (4.5, 200.0)]:
    print(f"{a!r}, {x!r}, {special.gammaincc(a, x)!r}, {special.gammainc(a, x)!r}")
print("# scipy.special.gammaln(x)")
for x in [1e-3, 0.1, 0.5, 1.0, 1.5, 2.0, 3.7, 10.0, 55.5, 1000.0, 1e6]:
    print(f"{x!r}, {special.gammaln(x)!r}")
print("# scipy.special.betainc(a, b, x)")
for a, b, x in [(0.5, 0.5, 0.3), (2.0, 3.0, 0.4), (5.0, 0.5, 0.9), (0.5, 5.0, 0.01),
                (10.0, 20.0, 0.35), (100.0, 0.5, 0.99), (1.0, 1.0, 0.77)]:
    print(f"{a!r}, {b!r}, {x!r}, {special.betainc(a, b, x)!r}")
print("# 2 * scipy.stats.t.sf(abs(t), df)")
for t, df in [(0.5, 3), (2.0, 10), (-3.3, 7), (10.0, 25), (1.0, 1), (2.5, 100)]:
    print(f"{t!r}, {df!r}, {2 * stats.t.sf(abs(t), df)!r}")
print("# scipy.stats.chi2.sf(x, df)")
for x, df in [(3.841458820694124, 1), (29.267, 4), (0.5, 3), (100.0, 10), (12.0, 12)]:
    print(f"{x!r}, {df!r}, {stats.chi2.sf(x, df)!r}")
print("# scipy.special.ndtri(p)")
for p in [1e-300, 1e-20, 1e-5, 0.01, 0.025, 0.3, 0.5, 0.6, 0.975, 0.999999]:
    print(f"{p!r}, {special.ndtri(p)!r}")
