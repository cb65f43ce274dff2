// eta^2 and Kruskal-Wallis: by hand, against a textbook example and against SciPy/statsmodels
// (values and calls: tests/stats/reference/group_and_rank.py).

#include "stats/math/distributions.h"
#include "stats/math/etasquared.h"
#include "stats/math/groupcomparison.h"
#include "stats/math/kruskalwallis.h"
#include "statstestsupport.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace encore::stats;

namespace {

// Play counts per genre with many ties: the fixture of group_and_rank.py.
struct GenreFixture {
    std::vector<double> values;
    std::vector<int> group;
    GenreFixture() {
        const std::vector<std::vector<double>> groups{
            {0, 0, 1, 2, 5, 0, 3}, {0, 3, 3, 7, 12, 20, 9, 4}, {1, 1, 0, 0, 2}, {6, 15, 2, 8}};
        for (int g = 0; g < 4; ++g) {
            for (double v : groups[static_cast<std::size_t>(g)]) {
                values.push_back(v);
                group.push_back(g);
            }
        }
    }
};

}  // namespace

class TestGroupEffect : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void etaSquaredByHand() {
        // Means 2 and 8 around a grand mean 5: SS_between = 3*9 + 3*9 = 54;
        // SS_total = 16+9+4+4+9+16 = 58.
        const EtaSquared eta = etaSquared({1, 2, 3, 7, 8, 9}, {0, 0, 0, 1, 1, 1});
        QVERIFY(eta.ok());
        QCOMPARE(eta.n, std::size_t{6});
        QCOMPARE(eta.groups, std::size_t{2});
        ENCORE_COMPARE_NEAR(eta.ss_between, 54.0, 1e-14, 0.0);
        ENCORE_COMPARE_NEAR(eta.ss_total, 58.0, 1e-14, 0.0);
        ENCORE_COMPARE_NEAR(eta.eta_squared, 54.0 / 58.0, 1e-14, 0.0);
    }

    void etaSquaredAgainstStatsmodels() {
        // statsmodels 0.13.5: anova_lm(ols("y ~ C(g)")): SS(C(g)) = 230.56904761904758,
        // SS(C(g)) + SS(Residual) = 631.3333333333333, ratio 0.3652096847186604.
        const GenreFixture f;
        const EtaSquared eta = etaSquared(f.values, f.group);
        QVERIFY(eta.ok());
        QCOMPARE(eta.groups, std::size_t{4});
        ENCORE_COMPARE_NEAR(eta.ss_between, 230.56904761904758, 1e-12, 0.0);
        ENCORE_COMPARE_NEAR(eta.ss_total, 631.3333333333333, 1e-12, 0.0);
        ENCORE_COMPARE_NEAR(eta.eta_squared, 0.3652096847186604, 1e-12, 0.0);
    }

    void etaSquaredIgnoresEmptyGroupIndices() {
        // Group 1 has no observations: same answer as the dense grouping {0, 0, 0, 1, 1, 1}.
        const EtaSquared eta = etaSquared({1, 2, 3, 7, 8, 9}, {0, 0, 0, 2, 2, 2});
        QVERIFY(eta.ok());
        QCOMPARE(eta.groups, std::size_t{2});
        ENCORE_COMPARE_NEAR(eta.eta_squared, 54.0 / 58.0, 1e-14, 0.0);
    }

    void etaSquaredEdges() {
        QCOMPARE(etaSquared({}, {}).issue, StatIssue::Empty);
        QCOMPARE(etaSquared({1, 2}, {0}).issue, StatIssue::InvalidInput);
        QCOMPARE(etaSquared({1, NAN}, {0, 1}).issue, StatIssue::InvalidInput);
        QCOMPARE(etaSquared({1, 2}, {0, -1}).issue, StatIssue::InvalidInput);
        const EtaSquared one = etaSquared({1, 5, 9}, {3, 3, 3});
        QCOMPARE(one.issue, StatIssue::OneGroup);
        QCOMPARE(one.eta_squared, 0.0);
        const EtaSquared tied = etaSquared({4, 4, 4, 4}, {0, 0, 1, 1});
        QCOMPARE(tied.issue, StatIssue::AllTied);
        QCOMPARE(tied.eta_squared, 0.0);
        // Perfect separation: every bit of variance is between groups.
        const EtaSquared all = etaSquared({1, 1, 5, 5}, {0, 0, 1, 1});
        QVERIFY(all.ok());
        QCOMPARE(all.eta_squared, 1.0);
    }

    void kruskalWallisByHand() {
        // Ranks 1..6, group sums 6 and 15: H = 12/(6*7) * (36/3 + 225/3) - 3*7 = 27/7.
        const KruskalWallis kw = kruskalWallis({1, 2, 3, 4, 5, 6}, {0, 0, 0, 1, 1, 1});
        QVERIFY(kw.ok());
        ENCORE_COMPARE_NEAR(kw.h, 27.0 / 7.0, 1e-14, 0.0);
        QCOMPARE(kw.df, 1);
        QCOMPARE(kw.tie_correction, 1.0);
        ENCORE_COMPARE_NEAR(kw.p_value, chiSquareSurvival(27.0 / 7.0, 1.0), 1e-15, 0.0);
    }

    void kruskalWallisTiesByHand() {
        // Values 1 1 2 3: ranks 1.5 1.5 3 4, sums 3 and 7. H_raw = 12/20 * (9/2 + 49/2) - 15
        // = 2.4; one tie of 2: C = 1 - 6/60 = 0.9; H = 2.4 / 0.9 = 8/3.
        const KruskalWallis kw = kruskalWallis({1, 1, 2, 3}, {0, 0, 1, 1});
        QVERIFY(kw.ok());
        ENCORE_COMPARE_NEAR(kw.tie_correction, 0.9, 1e-15, 0.0);
        ENCORE_COMPARE_NEAR(kw.h, 8.0 / 3.0, 1e-14, 0.0);
    }

    void kruskalWallisTextbook() {
        // Hollander & Wolfe (1973), Nonparametric Statistical Methods, p. 116 (the example of
        // R's ?kruskal.test: "Kruskal-Wallis chi-squared = 0.77143, df = 2, p-value = 0.68");
        // scipy.stats.kruskal gives 0.7714285714285722, p 0.6799647735788936.
        const std::vector<double> values{2.9, 3.0, 2.5, 2.6, 3.2, 3.8, 2.7,
                                         4.0, 2.4, 2.8, 3.4, 3.7, 2.2, 2.0};
        const std::vector<int> group{0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2};
        const KruskalWallis kw = kruskalWallis(values, group);
        QVERIFY(kw.ok());
        QCOMPARE(kw.df, 2);
        ENCORE_COMPARE_NEAR(kw.h, 0.7714285714285722, 1e-12, 0.0);
        ENCORE_COMPARE_NEAR(kw.p_value, 0.6799647735788936, 1e-12, 0.0);
    }

    void kruskalWallisTiesAgainstScipy() {
        // scipy.stats.kruskal(g0, g1, g2, g3) = 10.77772256039566, p 0.012990585882152487.
        const GenreFixture f;
        const KruskalWallis kw = kruskalWallis(f.values, f.group);
        QVERIFY(kw.ok());
        QCOMPARE(kw.n, std::size_t{24});
        QCOMPARE(kw.groups, std::size_t{4});
        QCOMPARE(kw.df, 3);
        QVERIFY(kw.tie_correction < 1.0);
        ENCORE_COMPARE_NEAR(kw.h, 10.77772256039566, 1e-12, 0.0);
        ENCORE_COMPARE_NEAR(kw.p_value, 0.012990585882152487, 1e-11, 0.0);
    }

    void kruskalWallisOrderDoesNotMatter() {
        const GenreFixture f;
        std::vector<double> values(f.values.rbegin(), f.values.rend());
        std::vector<int> group(f.group.rbegin(), f.group.rend());
        ENCORE_COMPARE_NEAR(kruskalWallis(values, group).h, 10.77772256039566, 1e-12, 0.0);
    }

    void comparisonPoolsThenTests() {
        // Threshold 5 pools the 4-track genre (index 3) into "other"; the statistics are those
        // of the merged grouping (here a relabelling, so the SciPy values still hold).
        const GenreFixture f;
        const GroupComparison c = compareGroups(f.values, f.group, 5);
        QVERIFY(c.merge.ok());
        QCOMPARE(c.merge.source, (std::vector<int>{0, 1, 2, kOtherGroup}));
        QCOMPARE(c.distribution.size(), std::size_t{4});
        // Genre 2 = {1, 1, 0, 0, 2}: sorted 0 0 1 1 2, median 1, 2 zeros of 5, by hand.
        QCOMPARE(c.distribution[2].median, 1.0);
        QCOMPARE(c.distribution[2].zero_share, 0.4);
        // "other" = {6, 15, 2, 8}: q1 at h = 0.75 -> 2 + 0.75 * 4 = 5, median 7.
        QCOMPARE(c.distribution[3].n, std::size_t{4});
        QCOMPARE(c.distribution[3].q1, 5.0);
        QCOMPARE(c.distribution[3].median, 7.0);
        ENCORE_COMPARE_NEAR(c.kruskal.h, 10.77772256039566, 1e-12, 0.0);
        ENCORE_COMPARE_NEAR(c.eta.eta_squared, 0.3652096847186604, 1e-12, 0.0);
        // Pooling everything leaves one group: nothing to compare, said as such.
        const GroupComparison all = compareGroups(f.values, f.group, 100);
        QCOMPARE(all.kruskal.issue, StatIssue::OneGroup);
        QCOMPARE(all.eta.issue, StatIssue::OneGroup);
        QCOMPARE(all.distribution.size(), std::size_t{1});
        QCOMPARE(compareGroups({1, 2}, {0}, 1).kruskal.issue, StatIssue::InvalidInput);
        QCOMPARE(compareGroups({}, {}, 1).eta.issue, StatIssue::Empty);
    }

    void kruskalWallisEdges() {
        QCOMPARE(kruskalWallis({}, {}).issue, StatIssue::Empty);
        QCOMPARE(kruskalWallis({1, 2, 3}, {0, 1}).issue, StatIssue::InvalidInput);
        const KruskalWallis one = kruskalWallis({1, 2, 3}, {0, 0, 0});
        QCOMPARE(one.issue, StatIssue::OneGroup);
        QCOMPARE(one.p_value, 1.0);
        QCOMPARE(one.h, 0.0);
        const KruskalWallis tied = kruskalWallis({0, 0, 0, 0}, {0, 1, 0, 1});
        QCOMPARE(tied.issue, StatIssue::AllTied);
        QCOMPARE(tied.p_value, 1.0);
        QCOMPARE(tied.h, 0.0);
        // Identical groups: H = 0 exactly, p = 1.
        const KruskalWallis same = kruskalWallis({1, 2, 1, 2}, {0, 0, 1, 1});
        QVERIFY(same.ok());
        ENCORE_COMPARE_NEAR(same.h, 0.0, 0.0, 1e-15);
        ENCORE_COMPARE_NEAR(same.p_value, 1.0, 1e-15, 0.0);
        // Two observations in two groups is computable (the test is just weak).
        QVERIFY(kruskalWallis({1, 2}, {0, 1}).ok());
    }
};

QTEST_GUILESS_MAIN(TestGroupEffect)
#include "tst_groupeffect.moc"
