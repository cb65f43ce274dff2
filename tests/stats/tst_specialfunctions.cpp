// Special functions and distributions against SciPy 1.10.1 (Debian 12 python3-scipy); the
// exact calls are in tests/stats/reference/special_functions.py, one table per function.

#include "stats/math/distributions.h"
#include "stats/math/specialfunctions.h"
#include "statstestsupport.h"

#include <QtTest>

#include <cmath>

using namespace encore::stats;

class TestSpecialFunctions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void incompleteGamma_data() {
        QTest::addColumn<double>("a");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("q");  // scipy.special.gammaincc(a, x)
        QTest::addColumn<double>("p");  // scipy.special.gammainc(a, x)
        QTest::addColumn<double>("tolerance");
        // Both branches: series (x < a + 1) and continued fraction (x >= a + 1).
        QTest::newRow("a=0.5 x=0.1 series")
            << 0.5 << 0.1 << 0.6547208460185768 << 0.34527915398142317 << 1e-13;
        QTest::newRow("a=0.5 x=2 fraction")
            << 0.5 << 2.0 << 0.04550026389635857 << 0.9544997361036415 << 1e-13;
        QTest::newRow("a=1 x=1") << 1.0 << 1.0 << 0.36787944117144245 << 0.6321205588285577
                                 << 1e-13;
        QTest::newRow("a=2.5 x=0.3")
            << 2.5 << 0.3 << 0.9880032427940937 << 0.011996757205906265 << 1e-13;
        QTest::newRow("a=3 x=10") << 3.0 << 10.0 << 0.0027693957155115775 << 0.9972306042844884
                                  << 1e-13;
        QTest::newRow("a=10 x=5") << 10.0 << 5.0 << 0.9681719426937951 << 0.03182805730620481
                                  << 1e-13;
        QTest::newRow("a=10 x=15")
            << 10.0 << 15.0 << 0.06985366069940986 << 0.9301463393005901 << 1e-13;
        QTest::newRow("a=50 x=40")
            << 50.0 << 40.0 << 0.9296649333406051 << 0.07033506665939494 << 1e-12;
        QTest::newRow("a=50 x=70")
            << 50.0 << 70.0 << 0.0051405024585059085 << 0.994859497541494 << 1e-12;
        QTest::newRow("a=100 x=100")
            << 100.0 << 100.0 << 0.48670120172085135 << 0.5132987982791487 << 1e-12;
        QTest::newRow("a=0.1 x=1e-5")
            << 0.1 << 1e-5 << 0.6676015949594968 << 0.3323984050405032 << 1e-13;
        QTest::newRow("a=5 x=0.001 tiny P")
            << 5.0 << 0.001 << 1.0 << 8.326391864211505e-18 << 1e-13;
        QTest::newRow("a=1000 x=1100")
            << 1000.0 << 1100.0 << 0.0010593232539299773 << 0.9989406767460701 << 1e-10;
        QTest::newRow("a=2 x=60 far tail") << 2.0 << 60.0 << 5.341471565244885e-25 << 1.0 << 1e-12;
        QTest::newRow("a=4.5 x=200 far tail")
            << 4.5 << 200.0 << 1.3699125019662825e-80 << 1.0 << 1e-11;
    }

    void incompleteGamma() {
        QFETCH(double, a);
        QFETCH(double, x);
        QFETCH(double, q);
        QFETCH(double, p);
        QFETCH(double, tolerance);
        // Relative accuracy holds in the tails too: Q is never formed as 1 - P where small.
        ENCORE_COMPARE_NEAR(regularizedGammaQ(a, x), q, tolerance, 0.0);
        ENCORE_COMPARE_NEAR(regularizedGammaP(a, x), p, tolerance, 0.0);
    }

    void incompleteGammaClosedForms() {
        // Q(1, x) = e^-x and Q(1/2, x) = erfc(sqrt(x)), by hand.
        for (double x : {0.01, 0.7, 1.5, 3.0, 25.0}) {
            ENCORE_COMPARE_NEAR(regularizedGammaQ(1.0, x), std::exp(-x), 1e-13, 0.0);
            ENCORE_COMPARE_NEAR(regularizedGammaQ(0.5, x), std::erfc(std::sqrt(x)), 1e-13, 0.0);
        }
        // Q(n, x) = e^-x sum_{k<n} x^k / k! for integer n: here n = 3, x = 2.
        ENCORE_COMPARE_NEAR(regularizedGammaQ(3.0, 2.0), std::exp(-2.0) * (1.0 + 2.0 + 2.0), 1e-13,
                            0.0);
    }

    void incompleteGammaEdges() {
        QCOMPARE(regularizedGammaQ(2.0, 0.0), 1.0);
        QCOMPARE(regularizedGammaP(2.0, 0.0), 0.0);
        QCOMPARE(regularizedGammaQ(2.0, INFINITY), 0.0);
        QCOMPARE(regularizedGammaP(2.0, INFINITY), 1.0);
        QCOMPARE(regularizedGammaQ(-1.0, 3.0), 1.0);  // out of domain: finite, not NaN
        QCOMPARE(regularizedGammaQ(NAN, 3.0), 1.0);
        QCOMPARE(regularizedGammaP(2.0, NAN), 0.0);
    }

    void logGamma_data() {
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("expected");  // scipy.special.gammaln(x)
        QTest::newRow("0.001") << 1e-3 << 6.907178885383853;
        QTest::newRow("0.1") << 0.1 << 2.252712651734206;
        QTest::newRow("0.5") << 0.5 << 0.5723649429247;
        QTest::newRow("1") << 1.0 << 0.0;
        QTest::newRow("1.5") << 1.5 << -0.12078223763524526;
        QTest::newRow("2") << 2.0 << 0.0;
        QTest::newRow("3.7") << 3.7 << 1.428072326665388;
        QTest::newRow("10") << 10.0 << 12.801827480081469;
        QTest::newRow("55.5") << 55.5 << 166.32150615984037;
        QTest::newRow("1000") << 1000.0 << 5905.220423209181;
        QTest::newRow("1e6") << 1e6 << 12815504.569147611;
    }

    void logGamma() {
        QFETCH(double, x);
        QFETCH(double, expected);
        ENCORE_COMPARE_NEAR(lnGamma(x), expected, 1e-13, 1e-15);
    }

    void incompleteBeta_data() {
        QTest::addColumn<double>("a");
        QTest::addColumn<double>("b");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("expected");  // scipy.special.betainc(a, b, x)
        QTest::newRow("0.5 0.5 0.3") << 0.5 << 0.5 << 0.3 << 0.3690101195655454;
        QTest::newRow("2 3 0.4") << 2.0 << 3.0 << 0.4 << 0.5247999999999999;
        QTest::newRow("5 0.5 0.9") << 5.0 << 0.5 << 0.9 << 0.316642915020012;
        QTest::newRow("0.5 5 0.01") << 0.5 << 5.0 << 0.01 << 0.24284189089843752;
        QTest::newRow("10 20 0.35") << 10.0 << 20.0 << 0.35 << 0.592386663663905;
        QTest::newRow("100 0.5 0.99") << 100.0 << 0.5 << 0.99 << 0.15677586542443941;
        QTest::newRow("1 1 0.77 uniform") << 1.0 << 1.0 << 0.77 << 0.77;
    }

    void incompleteBeta() {
        QFETCH(double, a);
        QFETCH(double, b);
        QFETCH(double, x);
        QFETCH(double, expected);
        ENCORE_COMPARE_NEAR(regularizedBeta(a, b, x), expected, 1e-12, 0.0);
        // Symmetry I_x(a, b) = 1 - I_{1-x}(b, a).
        ENCORE_COMPARE_NEAR(regularizedBeta(b, a, 1.0 - x), 1.0 - expected, 1e-11, 1e-15);
    }

    void studentT_data() {
        QTest::addColumn<double>("t");
        QTest::addColumn<double>("df");
        QTest::addColumn<double>("expected");  // 2 * scipy.stats.t.sf(abs(t), df)
        QTest::newRow("0.5, 3") << 0.5 << 3.0 << 0.651447964848151;
        QTest::newRow("2, 10") << 2.0 << 10.0 << 0.07338803477074039;
        QTest::newRow("-3.3, 7") << -3.3 << 7.0 << 0.01312071493843811;
        QTest::newRow("10, 25") << 10.0 << 25.0 << 3.2064109208925235e-10;
        QTest::newRow("1, 1 (Cauchy: exactly 1/2)") << 1.0 << 1.0 << 0.5;
        QTest::newRow("2.5, 100") << 2.5 << 100.0 << 0.014045789124077166;
    }

    void studentT() {
        QFETCH(double, t);
        QFETCH(double, df);
        QFETCH(double, expected);
        ENCORE_COMPARE_NEAR(studentTTwoSided(t, df), expected, 1e-12, 0.0);
    }

    void chiSquare_data() {
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("df");
        QTest::addColumn<double>("expected");  // scipy.stats.chi2.sf(x, df)
        QTest::newRow("5% critical value, df 1") << 3.841458820694124 << 1.0 << 0.05;
        QTest::newRow("29.267, df 4 (R kruskal.test airquality)")
            << 29.267 << 4.0 << 6.899345870085439e-06;
        QTest::newRow("0.5, df 3") << 0.5 << 3.0 << 0.9188914116546758;
        QTest::newRow("100, df 10") << 100.0 << 10.0 << 5.4497019829205215e-17;
        QTest::newRow("12, df 12") << 12.0 << 12.0 << 0.44567964136461097;
    }

    void chiSquare() {
        QFETCH(double, x);
        QFETCH(double, df);
        QFETCH(double, expected);
        ENCORE_COMPARE_NEAR(chiSquareSurvival(x, df), expected, 1e-12, 0.0);
    }

    void chiSquareTwoDegreesIsExponential() {
        // For df = 2 the survival function is exp(-x / 2), by hand.
        for (double x : {0.1, 1.0, 5.991464547107979, 40.0})
            ENCORE_COMPARE_NEAR(chiSquareSurvival(x, 2.0), std::exp(-0.5 * x), 1e-13, 0.0);
        QCOMPARE(chiSquareSurvival(0.0, 3.0), 1.0);
        QCOMPARE(chiSquareSurvival(-1.0, 3.0), 1.0);
    }

    void normal_data() {
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("expected");  // scipy.special.ndtri(p)
        QTest::newRow("1e-300") << 1e-300 << -37.0470962993612;
        QTest::newRow("1e-20") << 1e-20 << -9.262340089798409;
        QTest::newRow("1e-5") << 1e-5 << -4.264890793922825;
        QTest::newRow("0.01") << 0.01 << -2.3263478740408408;
        QTest::newRow("0.025") << 0.025 << -1.9599639845400545;
        QTest::newRow("0.3") << 0.3 << -0.5244005127080409;
        QTest::newRow("0.5") << 0.5 << 0.0;
        QTest::newRow("0.6") << 0.6 << 0.2533471031357997;
        QTest::newRow("0.975") << 0.975 << 1.959963984540054;
        QTest::newRow("0.999999") << 0.999999 << 4.753424308817087;
    }

    void normal() {
        QFETCH(double, p);
        QFETCH(double, expected);
        const double z = normalQuantile(p);
        ENCORE_COMPARE_NEAR(z, expected, 1e-14, 1e-16);
        // The survival function inverts the quantile.
        ENCORE_COMPARE_NEAR(normalSurvival(-z), p, 1e-12, 0.0);
    }

    void criticalValue() {
        ENCORE_COMPARE_NEAR(normalCriticalValue(0.95), 1.959963984540054, 1e-15, 0.0);
        ENCORE_COMPARE_NEAR(normalCriticalValue(0.99), 2.5758293035489004, 1e-14, 0.0);
        // A nonsensical level falls back to 95% instead of a zero-width interval.
        ENCORE_COMPARE_NEAR(normalCriticalValue(1.5), 1.959963984540054, 1e-15, 0.0);
        QCOMPARE(normalQuantile(0.0), -38.0);
        QCOMPARE(normalQuantile(1.0), 38.0);
    }
};

QTEST_GUILESS_MAIN(TestSpecialFunctions)
#include "tst_specialfunctions.moc"
