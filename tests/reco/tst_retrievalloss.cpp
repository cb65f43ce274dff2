// The training loss against hand-computed values on a 3x3 batch (plus one skip row).
//
// Queries and candidates are 2-d so that every dot product is 0 or 1:
//   q0 = (1,0)  q1 = (0,1)  q2 = (1,0)        c0 = (1,0)  c1 = (0,1)  c2 = (0,1)
//   S = q.c^T = [[1,0,0],
//                [0,1,1],
//                [1,0,0]]        row i's positive is column i.

#include "reco/core/retrievalloss.h"

#include <QtTest>

#include <cmath>

using namespace encore::reco;

namespace {

const double e = std::exp(1.0);

LossBatch threeByThree() {
    LossBatch batch;
    batch.rows = 3;
    batch.dim = 2;
    batch.queries = {1, 0, 0, 1, 1, 0};
    batch.candidates = {1, 0, 0, 1, 0, 1};
    batch.tracks = {10, 11, 12};
    batch.is_skip = {0, 0, 0};
    batch.log_q = {0, 0, 0};
    batch.weights = {1, 1, 1};
    return batch;
}

LossSettings plainSettings() {
    LossSettings s;
    s.temperature = 1.0f;
    s.use_logq = false;
    s.remove_accidental_hits = false;
    s.use_skip_negatives = false;
    return s;
}

// Adds a skip row: query (0,1), skipped candidate `c`, track `track`.
void addSkip(LossBatch& batch, std::vector<float> c, int32_t track) {
    batch.rows += 1;
    batch.queries.insert(batch.queries.end(), {0, 1});
    batch.candidates.insert(batch.candidates.end(), c.begin(), c.end());
    batch.tracks.push_back(track);
    batch.is_skip.push_back(1);
    batch.log_q.push_back(0);
    batch.weights.push_back(1);
}

}  // namespace

class TestRetrievalLoss : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void inBatchSoftmax() {
        // CE_i = log(sum_j exp S_ij) - S_ii
        //   row 0: logits [1,0,0] -> log(e+2) - 1
        //   row 1: logits [0,1,1] -> log(1+2e) - 1
        //   row 2: logits [1,0,0], positive is column 2 (logit 0) -> log(e+2)
        const double expected =
            (std::log(e + 2) - 1 + std::log(1 + 2 * e) - 1 + std::log(e + 2)) / 3;
        const LossValue loss = computeRetrievalLoss(threeByThree(), plainSettings());
        QVERIFY(std::abs(loss.softmax - expected) < 1e-6);
        QVERIFY(std::abs(loss.total - expected) < 1e-6);
        QCOMPARE(loss.skip, 0.0);
    }

    void logQCorrection() {
        // log Q = [ln 1/2, ln 1/4, ln 1/4]: logit_ij = S_ij - logQ_j = S_ij + [ln2, ln4, ln4]_j
        //   row 0: [1+ln2, ln4, ln4]   -> log(2e + 4 + 4) - (1 + ln2)
        //   row 1: [ln2, 1+ln4, 1+ln4] -> log(2 + 4e + 4e) - (1 + ln4)
        //   row 2: [1+ln2, ln4, ln4]   -> log(2e + 8) - ln4
        LossBatch batch = threeByThree();
        batch.log_q = {float(std::log(0.5)), float(std::log(0.25)), float(std::log(0.25))};
        LossSettings settings = plainSettings();
        settings.use_logq = true;
        const double ln2 = std::log(2.0), ln4 = std::log(4.0);
        const double expected = (std::log(2 * e + 8) - 1 - ln2 + std::log(2 + 8 * e) - 1 - ln4 +
                                 std::log(2 * e + 8) - ln4) /
                                3;
        QVERIFY(std::abs(computeRetrievalLoss(batch, settings).total - expected) < 1e-5);
        // Switched off, the same batch gives the plain value.
        QVERIFY(std::abs(computeRetrievalLoss(batch, plainSettings()).total -
                         computeRetrievalLoss(threeByThree(), plainSettings()).total) < 1e-9);
    }

    void accidentalHitsAreRemoved() {
        // Rows 1 and 2 target the same track 11: row 1 loses column 2, row 2 loses column 1.
        //   row 0: [1,0,0]      -> log(e+2) - 1
        //   row 1: [0,1,-]      -> log(1+e) - 1
        //   row 2: [1,-,0]      -> log(e+1)
        LossBatch batch = threeByThree();
        batch.tracks = {10, 11, 11};
        LossSettings settings = plainSettings();
        settings.remove_accidental_hits = true;
        const double expected = (std::log(e + 2) - 1 + std::log(1 + e) - 1 + std::log(e + 1)) / 3;
        QVERIFY(std::abs(computeRetrievalLoss(batch, settings).total - expected) < 1e-6);
        // Without removal the duplicate counts as a negative: the plain value.
        const double plain = (std::log(e + 2) - 1 + std::log(1 + 2 * e) - 1 + std::log(e + 2)) / 3;
        QVERIFY(std::abs(computeRetrievalLoss(batch, plainSettings()).total - plain) < 1e-6);
    }

    void temperatureScalesLogits() {
        // temperature 0.5 doubles S:
        //   row 0: [2,0,0] -> log(e^2+2) - 2;  row 1: [0,2,2] -> log(1+2e^2) - 2;
        //   row 2: [2,0,0] -> log(e^2+2)
        LossSettings settings = plainSettings();
        settings.temperature = 0.5f;
        const double e2 = e * e;
        const double expected =
            (std::log(e2 + 2) - 2 + std::log(1 + 2 * e2) - 2 + std::log(e2 + 2)) / 3;
        QVERIFY(std::abs(computeRetrievalLoss(threeByThree(), settings).total - expected) < 1e-5);
    }

    void exampleWeights() {
        // weights [1,2,1]: (CE0 + 2 CE1 + CE2) / 4
        LossBatch batch = threeByThree();
        batch.weights = {1, 2, 1};
        const double ce0 = std::log(e + 2) - 1, ce1 = std::log(1 + 2 * e) - 1,
                     ce2 = std::log(e + 2);
        const double expected = (ce0 + 2 * ce1 + ce2) / 4;
        QVERIFY(std::abs(computeRetrievalLoss(batch, plainSettings()).total - expected) < 1e-6);
    }

    void skipPushesQueryAway_data() {
        QTest::addColumn<bool>("sameTrackAsAPlay");
        QTest::newRow("distinct track") << false;
        QTest::newRow("track also played in the batch") << true;
    }

    void skipPushesQueryAway() {
        QFETCH(bool, sameTrackAsAPlay);
        LossBatch batch = threeByThree();
        LossSettings settings = plainSettings();
        settings.use_skip_negatives = true;
        settings.remove_accidental_hits = true;
        settings.skip_weight = 0.5f;
        double skip = 0;
        if (!sameTrackAsAPlay) {
            // skip row q3 = (0,1), skipped c3 = (1,0), track 13: own logit 0; against the play
            // candidates [0,1,1]. -log(1 - p_own) = log(1 + 1 + 2e) - log(1 + 2e)
            addSkip(batch, {1, 0}, 13);
            skip = std::log(2 + 2 * e) - std::log(1 + 2 * e);
        } else {
            // skipped c3 = (0,1) is track 11, also play column 1, which is masked for this row:
            // own logit 1; others [0, -, 1]. -log(1 - p_own) = log(e + 1 + e) - log(1 + e)
            addSkip(batch, {0, 1}, 11);
            skip = std::log(1 + 2 * e) - std::log(1 + e);
        }
        const double softmax =
            (std::log(e + 2) - 1 + std::log(1 + 2 * e) - 1 + std::log(e + 2)) / 3;
        const LossValue loss = computeRetrievalLoss(batch, settings);
        QVERIFY(std::abs(loss.softmax - softmax) < 1e-6);
        QVERIFY(std::abs(loss.skip - skip) < 1e-6);
        QVERIFY(std::abs(loss.total - (softmax + 0.5 * skip)) < 1e-6);

        settings.use_skip_negatives = false;  // the switch: skips then change nothing
        const LossValue off = computeRetrievalLoss(batch, settings);
        QVERIFY(std::abs(off.total - softmax) < 1e-6);
        QCOMPARE(off.skip, 0.0);
    }

    void batchWithoutPlaysIsZero() {
        LossBatch batch;
        batch.dim = 2;
        addSkip(batch, {1, 0}, 1);
        LossSettings settings = plainSettings();
        settings.use_skip_negatives = true;
        const LossValue loss = computeRetrievalLoss(batch, settings);
        QCOMPARE(loss.total, 0.0);
        QVERIFY(std::isfinite(loss.total));
    }
};

QTEST_GUILESS_MAIN(TestRetrievalLoss)
#include "tst_retrievalloss.moc"
