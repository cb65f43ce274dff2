// Snapshot and vocabularies: a real SQLite log (plays through PlayLog) read by SnapshotReader
// and turned into the torch core's arrays by TrainingData.

#include "recofixture.h"

#include "reco/core/popularity.h"
#include "reco/feedbackstore.h"
#include "reco/snapshotreader.h"
#include "reco/trainingdata.h"

#include <QtTest>

using namespace encore;
using encore::test::FixtureTrack;
using encore::test::RecoFixture;

namespace {

constexpr qint64 kMonday = 1700438400;  // 2023-11-20 00:00 UTC, a Monday
constexpr qint64 kSong = RecoFixture::kSongSeconds;

TrainingData build(RecoFixture& f, RecoVocabulary& vocabulary) {
    Result<LogSnapshot> snapshot = SnapshotReader(f.db()).read();
    if (!snapshot)
        qFatal("snapshot: %s", qPrintable(snapshot.error()));
    std::optional<TrainingData> data = TrainingData::build(snapshot.value(), vocabulary);
    if (!data)
        qFatal("build was cancelled");
    return std::move(*data);
}

}  // namespace

class TestRecoSnapshot : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void logBecomesExamples() {
        RecoFixture f;
        const QList<TrackId> t = f.addTracks({{"Ann", "Alpha", {"Jazz"}},
                                              {"Ann", "Beta", {"Jazz", "Soul"}},
                                              {"Bob", "Gamma", {"Rock"}},
                                              {"Bob", "Delta"},
                                              {"Cy", "Gone With Plays", {}, false},
                                              {"Cy", "Gone Without Plays", {}, false}});
        const ProfileId p = f.activeProfile();
        const int offset = 120;  // UTC+2: local time is two hours later
        f.addPlays({RecoFixture::play(p, t[0], kMonday, true, offset),
                    RecoFixture::play(p, t[1], kMonday + kSong, false, offset),  // a skip
                    RecoFixture::play(p, t[2], kMonday + 2 * kSong, true, offset),
                    RecoFixture::play(p, t[4], kMonday + 3 * kSong, true, offset),
                    // two hours later: a new session
                    RecoFixture::play(p, t[3], kMonday + 3 * kSong + 7200, true, offset)});

        RecoVocabulary vocabulary;
        const TrainingData d = build(f, vocabulary);
        // Every track with plays or a playable file; not the unplayable one without plays.
        QCOMPARE(d.catalog.size(), 5);
        QCOMPARE(vocabulary.trackIndex(t[5]), RecoVocabulary::kMissing);
        QVERIFY(!d.tracks[vocabulary.trackIndex(t[4])].playable);
        QVERIFY(d.tracks[vocabulary.trackIndex(t[0])].playable);
        QCOMPARE(d.tracks[vocabulary.trackIndex(t[1])].genres, QStringList({"Jazz", "Soul"}));
        QCOMPARE(d.catalog.num_artists, 3);
        QCOMPARE(d.catalog.num_genres, 3);  // jazz, soul, rock

        QCOMPARE(d.log.size(), size_t(5));
        QCOMPARE(d.plays, qint64(4));
        const int32_t a = vocabulary.trackIndex(t[0]), b = vocabulary.trackIndex(t[1]),
                      c = vocabulary.trackIndex(t[2]), gone = vocabulary.trackIndex(t[4]),
                      dd = vocabulary.trackIndex(t[3]);
        QCOMPARE(d.log.target, std::vector<int32_t>({a, b, c, gone, dd}));
        QCOMPARE(d.log.feedback[1], reco::Feedback::kSkip);
        // The previous listen (a skip too), and the session's plays only, newest first.
        QCOMPARE(d.log.prev_track, std::vector<int32_t>({reco::kNoTrack, a, b, c, reco::kNoTrack}));
        const int32_t n = d.log.history_length;
        QCOMPARE(d.log.history[2 * n], a);
        QCOMPARE(d.log.history[2 * n + 1], reco::kNoTrack);
        QCOMPARE(d.log.history[3 * n], c);
        QCOMPARE(d.log.history[3 * n + 1], a);
        QCOMPARE(d.log.history[4 * n], reco::kNoTrack);
        // Monday 00:00 UTC is Monday 02:00 local.
        QCOMPARE(d.log.hour_of_week[0], 2);
        QCOMPARE(d.log.hour_of_week[4], 4);
    }

    void hourOfWeekIsLocal_data() {
        QTest::addColumn<qint64>("utc");
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("hour");
        QTest::newRow("epoch was a Thursday") << qint64(0) << 0 << 72;
        QTest::newRow("Monday 00:00 UTC") << kMonday << 0 << 0;
        QTest::newRow("Monday 18:30 UTC+1") << kMonday + 18 * 3600 + 1800 << 60 << 19;
        QTest::newRow("Monday 00:30 UTC is Sunday 23:30 at UTC-1") << kMonday + 1800 << -60 << 167;
        QTest::newRow("before 1970") << qint64(-3600) << 0 << 71;
        QTest::newRow("half-hour zone") << kMonday + 3600 << 330 << 6;
    }

    void hourOfWeekIsLocal() {
        QFETCH(qint64, utc);
        QFETCH(int, offset);
        QFETCH(int, hour);
        QCOMPARE(hourOfWeek(utc, offset), hour);
    }

    void titleTokensAreFoldedWords() {
        QCOMPARE(titleTokens(QStringLiteral("Éclair de LUNE (Live) - a Live")),
                 QStringList({"eclair", "de", "lune", "live"}));
        QVERIFY(titleTokens(QString()).isEmpty());
    }

    void notForMeIsAnExplicitNegative() {
        RecoFixture f;
        const QList<TrackId> t = f.addTracks({{"Ann", "Alpha"}, {"Bob", "Beta"}});
        const ProfileId p = f.activeProfile();
        f.addPlays({RecoFixture::play(p, t[0], kMonday)});
        QVERIFY(FeedbackStore(f.db()).markNotForMe(0, t[1], kMonday + 3600, 60, t[0]));
        QVERIFY(FeedbackStore(f.db()).markNotForMe(0, t[1], kMonday + 7200, 60, 0));  // kept once
        QCOMPARE(FeedbackStore(f.db()).notForMe(p).value(), QList<TrackId>({t[1]}));

        RecoVocabulary vocabulary;
        const TrainingData d = build(f, vocabulary);
        QCOMPARE(d.log.size(), size_t(2));
        QCOMPARE(d.log.target[1], vocabulary.trackIndex(t[1]));
        QCOMPARE(d.log.feedback[1], reco::Feedback::kSkip);
        QCOMPARE(d.log.prev_track[1], vocabulary.trackIndex(t[0]));
        QCOMPARE(d.log.weight[1], TrainingData::kNotForMeWeight);
        QCOMPARE(d.log.hour_of_week[1], 2);  // Monday 01:00 UTC, UTC+1
        QCOMPARE(d.plays, qint64(1));

        QVERIFY(FeedbackStore(f.db()).clearNotForMe(0, t[1]));
        QVERIFY(FeedbackStore(f.db()).notForMe(p).value().isEmpty());
    }

    void vocabularyOnlyGrows() {
        RecoFixture f;
        const QList<TrackId> first = f.addTracks({{"Ann", "Alpha", {"Jazz"}}, {"Bob", "Beta"}});
        const ProfileId p = f.activeProfile();
        f.addPlays({RecoFixture::play(p, first[1], kMonday)});
        RecoVocabulary vocabulary;
        const TrainingData before = build(f, vocabulary);
        const int32_t alpha = vocabulary.trackIndex(first[0]);
        const int32_t beta = vocabulary.trackIndex(first[1]);
        const int32_t bob = vocabulary.artistIndex(QStringLiteral("bob"));
        QVERIFY(bob >= 0);

        const QList<TrackId> more = f.addTracks({{"Cy", "Gamma", {"Rock"}}, {"Bob", "Delta"}});
        const ProfileId q = f.profile(QStringLiteral("guest"));
        f.addPlays({RecoFixture::play(q, more[0], kMonday + 100)});
        const QByteArray saved = vocabulary.serialize();
        Result<RecoVocabulary> restored = RecoVocabulary::deserialize(saved);
        QVERIFY2(restored.ok(), qPrintable(restored.error()));
        RecoVocabulary grown = restored.value();
        const TrainingData after = build(f, grown);
        QCOMPARE(grown.trackIndex(first[0]), alpha);
        QCOMPARE(grown.trackIndex(first[1]), beta);
        QCOMPARE(grown.artistIndex(QStringLiteral("bob")), bob);
        QCOMPARE(grown.trackIndex(more[0]), before.catalog.size());
        QCOMPARE(grown.trackIndex(more[1]), before.catalog.size() + 1);
        QCOMPARE(after.catalog.size(), before.catalog.size() + 2);
        QCOMPARE(after.catalog.artist[grown.trackIndex(more[1])], bob);
        QCOMPARE(after.num_profiles, before.num_profiles + 1);
    }

    void damagedVocabularyIsRefused_data() {
        QTest::addColumn<int>("cut");
        QTest::newRow("truncated") << 7;
        QTest::newRow("header only") << -1;
    }

    void damagedVocabularyIsRefused() {
        QFETCH(int, cut);
        RecoVocabulary v;
        v.addTrack(11);
        v.addArtist(QStringLiteral("ann"));
        QByteArray bytes = v.serialize();
        bytes = cut > 0 ? bytes.left(bytes.size() - cut) : bytes.left(8) + QByteArray(3, 'x');
        const Result<RecoVocabulary> r = RecoVocabulary::deserialize(bytes);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QStringLiteral("vocabulary")), qPrintable(r.error()));
    }

    // A count the bytes cannot hold is refused before anything is reserved. QDataStream's own
    // reading reserves the claimed count first: release Qt shrugs off the failed allocation,
    // but under AddressSanitizer (scripts/test-sanitized, bench/fuzz) it ends the process, as
    // fuzzing the checkpoint loader found (44 GB).
    void aVocabularyCountPastItsBytesIsRefused() {
        RecoVocabulary v;
        v.addArtist(QStringLiteral("ann"));
        QByteArray bytes = v.serialize();
        // magic, version, no track ids, no profile ids, then the artists' count: 4.29e9 strings,
        // 103 GB of QString, more than this machine's memory and swap
        QDataStream patch(&bytes, QIODevice::ReadWrite);
        patch.setVersion(QDataStream::Qt_6_4);
        patch.device()->seek(16);
        patch << quint32(0xfff00000u);
        const Result<RecoVocabulary> r = RecoVocabulary::deserialize(bytes);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QStringLiteral("truncated")), qPrintable(r.error()));
    }

    void popularityComesFromTheTrainingPartOnly() {
        RecoFixture f;
        const QList<TrackId> t = f.addTracks({{"Ann", "Old"}, {"Bob", "New"}});
        const ProfileId p = f.activeProfile();
        QList<Play> plays;
        for (int i = 0; i < 8; ++i)
            plays << RecoFixture::play(p, t[0], kMonday + i * kSong);
        plays << RecoFixture::play(p, t[1], kMonday + 9 * kSong);
        f.addPlays(plays);
        RecoVocabulary vocabulary;
        TrainingData d = build(f, vocabulary);
        std::vector<size_t> older(8);
        std::iota(older.begin(), older.end(), 0);
        d.assignPopularity(d.log.subset(older));
        QCOMPARE(d.catalog.popularity_bucket[vocabulary.trackIndex(t[0])],
                 reco::popularityBucket(8, 16));
        QCOMPARE(d.catalog.popularity_bucket[vocabulary.trackIndex(t[1])], 0);
    }

    void cancelledBuildStops() {
        RecoFixture f;
        const QList<TrackId> t = f.addTracks({{"Ann", "Alpha"}});
        f.addPlays({RecoFixture::play(f.activeProfile(), t[0], kMonday)});
        const std::atomic<bool> cancel{true};
        QCOMPARE(SnapshotReader(f.db()).read(&cancel).ok(), true);  // small: no check reached
        RecoVocabulary vocabulary;
        const Result<LogSnapshot> snapshot = SnapshotReader(f.db()).read();
        QVERIFY(!TrainingData::build(snapshot.value(), vocabulary, &cancel).has_value());
    }
};

QTEST_GUILESS_MAIN(TestRecoSnapshot)
#include "tst_recosnapshot.moc"
