// Spearman's rho, its p-value and intervals: by hand and against SciPy 1.10.1
// (values and calls: tests/stats/reference/group_and_rank.py).

#include "stats/math/spearman.h"
#include "statstestsupport.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace encore::stats;

namespace {

constexpr double kZ95 = 1.959963984540054;

// The fixture of group_and_rank.py: play counts and durations (seconds), ties in both.
const std::vector<double> kPlays{0, 0, 1, 2, 5, 0, 3, 3, 3, 7, 12, 20, 9, 4, 1, 1, 0};
const std::vector<double> kDurations{180, 240, 200, 240, 300, 150, 260, 240, 210,
                                     330, 290, 410, 300, 250, 200, 180, 240};
const std::vector<double> kOther{410, 300, 330, 250, 180, 390, 200, 260, 240,
                                 150, 120, 90,  160, 210, 350, 330, 400};

}  // namespace

class TestSpearman : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void byHand() {
        // d = rank differences -1 1 -1 1 0: rho = 1 - 6 * 4 / (5 * 24) = 0.8.
        // scipy.stats.spearmanr: 0.7999999999999999, p 0.10408803866182788.
        const Spearman s = spearman({1, 2, 3, 4, 5}, {2, 1, 4, 3, 5});
        QVERIFY(s.ok());
        QCOMPARE(s.n, std::size_t{5});
        ENCORE_COMPARE_NEAR(s.rho, 0.8, 1e-14, 0.0);
        ENCORE_COMPARE_NEAR(s.p_value, 0.10408803866182788, 1e-12, 0.0);
        // Fisher z with Fieller's variance 1.06 / (n - 3), by hand.
        const double half = kZ95 * std::sqrt(1.06 / 2.0);
        ENCORE_COMPARE_NEAR(s.ci_low, std::tanh(std::atanh(0.8) - half), 1e-13, 0.0);
        ENCORE_COMPARE_NEAR(s.ci_high, std::tanh(std::atanh(0.8) + half), 1e-13, 0.0);
        QVERIFY(s.ci_low < 0.0);  // five points: the interval rightly spans 0
    }

    void tiesAgainstScipy() {
        // scipy.stats.spearmanr(a, b) = 0.8376055838365107, p 2.7194032715968373e-05.
        const Spearman s = spearman(kPlays, kDurations);
        QVERIFY(s.ok());
        ENCORE_COMPARE_NEAR(s.rho, 0.8376055838365107, 1e-13, 0.0);
        ENCORE_COMPARE_NEAR(s.p_value, 2.7194032715968373e-05, 1e-10, 0.0);
        QVERIFY(s.ci_low > 0.0);
        QVERIFY(s.ci_low < s.rho && s.rho < s.ci_high);
        // Symmetric in its arguments.
        ENCORE_COMPARE_NEAR(spearman(kDurations, kPlays).rho, s.rho, 1e-15, 0.0);
    }

    void negativeAgainstScipy() {
        // scipy.stats.spearmanr(a, c) = -0.9510757620158468, p 4.723595898998227e-09.
        const Spearman s = spearman(kPlays, kOther);
        QVERIFY(s.ok());
        ENCORE_COMPARE_NEAR(s.rho, -0.9510757620158468, 1e-13, 0.0);
        ENCORE_COMPARE_NEAR(s.p_value, 4.723595898998227e-09, 1e-9, 0.0);
        QVERIFY(s.ci_high < 0.0);
    }

    void intervalLevel() {
        const Spearman s95 = spearman(kPlays, kDurations, 0.95);
        const Spearman s99 = spearman(kPlays, kDurations, 0.99);
        QCOMPARE(s99.level, 0.99);
        QVERIFY(s99.ci_low < s95.ci_low);
        QVERIFY(s99.ci_high > s95.ci_high);
    }

    void perfectAndMonotone() {
        // Any monotone transform gives rho = 1: p = 0, the interval collapses onto 1.
        const Spearman s = spearman({1, 2, 3, 4, 5, 6}, {1, 4, 9, 16, 25, 1000});
        QVERIFY(s.ok());
        QCOMPARE(s.rho, 1.0);
        QCOMPARE(s.p_value, 0.0);
        QCOMPARE(s.ci_low, 1.0);
        QCOMPARE(s.ci_high, 1.0);
    }

    void edges() {
        QCOMPARE(spearman({}, {}).issue, StatIssue::Empty);
        QCOMPARE(spearman({1, 2, 3}, {1, 2}).issue, StatIssue::InvalidInput);
        QCOMPARE(spearman({1, INFINITY, 3}, {1, 2, 3}).issue, StatIssue::InvalidInput);
        const Spearman two = spearman({1, 2}, {2, 1});
        QCOMPARE(two.issue, StatIssue::TooFew);
        QCOMPARE(two.n, std::size_t{2});
        QCOMPARE(two.rho, 0.0);
        QCOMPARE(two.p_value, 1.0);
        const Spearman tied = spearman({3, 3, 3, 3}, {1, 2, 3, 4});
        QCOMPARE(tied.issue, StatIssue::AllTied);
        QCOMPARE(tied.rho, 0.0);
        QCOMPARE(tied.ci_low, -1.0);
        QCOMPARE(tied.ci_high, 1.0);
        // n = 3: rho and p exist (t with 1 df), but no interval can be claimed.
        const Spearman three = spearman({1, 2, 3}, {1, 3, 2});
        QVERIFY(three.ok());
        ENCORE_COMPARE_NEAR(three.rho, 0.5, 1e-14, 0.0);
        QCOMPARE(three.ci_low, -1.0);
        QCOMPARE(three.ci_high, 1.0);
        QVERIFY(three.p_value > 0.0 && three.p_value < 1.0);
    }

    void bootstrapIsSeeded() {
        const BootstrapInterval a = spearmanBootstrap(kPlays, kDurations, 500, 42);
        const BootstrapInterval b = spearmanBootstrap(kPlays, kDurations, 500, 42);
        const BootstrapInterval c = spearmanBootstrap(kPlays, kDurations, 500, 43);
        QVERIFY(a.ok());
        QCOMPARE(a.low, b.low);
        QCOMPARE(a.high, b.high);
        QVERIFY(a.low != c.low || a.high != c.high);
        QCOMPARE(a.resamples, std::size_t{500});
        QVERIFY(a.used > 490);  // a resample is only unusable when it draws one value only
        QVERIFY(a.low < 0.8376055838365107 && 0.8376055838365107 < a.high);
        QVERIFY(a.low > 0.0);
    }

    void bootstrapAgreesWithFisherOnALargeSample() {
        // y = x + noise from a fixed linear congruential sequence: rho about 0.5, n = 400.
        std::vector<double> x;
        std::vector<double> y;
        std::uint64_t state = 12345;
        auto next = [&state] {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            return static_cast<double>(state >> 11) / 9007199254740992.0;  // [0, 1)
        };
        for (int i = 0; i < 400; ++i) {
            const double v = next();
            x.push_back(v);
            y.push_back(v + 0.6 * next());
        }
        const Spearman s = spearman(x, y);
        const BootstrapInterval b = spearmanBootstrap(x, y, 1000, 7);
        QVERIFY(s.ok() && b.ok());
        QVERIFY(std::fabs(b.low - s.ci_low) < 0.03);
        QVERIFY(std::fabs(b.high - s.ci_high) < 0.03);
    }

    void bootstrapEdges() {
        QCOMPARE(spearmanBootstrap({}, {}, 100, 1).issue, StatIssue::Empty);
        QCOMPARE(spearmanBootstrap({1, 2}, {1, 2}, 100, 1).issue, StatIssue::TooFew);
        QCOMPARE(spearmanBootstrap({1, 1, 1}, {1, 2, 3}, 100, 1).issue, StatIssue::AllTied);
        const BootstrapInterval none = spearmanBootstrap(kPlays, kDurations, 5, 1);
        QCOMPARE(none.issue, StatIssue::TooFew);  // too few resamples to quote percentiles
        QCOMPARE(none.low, -1.0);
        QCOMPARE(none.high, 1.0);
    }
};

QTEST_GUILESS_MAIN(TestSpearman)
#include "tst_spearman.moc"
