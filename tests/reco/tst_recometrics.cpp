// Metrics, evaluation, splits and popularity buckets on tiny hand-checked examples.

#include "reco/core/catalog.h"
#include "reco/core/evaluation.h"
#include "reco/core/metrics.h"
#include "reco/core/popularity.h"
#include "reco/core/popularscorer.h"
#include "reco/core/split.h"

#include <QtTest>

#include <cmath>

using namespace encore::reco;

namespace {

bool near(double a, double b) {
    return std::abs(a - b) < 1e-9;
}

// Profile 0: ten listens at 10..100 in scrambled time order; profile 1: five at 1000..1004.
Interactions twoProfileLog() {
    Interactions log;
    const int64_t times0[] = {50, 10, 90, 30, 70, 20, 100, 60, 40, 80};
    for (int i = 0; i < 10; ++i)
        log.add(0, kNoTrack, 0, {}, i, Feedback::kPlay, times0[i]);
    for (int i = 0; i < 5; ++i)
        log.add(1, kNoTrack, 0, {}, 20 + i, Feedback::kPlay, 1000 + i);
    return log;
}

}  // namespace

class TestRecoMetrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rankCountsGreaterAndTies() {
        const float scores[] = {0.5f, 0.5f, 0.5f, 0.9f, 0.1f};
        const RankOutcome rank = rankTarget(scores, 5, 0);
        QCOMPARE(rank.greater, int64_t(1));
        QCOMPARE(rank.ties, int64_t(2));
        const RankOutcome excluded = rankTarget(scores, 5, 0, {3, 1});
        QCOMPARE(excluded.greater, int64_t(0));
        QCOMPARE(excluded.ties, int64_t(1));
        QCOMPARE(rankTarget(scores, 5, 0, {0}).greater,
                 int64_t(1));  // the target is never excluded
    }

    void metricsAtK_data() {
        QTest::addColumn<int>("k");
        QTest::addColumn<double>("hr");
        QTest::addColumn<double>("ndcg");
        QTest::addColumn<double>("topK");
        // One track above the target, two tied with it: under random tie-breaking the target is
        // at position 1, 2 or 3 (0-based) with probability 1/3 each.
        const double p1 = 1 / std::log2(3.0), p2 = 1 / std::log2(4.0), p3 = 1 / std::log2(5.0);
        QTest::newRow("K=1") << 1 << 0.0 << 0.0 << 0.0;
        QTest::newRow("K=2") << 2 << 1.0 / 3 << p1 / 3 << 1.0;
        QTest::newRow("K=3") << 3 << 2.0 / 3 << (p1 + p2) / 3 << 1.0;
        QTest::newRow("K=10") << 10 << 1.0 << (p1 + p2 + p3) / 3 << 1.0;
    }

    void metricsAtK() {
        QFETCH(int, k);
        QFETCH(double, hr);
        QFETCH(double, ndcg);
        QFETCH(double, topK);
        const RankOutcome rank{1, 2};
        QVERIFY(near(hitRate(rank, k), hr));
        QVERIFY(near(encore::reco::ndcg(rank, k), ndcg));
        QVERIFY(near(factorizedTopK(rank, k), topK));
    }

    void firstPlaceHasFullGain() {
        const RankOutcome first{0, 0};
        QVERIFY(near(hitRate(first, 1), 1.0));
        QVERIFY(near(ndcg(first, 1), 1.0));
        QVERIFY(near(ndcg(RankOutcome{4, 0}, 10), 1 / std::log2(6.0)));
    }

    void accumulatorSplitsRepeatAndNew() {
        MetricAccumulator metrics({1, 10});
        metrics.add({0, 0}, true);   // repeat, first
        metrics.add({20, 0}, true);  // repeat, missed
        metrics.add({3, 0}, false);  // new, 4th
        const EvalReport report = metrics.report();
        QCOMPARE(report.all.count, int64_t(3));
        QCOMPARE(report.repeat.count, int64_t(2));
        QCOMPARE(report.fresh.count, int64_t(1));
        QVERIFY(near(report.all.hr[0], 1.0 / 3));
        QVERIFY(near(report.all.hr[1], 2.0 / 3));
        QVERIFY(near(report.repeat.hr[1], 0.5));
        QVERIFY(near(report.fresh.hr[0], 0.0));
        QVERIFY(near(report.fresh.ndcg[1], 1 / std::log2(5.0)));
    }

    void evaluateRanksEveryTestPlay() {
        // Train: track 2 x2, track 1 x1 (profile 0). Test: profile 0 plays 2 (repeat, rank 0),
        // plays 3 (new, unplayed: tied with 0, 4 behind 2 and 1), skips 1 (not scored).
        Interactions train;
        train.add(0, kNoTrack, 0, {}, 2, Feedback::kPlay, 1);
        train.add(0, kNoTrack, 0, {}, 2, Feedback::kPlay, 2);
        train.add(0, kNoTrack, 0, {}, 1, Feedback::kPlay, 3);
        Interactions test;
        test.add(0, kNoTrack, 0, {}, 2, Feedback::kPlay, 4);
        test.add(0, kNoTrack, 0, {}, 3, Feedback::kPlay, 5);
        test.add(0, kNoTrack, 0, {}, 1, Feedback::kSkip, 6);
        const PopularScorer popular(train, 5);
        EvalOptions options;
        options.ks = {1, 3};
        const EvalReport report = evaluate(popular, train, test, options);
        QCOMPARE(report.all.count, int64_t(2));
        QCOMPARE(report.repeat.count, int64_t(1));
        QCOMPARE(report.fresh.count, int64_t(1));
        QVERIFY(near(report.repeat.hr[0], 1.0));
        // Track 3: greater 2 (tracks 2, 1), ties 2 (tracks 0, 4): HR@3 = (3 - 2) / 3.
        QVERIFY(near(report.fresh.hr[1], 1.0 / 3));
        QVERIFY(near(report.fresh.top_k[1], 1.0));  // FactorizedTopK counts ties as hits
        QVERIFY(near(report.all.hr[0], 0.5));
    }

    void timeSplitHoldsOutEachProfilesLatest() {
        const Interactions log = twoProfileLog();
        const Split split = timeSplit(log, 0.9);
        QCOMPARE(split.train.size(), size_t(14));  // ceil(9) + ceil(4.5)
        QCOMPARE(split.test.size(), size_t(1));
        QCOMPARE(split.test.timestamp[0], int64_t(100));  // profile 0's latest
        for (int64_t t : split.train.timestamp)
            QVERIFY(t != 100);
        const Split eighty = timeSplit(log, 0.8);
        QCOMPARE(eighty.test.size(), size_t(2 + 1));  // 10 - 8 and 5 - 4
        for (size_t i = 0; i < eighty.test.size(); ++i) {
            if (eighty.test.profile[i] == 0)
                QVERIFY(eighty.test.timestamp[i] >= 90);
        }
    }

    void globalTimeSplitHasOneCutoff() {
        const Interactions log = twoProfileLog();
        // ceil(0.8 * 15) = 12 train: cutoff at the 13th time, 1002; profile 0 holds none out.
        const Split split = globalTimeSplit(log, 0.8);
        QCOMPARE(split.train.size(), size_t(12));
        QCOMPARE(split.test.size(), size_t(3));
        for (size_t i = 0; i < split.test.size(); ++i) {
            QCOMPARE(split.test.profile[i], 1);
            QVERIFY(split.test.timestamp[i] >= 1002);
        }
        for (int64_t t : split.train.timestamp)
            QVERIFY(t < 1002);
        // Ties at the cutoff are held out together, never split across train and test.
        Interactions tied;
        for (int i = 0; i < 4; ++i)
            tied.add(i % 2, kNoTrack, 0, {}, i, Feedback::kPlay, i < 2 ? 5 : 9);
        const Split half = globalTimeSplit(tied, 0.6);  // ceil(2.4) = 3: cutoff at time 9
        QCOMPARE(half.train.size(), size_t(2));
        QCOMPARE(half.test.size(), size_t(2));
    }

    void perProfileMeansWeighEachProfileOnce() {
        MetricAccumulator metrics({10});
        for (int i = 0; i < 9; ++i)
            metrics.add({0, 0}, true, 0);  // profile 0: nine hits
        metrics.add({50, 0}, true, 1);     // profile 1: one miss
        const EvalReport report = metrics.report();
        QVERIFY(near(report.all.hr[0], 0.9));  // pooled
        QCOMPARE(report.per_profile.size(), size_t(2));
        const ProfileInterval hr = perProfile(report, Metric::HitRate, 10);
        QCOMPARE(hr.profiles, int64_t(2));
        QVERIFY(near(hr.mean, 0.5));
        QVERIFY(near(perProfile(report, Metric::Ndcg, 10).mean, 0.5));
        QCOMPARE(perProfile(report, Metric::HitRate, 5).profiles, int64_t(0));  // no such K
    }

    void bootstrapIntervalCoversTheMeanAndNarrowsWithMoreProfiles() {
        std::vector<double> few, many;
        for (int i = 0; i < 10; ++i)
            few.push_back(i % 2);  // mean 0.5
        for (int i = 0; i < 1000; ++i)
            many.push_back(i % 2);
        const ProfileInterval a = bootstrapMean(few, 1000, 7);
        const ProfileInterval b = bootstrapMean(many, 1000, 7);
        QVERIFY(near(a.mean, 0.5));
        QVERIFY(a.low < 0.5 && a.high > 0.5);
        QVERIFY(b.low < 0.5 && b.high > 0.5);
        // Standard error 0.5 / sqrt(n): about +-0.31 for 10 profiles, +-0.031 for 1000.
        QVERIFY(a.high - a.low > 0.4 && a.high - a.low < 0.8);
        QVERIFY(b.high - b.low > 0.04 && b.high - b.low < 0.08);
        // Fixed seed: the same interval every time; a constant has no spread.
        QCOMPARE(bootstrapMean(few, 1000, 7).low, a.low);
        const ProfileInterval flat = bootstrapMean({0.25, 0.25, 0.25});
        QVERIFY(near(flat.low, 0.25) && near(flat.high, 0.25));
    }

    void bootstrapRatioKeepsTheProfilesPaired() {
        // Each profile's a is twice its b: every resample's ratio is exactly 2, however much
        // the profiles differ from one another.
        const std::vector<double> b = {0.1, 0.4, 0.05, 0.3, 0.2};
        std::vector<double> a;
        for (double v : b)
            a.push_back(2.0 * v);
        const ProfileInterval paired = bootstrapRatio(a, b, 1000, 3);
        QCOMPARE(paired.profiles, int64_t(5));
        QVERIFY(near(paired.mean, 2.0) && near(paired.low, 2.0) && near(paired.high, 2.0));
        // Ratio of the means, not the mean of the ratios: (0.2 + 0.2) / (0.1 + 0.3) = 1, while
        // the ratios 2 and 2/3 average 4/3; the interval spans the two profiles' ratios.
        const ProfileInterval mixed = bootstrapRatio({0.2, 0.2}, {0.1, 0.3}, 1000, 3);
        QVERIFY(near(mixed.mean, 1.0));
        QVERIFY(mixed.low < 1.0 && mixed.high > 1.0);
        QVERIFY(mixed.low >= 2.0 / 3.0 - 1e-9 && mixed.high <= 2.0 + 1e-9);
    }

    void randomSplitIsDeterministic() {
        Interactions log;
        for (int i = 0; i < 1000; ++i)
            log.add(i % 3, kNoTrack, 0, {}, i, Feedback::kPlay, i);
        const Split a = randomSplit(log, 0.8, 5);
        const Split b = randomSplit(log, 0.8, 5);
        const Split c = randomSplit(log, 0.8, 6);
        QCOMPARE(a.train.target, b.train.target);
        QVERIFY(a.train.target != c.train.target);
        QCOMPARE(a.train.size() + a.test.size(), log.size());
        QVERIFY(a.train.size() > 740 && a.train.size() < 860);
    }

    void popularityBucketsAreLog2() {
        QCOMPARE(popularityBucket(0, 16), 0);
        QCOMPARE(popularityBucket(1, 16), 1);
        QCOMPARE(popularityBucket(2, 16), 2);
        QCOMPARE(popularityBucket(3, 16), 2);
        QCOMPARE(popularityBucket(4, 16), 3);
        QCOMPARE(popularityBucket(1000, 16), 10);
        QCOMPARE(popularityBucket(int64_t(1) << 40, 16), 15);  // capped
    }

    void popularityComesFromTheTrainingPartOnly() {
        Interactions log;
        for (int i = 0; i < 8; ++i)
            log.add(0, kNoTrack, 0, {}, 1, Feedback::kPlay, i);
        log.add(0, kNoTrack, 0, {}, 2, Feedback::kPlay, 100);  // the held-out future
        log.add(0, kNoTrack, 0, {}, 3, Feedback::kSkip, 5);
        const Split split = timeSplit(log, 0.9);
        const std::vector<int32_t> buckets = popularityBuckets(split.train, 4, 16);
        QCOMPARE(buckets, (std::vector<int32_t>{0, 4, 0, 0}));  // track 2's play is in the test
    }

    void interactionsValidationNamesTheField() {
        Interactions log;
        log.history_length = 2;
        log.add(0, kNoTrack, 5, {1}, 1, Feedback::kPlay, 0);
        QVERIFY(log.validate(3, 1).ok());
        log.history[1] = 7;
        const CoreStatus bad = log.validate(3, 1);
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().find("interactions.history[1]") != std::string::npos);
        Catalog catalog;
        catalog.num_artists = 1;
        catalog.addTrack(2, {}, {});
        QVERIFY(catalog.validate().error().find("catalog.artist[0]") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestRecoMetrics)
#include "tst_recometrics.moc"
