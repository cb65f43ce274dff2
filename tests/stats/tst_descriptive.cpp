// Quantiles, distributions, average ranks and the pooling of small groups.

#include "stats/math/descriptive.h"
#include "stats/math/groupmerge.h"
#include "stats/math/ranking.h"
#include "statstestsupport.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace encore::stats;

class TestDescriptive : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void quantileType7_data() {
        QTest::addColumn<std::vector<double>>("values");
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("expected");
        // By hand: h = (n - 1) p, then interpolate between sorted[floor(h)] and the next one.
        const std::vector<double> four{10, 20, 30, 40};
        QTest::newRow("n=4 p=0.25: h=0.75") << four << 0.25 << 17.5;
        QTest::newRow("n=4 p=0.5: h=1.5") << four << 0.5 << 25.0;
        QTest::newRow("n=4 p=0.75: h=2.25") << four << 0.75 << 32.5;
        QTest::newRow("p=0 is the minimum") << four << 0.0 << 10.0;
        QTest::newRow("p=1 is the maximum") << four << 1.0 << 40.0;
        QTest::newRow("p clamped above") << four << 1.7 << 40.0;
        QTest::newRow("p clamped below") << four << -0.2 << 10.0;
        QTest::newRow("unsorted input") << std::vector<double>{40, 10, 30, 20} << 0.25 << 17.5;
        QTest::newRow("single value") << std::vector<double>{7} << 0.3 << 7.0;
        QTest::newRow("empty gives 0") << std::vector<double>{} << 0.5 << 0.0;
        // numpy.percentile(v, 25) = 0.25 (numpy 1.24.2, default method "linear").
        QTest::newRow("numpy q1") << std::vector<double>{7, 0, 3, 0, 12, 1, 0, 5, 2, 40} << 0.25
                                  << 0.25;
    }

    void quantileType7() {
        QFETCH(std::vector<double>, values);
        QFETCH(double, p);
        QFETCH(double, expected);
        ENCORE_COMPARE_NEAR(quantile(values, p), expected, 1e-15, 1e-15);
    }

    void distributionOfPlayCounts() {
        // Sorted: 0 0 0 1 2 3 5 7 12 40. numpy.percentile(v, [25, 50, 75]) = 0.25, 2.5, 6.5.
        const Distribution d = describeDistribution({7, 0, 3, 0, 12, 1, 0, 5, 2, 40});
        QVERIFY(d.ok());
        QCOMPARE(d.n, std::size_t{10});
        QCOMPARE(d.min, 0.0);
        QCOMPARE(d.max, 40.0);
        QCOMPARE(d.q1, 0.25);
        QCOMPARE(d.median, 2.5);
        QCOMPARE(d.q3, 6.5);
        QCOMPARE(d.mean, 7.0);
        QCOMPARE(d.zeros, std::size_t{3});
        QCOMPARE(d.zero_share, 0.3);
    }

    void distributionEdges() {
        const Distribution empty = describeDistribution({});
        QCOMPARE(empty.issue, StatIssue::Empty);
        QCOMPARE(empty.n, std::size_t{0});
        QCOMPARE(empty.median, 0.0);
        QCOMPARE(empty.zero_share, 0.0);

        const Distribution one = describeDistribution({4});
        QVERIFY(one.ok());
        QCOMPARE(one.q1, 4.0);
        QCOMPARE(one.q3, 4.0);
        QCOMPARE(one.zero_share, 0.0);

        const Distribution zeros = describeDistribution({0, 0, 0});
        QVERIFY(zeros.ok());
        QCOMPARE(zeros.zero_share, 1.0);
        QCOMPARE(zeros.median, 0.0);

        const Distribution bad = describeDistribution({1, NAN, 3});
        QCOMPARE(bad.issue, StatIssue::InvalidInput);
        QCOMPARE(bad.mean, 0.0);  // no NaN leaks out
    }

    void averageRanksWithTies() {
        // Sorted: 0 0 | 1 | 3 3 3 | 9. Ranks 1.5 1.5 | 3 | 5 5 5 | 7.
        const Ranks r = averageRanks({3, 0, 9, 3, 1, 0, 3});
        const std::vector<double> expected{5, 1.5, 7, 5, 3, 1.5, 5};
        QCOMPARE(r.rank, expected);
        QCOMPARE(r.tie_term, (8.0 - 2.0) + (27.0 - 3.0));  // t^3 - t for t = 2 and t = 3
        QCOMPARE(r.distinct, std::size_t{4});
    }

    void averageRanksEdges() {
        QVERIFY(averageRanks({}).rank.empty());
        QCOMPARE(averageRanks({}).distinct, std::size_t{0});
        const Ranks tied = averageRanks({2, 2, 2, 2});
        QCOMPARE(tied.rank, (std::vector<double>{2.5, 2.5, 2.5, 2.5}));
        QCOMPARE(tied.tie_term, 60.0);
        QCOMPARE(tied.distinct, std::size_t{1});
        const Ranks plain = averageRanks({0.5, -1, 2});
        QCOMPARE(plain.rank, (std::vector<double>{2, 1, 3}));
        QCOMPARE(plain.tie_term, 0.0);
    }

    void smallGroupsArePooled() {
        // Group sizes: 0 -> 4, 1 -> 1, 2 -> 0 (unused), 3 -> 2, 4 -> 5. Threshold 3.
        const std::vector<int> group{0, 0, 4, 1, 0, 3, 4, 4, 0, 3, 4, 4};
        const GroupMerge m = mergeSmallGroups(group, 3);
        QVERIFY(m.ok());
        QCOMPARE(m.min_group_size, std::size_t{3});
        QCOMPARE(m.merged_groups, std::size_t{2});  // groups 1 and 3; 2 had no observations
        QCOMPARE(m.source, (std::vector<int>{0, 4, kOtherGroup}));
        QCOMPARE(m.size, (std::vector<std::size_t>{4, 5, 3}));
        QCOMPARE(m.other, 2);
        QCOMPARE(m.group, (std::vector<int>{0, 0, 1, 2, 0, 2, 1, 1, 0, 2, 1, 1}));
    }

    void nothingPooledBelowThreshold() {
        const GroupMerge m = mergeSmallGroups({0, 1, 1, 0}, 2);
        QVERIFY(m.ok());
        QCOMPARE(m.other, -1);
        QCOMPARE(m.merged_groups, std::size_t{0});
        QCOMPARE(m.group, (std::vector<int>{0, 1, 1, 0}));
        QCOMPARE(m.source, (std::vector<int>{0, 1}));
    }

    void everyGroupPooled() {
        const GroupMerge m = mergeSmallGroups({0, 1, 2}, 5);
        QVERIFY(m.ok());
        QCOMPARE(m.other, 0);
        QCOMPARE(m.merged_groups, std::size_t{3});
        QCOMPARE(m.size, (std::vector<std::size_t>{3}));
        QCOMPARE(m.group, (std::vector<int>{0, 0, 0}));
    }

    void mergeEdges() {
        QCOMPARE(mergeSmallGroups({}, 3).issue, StatIssue::Empty);
        QCOMPARE(mergeSmallGroups({0, -2}, 3).issue, StatIssue::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestDescriptive)
#include "tst_descriptive.moc"
