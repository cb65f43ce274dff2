// Baselines on tiny hand-checked logs: popular, per-profile recency, co-occurrence, content,
// sequential rules, session kNN.

#include "reco/core/contentscorer.h"
#include "reco/core/cooccurrencescorer.h"
#include "reco/core/popularscorer.h"
#include "reco/core/sequentialrulesscorer.h"
#include "reco/core/sessionknnscorer.h"
#include "reco/core/userpopularscorer.h"

#include <QtTest>

#include <cmath>

using namespace encore::reco;

namespace {

constexpr int64_t kDay = 86400;
constexpr int32_t kTracks = 6;

// t0 a0 {g0} | t1 a0 {g1} | t2 a1 {g0} | t3 a1 {g1} | t4 a2 {g0,g1} | t5 a2 {g2}
Catalog sixTracks() {
    Catalog c;
    c.num_artists = 3;
    c.num_genres = 3;
    c.num_tokens = 1;
    c.addTrack(0, {0}, {});
    c.addTrack(0, {1}, {});
    c.addTrack(1, {0}, {});
    c.addTrack(1, {1}, {});
    c.addTrack(2, {0, 1}, {});
    c.addTrack(2, {2}, {});
    return c;
}

// Plays: t2 x3, t1 x2, t0 x1; five skips of t5 (skips never count as plays).
// Profile 0 played t0 on day 0 and t1 on day 2 (the newest listen of the log).
Interactions smallLog() {
    Interactions log;
    log.history_length = 2;
    log.add(0, kNoTrack, 0, {}, 0, Feedback::kPlay, 0);
    log.add(1, kNoTrack, 0, {}, 2, Feedback::kPlay, 1 * kDay);
    log.add(1, 2, 0, {2}, 2, Feedback::kPlay, 1 * kDay + 10);
    log.add(1, 2, 0, {2, 2}, 2, Feedback::kPlay, 1 * kDay + 20);
    log.add(1, 2, 0, {2, 2}, 1, Feedback::kPlay, 1 * kDay + 30);
    for (int i = 0; i < 5; ++i)
        log.add(1, 1, 0, {1, 2}, 5, Feedback::kSkip, 1 * kDay + 40 + i);
    log.add(0, kNoTrack, 0, {}, 1, Feedback::kPlay, 2 * kDay);
    return log;
}

std::vector<float> scoresOf(const Scorer& scorer, const Query& query) {
    std::vector<float> out(size_t(scorer.size()));
    scorer.score(query, out.data());
    return out;
}

std::vector<int32_t> ranking(const Scorer& scorer, const Query& query, size_t k) {
    TopKRequest request;
    request.k = k;
    std::vector<int32_t> out;
    for (const ScoredTrack& item : recommend(scorer, query, request))
        out.push_back(item.track);
    return out;
}

// Appends one session of plays by `profile`, a second apart from `start`, each with the
// session's earlier plays as its history (most recent first).
void addSession(Interactions& log, int32_t profile, const std::vector<int32_t>& plays,
                int64_t start) {
    std::vector<int32_t> history;
    for (size_t i = 0; i < plays.size(); ++i) {
        log.add(profile, history.empty() ? kNoTrack : history.front(), 0, history, plays[i],
                Feedback::kPlay, start + int64_t(i));
        history.insert(history.begin(), plays[i]);
    }
}

Query query(int32_t profile, int32_t prev, std::vector<int32_t> history) {
    Query q;
    q.profile = profile;
    q.prev_track = prev;
    q.history = std::move(history);
    return q;
}

}  // namespace

class TestBaselines : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void popularCountsPlaysNotSkips() {
        const PopularScorer popular(smallLog(), kTracks);
        QCOMPARE(popular.name(), std::string("popular"));
        QCOMPARE(scoresOf(popular, query(0, kNoTrack, {})), (std::vector<float>{1, 2, 3, 0, 0, 0}));
        QCOMPARE(ranking(popular, query(1, 3, {3}), 3), (std::vector<int32_t>{2, 1, 0}));
    }

    void userPopularPrefersRecentOwnPlays() {
        // Half-life one day: profile 0's t1 (age 0) counts 1, t0 (age 2 days) counts 2^-2.
        const UserPopularScorer user(smallLog(), kTracks, 1.0);
        QCOMPARE(user.name(), std::string("user_popular"));
        const std::vector<float> s = scoresOf(user, query(0, kNoTrack, {}));
        const float backoff_t0 = kPopularityBackoff * 1 / 3;  // global plays / most plays
        const float backoff_t1 = kPopularityBackoff * 2 / 3;
        QVERIFY(std::abs(s[0] - (0.25f + backoff_t0)) < 1e-6f);
        QVERIFY(std::abs(s[1] - (1.0f + backoff_t1)) < 1e-6f);
        // Own plays first (even t0, played once long ago), then the global tie-break: t2.
        QCOMPARE(ranking(user, query(0, kNoTrack, {}), 3), (std::vector<int32_t>{1, 0, 2}));
        // A profile never seen gets the global order.
        QCOMPARE(ranking(user, query(7, kNoTrack, {}), 3), (std::vector<int32_t>{2, 1, 0}));
    }

    void cooccurrenceCountsTracksWithinTheWindow() {
        // Session 0 -> 1 -> 2, twice, plus 0 -> 3 once. Window 3: each play pairs with up to
        // three tracks before it in the session.
        Interactions log;
        log.history_length = 3;
        for (int s = 0; s < 2; ++s) {
            log.add(0, kNoTrack, 0, {}, 0, Feedback::kPlay, s);
            log.add(0, 0, 0, {0}, 1, Feedback::kPlay, s);
            log.add(0, 1, 0, {1, 0}, 2, Feedback::kPlay, s);
        }
        log.add(0, 0, 0, {0}, 3, Feedback::kPlay, 10);
        log.add(0, 0, 0, {0}, 4, Feedback::kSkip, 11);  // skips are not co-occurrences
        const CooccurrenceScorer co(log, kTracks);
        QCOMPARE(co.name(), std::string("cooccurrence"));
        QCOMPARE(co.count(0, 1), 2.0f);
        QCOMPARE(co.count(1, 2), 2.0f);
        QCOMPARE(co.count(0, 2), 2.0f);  // two apart, inside the window
        QCOMPARE(co.count(0, 3), 1.0f);
        QCOMPARE(co.count(0, 4), 0.0f);
        QCOMPARE(co.count(2, 0), 0.0f);  // order matters

        // After 1 (and 0 before it): t2 = 1 x count(1,2) + 0.5 x count(0,2) = 3;
        // t1 = 0.5 x count(0,1) = 1; t3 = 0.5 x count(0,3) = 0.5.
        const std::vector<float> s = scoresOf(co, query(0, 1, {1, 0}));
        const std::vector<float> backoff = PopularScorer::backoff(log, kTracks);
        QVERIFY(std::abs(s[2] - (3.0f + backoff[2])) < 1e-6f);
        QVERIFY(std::abs(s[1] - (1.0f + backoff[1])) < 1e-6f);
        QVERIFY(std::abs(s[3] - (0.5f + backoff[3])) < 1e-6f);
        QCOMPARE(ranking(co, query(0, 1, {1, 0}), 3), (std::vector<int32_t>{2, 1, 3}));

        const CooccurrenceScorer narrow(log, kTracks, 1);  // window 1: only the track just before
        QCOMPARE(narrow.count(0, 2), 0.0f);
        QCOMPARE(narrow.count(1, 2), 2.0f);
    }

    void contentPrefersSameArtistThenSameGenre() {
        const ContentScorer content(sixTracks(), smallLog());
        QCOMPARE(content.name(), std::string("content"));
        // After t0 (a0, g0): t1 same artist (+2); t2 and t4 share g0 (+1); t3 and t5 nothing.
        const std::vector<float> s = scoresOf(content, query(1, 0, {0}));
        const std::vector<float> backoff = PopularScorer::backoff(smallLog(), kTracks);
        QVERIFY(std::abs(s[1] - (2.0f + backoff[1])) < 1e-6f);
        QVERIFY(std::abs(s[2] - (1.0f + backoff[2])) < 1e-6f);
        QVERIFY(std::abs(s[4] - (1.0f + backoff[4])) < 1e-6f);
        QVERIFY(std::abs(s[3] - backoff[3]) < 1e-6f);
        TopKRequest request;
        request.k = 3;
        request.exclude = {0};
        std::vector<int32_t> got;
        for (const ScoredTrack& item : recommend(content, query(1, 0, {0}), request))
            got.push_back(item.track);
        QCOMPARE(got, (std::vector<int32_t>{1, 2, 4}));  // t2 before t4: more plays
    }

    void contentWithoutAnchorsUsesTheProfilesFavourites() {
        // Profile 1 played t2 most: with nothing playing, t2's artist-mate t3 comes first.
        const ContentScorer content(sixTracks(), smallLog());
        TopKRequest request;
        request.k = 1;
        request.exclude = {2};
        const auto best = recommend(content, query(1, kNoTrack, {}), request);
        QCOMPARE(best.front().track, 3);
    }

    void sequentialRulesWeighOneOverTheDistance() {
        // One session 0 -> 1 -> 2 and one 0 -> 2; a skip of 4 after 0 makes no rule.
        Interactions log;
        log.history_length = 3;
        addSession(log, 0, {0, 1, 2}, 0);
        log.add(1, kNoTrack, 0, {}, 0, Feedback::kPlay, 3);
        log.add(1, 0, 0, {0}, 4, Feedback::kSkip, 4);
        log.add(1, 4, 0, {0}, 2, Feedback::kPlay, 5);
        const SequentialRulesScorer sr(log, kTracks);
        QCOMPARE(sr.name(), std::string("sr"));
        QCOMPARE(sr.rule(0, 1), 1.0f);
        QCOMPARE(sr.rule(1, 2), 1.0f);
        QCOMPARE(sr.rule(0, 2), 1.5f);  // two apart once (1/2), right after once (1)
        QCOMPARE(sr.rule(0, 4), 0.0f);
        QCOMPARE(sr.rule(2, 0), 0.0f);  // order matters
        // Only the song played last counts: after 0 (with 1 earlier), 2 beats 1.
        QCOMPARE(ranking(sr, query(0, 0, {0, 1}), 2), (std::vector<int32_t>{2, 1}));
        // After a skip the last play is the anchor, not the skipped song.
        const std::vector<float> s = scoresOf(sr, query(0, 4, {1}));
        const std::vector<float> backoff = PopularScorer::backoff(log, kTracks);
        QVERIFY(std::abs(s[2] - (1.0f + backoff[2])) < 1e-6f);
        QVERIFY(std::abs(s[1] - backoff[1]) < 1e-6f);
    }

    void sessionKnnScoresTheSongsOfSimilarSessions() {
        // Sessions (profile 0): {0,1,2} and {0,3}; profile 1: {4,5}. A new session of 1 then 0
        // shares two songs with the first (weights 1 for 0, 1/2 for 1) and one with the second.
        Interactions log;
        log.history_length = 3;
        addSession(log, 0, {0, 1, 2}, 0);
        addSession(log, 0, {0, 3}, 100);
        addSession(log, 1, {4, 5}, 50);
        const SessionKnnScorer knn(log, kTracks);
        QCOMPARE(knn.name(), std::string("vsknn"));
        QCOMPARE(knn.sessionCount(), size_t(3));
        const std::vector<float> s = scoresOf(knn, query(0, 0, {0, 1}));
        const std::vector<float> backoff = PopularScorer::backoff(log, kTracks);
        // sim(first) = (1 + 1/2) / 2, sim(second) = 1 / 2; a song scores its sessions' sims.
        QVERIFY(std::abs(s[2] - (0.75f + backoff[2])) < 1e-6f);
        QVERIFY(std::abs(s[3] - (0.5f + backoff[3])) < 1e-6f);
        QVERIFY(std::abs(s[0] - (1.25f + backoff[0])) < 1e-6f);
        QVERIFY(std::abs(s[4] - backoff[4]) < 1e-6f);  // no shared song: no neighbour
        QCOMPARE(ranking(knn, query(0, 0, {0, 1}), 3), (std::vector<int32_t>{0, 1, 2}));

        // One neighbour only: the most similar session, and 3 gets nothing from the second.
        const SessionKnnScorer nearest(log, kTracks, 1);
        const std::vector<float> one = scoresOf(nearest, query(0, 0, {0, 1}));
        QVERIFY(std::abs(one[3] - backoff[3]) < 1e-6f);
        QVERIFY(std::abs(one[2] - (0.75f + backoff[2])) < 1e-6f);

        // A sample of one: only the most recent session sharing a song (the second) is a
        // candidate, so 2 (first session only) gets nothing.
        const SessionKnnScorer recent(log, kTracks, 100, 1);
        const std::vector<float> r = scoresOf(recent, query(0, 0, {0, 1}));
        QVERIFY(std::abs(r[2] - backoff[2]) < 1e-6f);
        QVERIFY(std::abs(r[3] - (0.5f + backoff[3])) < 1e-6f);
    }
};

QTEST_GUILESS_MAIN(TestBaselines)
#include "tst_baselines.moc"
