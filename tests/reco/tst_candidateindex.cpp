// CandidateIndex and selectTopK: order, ties, exclusions, artist diversity, similar tracks.

#include "reco/core/candidateindex.h"
#include "reco/core/topk.h"

#include <QtTest>

#include <map>

using namespace encore::reco;

namespace {

std::vector<int32_t> tracksOf(const std::vector<ScoredTrack>& items) {
    std::vector<int32_t> out;
    for (const ScoredTrack& item : items)
        out.push_back(item.track);
    return out;
}

// 2-d index: track t at angle t degrees on the unit circle, so the order by dot product with
// (1,0) is 0, 1, 2, ... and with the direction of track k it is k, k-1|k+1, ...
CandidateIndex circleIndex(int n, std::vector<int32_t> artists = {}) {
    std::vector<float> rows;
    for (int t = 0; t < n; ++t) {
        const double angle = t * M_PI / 180.0;
        rows.push_back(float(std::cos(angle)));
        rows.push_back(float(std::sin(angle)));
    }
    if (artists.empty())
        artists.assign(size_t(n), -1);
    return CandidateIndex(2, std::move(rows), std::move(artists));
}

}  // namespace

class TestCandidateIndex : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void topKIsBestFirst() {
        const float scores[] = {0.1f, 0.9f, 0.5f, 0.7f, 0.3f};
        TopKRequest request;
        request.k = 3;
        QCOMPARE(tracksOf(selectTopK(scores, 5, request)), (std::vector<int32_t>{1, 3, 2}));
        request.k = 10;  // more than there are
        QCOMPARE(tracksOf(selectTopK(scores, 5, request)), (std::vector<int32_t>{1, 3, 2, 4, 0}));
        request.k = 0;
        QVERIFY(selectTopK(scores, 5, request).empty());
    }

    void tiesGoToTheLowerTrack() {
        const float scores[] = {0.5f, 0.7f, 0.5f, 0.7f};
        TopKRequest request;
        request.k = 3;
        QCOMPARE(tracksOf(selectTopK(scores, 4, request)), (std::vector<int32_t>{1, 3, 0}));
    }

    void exclusionsAreNeverReturned() {
        const float scores[] = {0.1f, 0.9f, 0.5f, 0.7f, 0.3f};
        TopKRequest request;
        request.k = 3;
        request.exclude = {3, 1};
        QCOMPARE(tracksOf(selectTopK(scores, 5, request)), (std::vector<int32_t>{2, 4, 0}));
    }

    void atMostTwoPerArtistInTheTopTen() {
        // Scores fall with the track index; artist of track t is t / 5 (five tracks each).
        const int n = 40;
        std::vector<float> scores(n);
        std::vector<int32_t> artists(n);
        for (int t = 0; t < n; ++t) {
            scores[t] = 1.0f - 0.01f * t;
            artists[t] = t / 5;
        }
        TopKRequest request;
        request.k = 14;
        request.max_per_artist = 2;
        request.diversity_window = 10;
        const std::vector<int32_t> got =
            tracksOf(selectTopK(scores.data(), scores.size(), request, artists.data()));
        // Window: two of each artist in score order: 0,1 | 5,6 | 10,11 | 15,16 | 20,21.
        // After the window, the deferred (2,3,4,7,...) and the rest continue in score order.
        const std::vector<int32_t> expected = {0, 1, 5, 6, 10, 11, 15, 16, 20, 21, 2, 3, 4, 7};
        QCOMPARE(got, expected);
        std::map<int32_t, int> per_artist;
        for (size_t i = 0; i < 10; ++i)
            QVERIFY(++per_artist[artists[got[i]]] <= 2);
    }

    void diversityWithTooFewArtistsStillFillsK() {
        // One artist only: the window cannot be diverse, so it is filled in score order.
        std::vector<float> scores = {0.9f, 0.8f, 0.7f, 0.6f};
        std::vector<int32_t> artists = {3, 3, 3, 3};
        TopKRequest request;
        request.k = 4;
        request.max_per_artist = 2;
        QCOMPARE(tracksOf(selectTopK(scores.data(), 4, request, artists.data())),
                 (std::vector<int32_t>{0, 1, 2, 3}));
    }

    void diversityLooksBeyondTheFirstPool() {
        // 300 tracks of artist 0 score highest; two other artists come far below. The window must
        // still reach them (the pool is widened until the window is diverse).
        const int n = 400;
        std::vector<float> scores(n);
        std::vector<int32_t> artists(n);
        for (int t = 0; t < n; ++t) {
            scores[t] = 1.0f - 0.001f * t;
            artists[t] = t < 300 ? 0 : (t < 350 ? 1 : 2);
        }
        TopKRequest request;
        request.k = 6;
        request.max_per_artist = 2;
        QCOMPARE(tracksOf(selectTopK(scores.data(), n, request, artists.data())),
                 (std::vector<int32_t>{0, 1, 300, 301, 350, 351}));
    }

    void indexScoresAreDotProducts() {
        const CandidateIndex index(3, {1, 2, 3, 0, 1, 0, -1, 0, 2}, {0, 1, 2});
        const float query[] = {1, 1, 1};
        float out[3];
        index.scoreAll(query, out);
        QCOMPARE(out[0], 6.0f);
        QCOMPARE(out[1], 1.0f);
        QCOMPARE(out[2], 1.0f);
    }

    void fixedWidthScoringMatchesPlainDotProducts_data() {
        QTest::addColumn<int>("dim");
        QTest::addColumn<int>("rows");
        QTest::newRow("d=32, rows not a multiple of 4") << 32 << 103;
        QTest::newRow("d=64") << 64 << 64;
        QTest::newRow("d=24 (generic path)") << 24 << 10;
    }

    void fixedWidthScoringMatchesPlainDotProducts() {
        QFETCH(int, dim);
        QFETCH(int, rows);
        std::vector<float> matrix(size_t(dim) * rows), query(dim);
        for (size_t i = 0; i < matrix.size(); ++i)
            matrix[i] = float((i * 37) % 11) - 5.0f;
        for (int j = 0; j < dim; ++j)
            query[j] = float(j % 5) - 2.0f;
        const CandidateIndex index(dim, matrix, std::vector<int32_t>(rows, -1));
        std::vector<float> out(rows);
        index.scoreAll(query.data(), out.data());
        for (int r = 0; r < rows; ++r) {
            float expected = 0;  // small integers: exact in float whatever the summation order
            for (int j = 0; j < dim; ++j)
                expected += matrix[size_t(r) * dim + j] * query[j];
            QCOMPARE(out[r], expected);
        }
    }

    void similarExcludesTheTrackItself() {
        const CandidateIndex index = circleIndex(90);
        const auto near = index.similar(40, 4);
        QCOMPARE(near.size(), size_t(4));
        QVERIFY(near[0].track == 39 || near[0].track == 41);
        for (const ScoredTrack& item : near)
            QVERIFY(item.track != 40 && std::abs(item.track - 40) <= 2);
        QVERIFY(index.similar(-1, 3).empty());
        QVERIFY(index.similar(90, 3).empty());
    }

    void topKOnTheIndex() {
        const CandidateIndex index = circleIndex(10);
        const float east[] = {1, 0};
        TopKRequest request;
        request.k = 3;
        request.exclude = {0};
        QCOMPARE(tracksOf(index.topK(east, request)), (std::vector<int32_t>{1, 2, 3}));
    }
};

QTEST_GUILESS_MAIN(TestCandidateIndex)
#include "tst_candidateindex.moc"
