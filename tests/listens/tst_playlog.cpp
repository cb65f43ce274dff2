// The listening log's schema (2): plays, derived stats kept in step, sessions, dedupe,
// forgetting, indexes, profiles, and the upgrade of a schema-1 database.
#include "listens/externaltracklinker.h"
#include "listenstestsupport.h"
#include "store/playlog.h"
#include "store/profilestore.h"
#include "testsupport.h"

#include <QtTest>

using namespace encore;

namespace {

constexpr qint64 kT0 = 1'700'000'000;  // unix seconds
constexpr qint64 kMinute = 60;

Play listen(TrackId track, qint64 startedAt, qint64 msPlayed, EndReason reason, bool counted) {
    Play p;
    p.track_id = track;
    p.started_at = startedAt;
    p.ms_played = msPlayed;
    p.duration_ms = 200'000;
    p.end_reason = reason;
    p.counted = counted;
    return p;
}

Play play(TrackId track, qint64 startedAt) {
    return listen(track, startedAt, 200'000, EndReason::Finished, true);
}

}  // namespace

class TestPlayLog : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TempDatabase> temp_;
    std::unique_ptr<ScopedConnection> connection_;
    QList<TrackId> tracks_;
    ProfileId profile_ = 0;

    QSqlDatabase db() { return connection_->db(); }

private Q_SLOTS:
    void init() {
        temp_ = std::make_unique<test::TempDatabase>();
        connection_ = std::make_unique<ScopedConnection>(temp_->database, QStringLiteral("log"));
        tracks_ = test::addLibrarySongs(db(), {{QStringLiteral("A"), QStringLiteral("One")},
                                               {QStringLiteral("A"), QStringLiteral("Two")},
                                               {QStringLiteral("B"), QStringLiteral("Three")}});
        profile_ = ProfileStore(db()).active()->id;
    }
    void cleanup() {
        connection_.reset();
        temp_.reset();
    }

    void defaultProfileExistsAndIsActive() {
        const QList<Profile> profiles = ProfileStore(db()).profiles().value();
        QCOMPARE(profiles.size(), 1);
        QCOMPARE(profiles[0].name, QStringLiteral("default"));
        QVERIFY(profiles[0].active);
    }

    void appendFillsEveryField() {
        PlayLog log(db());
        Play p = listen(tracks_[0], kT0, 123'456, EndReason::Stopped, true);
        p.utc_offset_minutes = -300;
        p.shuffle = true;
        const Result<qint64> id = log.append(p);
        QVERIFY2(id.ok(), qPrintable(id.error()));
        QVERIFY(id.value() > 0);
        const QList<PlayRecord> rows = log.plays(PlayQuery{}).value();
        QCOMPARE(rows.size(), 1);
        const Play& got = rows[0].play;
        QCOMPARE(got.profile_id, profile_);
        QCOMPARE(got.track_id, tracks_[0]);
        QCOMPARE(got.started_at, kT0);
        QCOMPARE(got.utc_offset_minutes, -300);
        QCOMPARE(got.ms_played, 123'456);
        QCOMPARE(got.duration_ms, 200'000);
        QCOMPARE(got.end_reason, EndReason::Stopped);
        QVERIFY(got.counted);
        QCOMPARE(got.import_id, 0);  // local
        QCOMPARE(got.shuffle, std::optional<bool>(true));
        QCOMPARE(got.session_id, kT0);
        QCOMPARE(rows[0].artist, QStringLiteral("A"));
        QVERIFY(rows[0].has_file);
    }

    void sameListenTwiceIsADuplicate() {
        PlayLog log(db());
        QVERIFY(log.append(play(tracks_[0], kT0)).value() > 0);
        QCOMPARE(log.append(play(tracks_[0], kT0)).value(), 0);
        QVERIFY(log.append(play(tracks_[1], kT0)).value() > 0);  // another track: not a duplicate
        QCOMPARE(log.count(PlayQuery{}).value(), 2);
    }

    void skipAndPlayTogetherIsRefused() {
        // The CHECK constraint stands behind the rules: never both.
        PlayLog log(db());
        const Result<qint64> bad =
            log.append(listen(tracks_[0], kT0, 1000, EndReason::Skipped, true));
        QVERIFY(!bad.ok());
        QCOMPARE(log.count(PlayQuery{}).value(), 0);
    }

    void statsFollowEveryChange() {
        PlayLog log(db());
        QVERIFY(log.append(play(tracks_[0], kT0)).ok());
        QVERIFY(
            log.append(listen(tracks_[0], kT0 + 10 * kMinute, 12'000, EndReason::Skipped, false))
                .ok());
        QVERIFY(log.append(play(tracks_[0], kT0 + 20 * kMinute)).ok());
        QVERIFY(log.append(listen(tracks_[1], kT0 + 30 * kMinute, 2'000, EndReason::Stopped, false))
                    .ok());
        TrackStats s = log.stats(profile_, tracks_[0]).value().value();
        QCOMPARE(s.listen_count, 3);
        QCOMPARE(s.play_count, 2);
        QCOMPARE(s.skip_count, 1);
        QCOMPARE(s.ms_played, 412'000);
        QCOMPARE(s.first_played_at, std::optional<qint64>(kT0));
        QCOMPARE(s.last_played_at, std::optional<qint64>(kT0 + 20 * kMinute));
        QCOMPARE(s.last_listened_at, kT0 + 20 * kMinute);
        const TrackStats two = log.stats(profile_, tracks_[1]).value().value();
        QCOMPARE(two.play_count, 0);
        QVERIFY(!two.first_played_at);  // never a play, only a short listen
        QCOMPARE(test::statsMismatch(db()), QString());

        // Forgetting the last play moves last_played back; forgetting all clears the row.
        ForgetQuery forget;
        forget.profile_id = profile_;
        forget.since = kT0 + 15 * kMinute;
        forget.until = kT0 + 25 * kMinute;
        QCOMPARE(log.forget(forget).value(), 1);
        s = log.stats(profile_, tracks_[0]).value().value();
        QCOMPARE(s.play_count, 1);
        QCOMPARE(s.last_played_at, std::optional<qint64>(kT0));
        QCOMPARE(s.last_listened_at, kT0 + 10 * kMinute);
        QCOMPARE(test::statsMismatch(db()), QString());
        ForgetQuery byTrack;
        byTrack.profile_id = profile_;
        byTrack.track_id = tracks_[0];
        QCOMPARE(log.forget(byTrack).value(), 2);
        QVERIFY(!log.stats(profile_, tracks_[0]).value().has_value());
        QCOMPARE(test::statsMismatch(db()), QString());
    }

    void statsStayExactUnderRandomChanges() {
        PlayLog log(db());
        ProfileStore profiles(db());
        const ProfileId other = profiles.add(QStringLiteral("other")).value().id;
        std::mt19937 rng(7);
        for (int i = 0; i < 400; ++i) {
            Play p = (rng() % 3 == 0) ? listen(tracks_[rng() % 3], kT0 + (rng() % 200) * kMinute,
                                               rng() % 90'000, EndReason::Skipped, false)
                                      : play(tracks_[rng() % 3], kT0 + (rng() % 200) * kMinute);
            p.profile_id = (rng() % 2) ? profile_ : other;
            QVERIFY(log.append(p).ok());
            if (i % 50 == 49) {
                ForgetQuery f;
                f.profile_id = (rng() % 2) ? profile_ : other;
                f.since = kT0 + (rng() % 200) * kMinute;
                f.until = *f.since + 20 * kMinute;
                QVERIFY(log.forget(f).ok());
                QCOMPARE(test::statsMismatch(db()), QString());
            }
        }
        QVERIFY(test::scalar(db(), QStringLiteral("SELECT count(*) FROM plays")) > 100);
        QCOMPARE(test::statsMismatch(db()), QString());
    }

    void sessionsFollowTheThirtyMinuteRule() {
        PlayLog log(db());
        // Each listen is heard for 200 s. Gaps are measured from the end of playback.
        const qint64 a = kT0;
        const qint64 b = a + 200 + 30 * kMinute;      // exactly 30 min after A ended: same
        const qint64 c = b + 200 + 30 * kMinute + 1;  // 30 min 1 s: a new session
        for (qint64 at : {c, a, b})                   // out of order, as imports arrive
            QVERIFY(log.append(play(tracks_[at == b ? 1 : 0], at)).ok());
        PlayQuery q;
        q.newest_first = false;
        QList<PlayRecord> rows = log.plays(q).value();
        QCOMPARE(rows[0].play.session_id, a);
        QCOMPARE(rows[1].play.session_id, a);
        QCOMPARE(rows[1].play.previous_track_id, tracks_[0]);
        QCOMPARE(rows[2].play.session_id, c);
        QCOMPARE(rows[2].play.previous_track_id, TrackId(0));

        // A listen filling the gap joins the sessions; forgetting it splits them again.
        const qint64 bridge = b + 200 + 15 * kMinute;
        QVERIFY(log.append(play(tracks_[2], bridge)).ok());
        rows = log.plays(q).value();
        QCOMPARE(rows[3].play.session_id, a);
        QCOMPARE(rows[3].play.previous_track_id, tracks_[2]);
        ForgetQuery f;
        f.profile_id = profile_;
        f.track_id = tracks_[2];
        QCOMPARE(log.forget(f).value(), 1);
        rows = log.plays(q).value();
        QCOMPARE(rows[2].play.session_id, c);
        QCOMPARE(rows[2].play.previous_track_id, TrackId(0));
    }

    void forgetEverythingOfOneProfileOnly() {
        PlayLog log(db());
        ProfileStore profiles(db());
        const ProfileId other = profiles.add(QStringLiteral("Other")).value().id;
        for (int i = 0; i < 10; ++i) {
            Play p = play(tracks_[i % 3], kT0 + i * 10 * kMinute);
            QVERIFY(log.append(p).ok());
            p.profile_id = other;
            QVERIFY(log.append(p).ok());
        }
        ForgetQuery all;
        all.profile_id = profile_;
        all.everything = true;
        QCOMPARE(log.forget(all).value(), 10);
        PlayQuery mine;
        mine.profile_id = profile_;
        QCOMPARE(log.count(mine).value(), 0);
        PlayQuery theirs;
        theirs.profile_id = other;
        QCOMPARE(log.count(theirs).value(), 10);
        QCOMPARE(test::scalar(db(), QStringLiteral("SELECT count(*) FROM track_stats WHERE "
                                                   "profile_id = %1")
                                        .arg(profile_)),
                 0);
        QCOMPARE(test::statsMismatch(db()), QString());
        ForgetQuery vague;
        vague.profile_id = profile_;
        QVERIFY(!log.forget(vague).ok());  // nothing said: nothing done
    }

    void queriesUseTheIndexes_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("index");
        QTest::newRow("recent plays")
            << "SELECT * FROM plays WHERE profile_id = 1 ORDER BY started_at DESC LIMIT 50"
            << "plays_by_profile_time";
        QTest::newRow("plays of a track") << "SELECT * FROM plays WHERE track_id = 1"
                                          << "plays_by_track";
        QTest::newRow("plays in a time range")
            << "SELECT * FROM plays WHERE profile_id = 1 AND started_at >= 0 AND started_at < 9"
            << "plays_by_profile_time";
        QTest::newRow("a time range over every profile")
            << "SELECT * FROM plays WHERE profile_id IN (SELECT id FROM profiles) AND "
               "started_at >= 0 AND started_at < 9"
            << "plays_by_profile_time";
        QTest::newRow("a track's stats") << "SELECT * FROM track_stats WHERE profile_id = 1 AND "
                                            "track_id = 2"
                                         << "PRIMARY KEY";
    }
    void queriesUseTheIndexes() {
        QFETCH(QString, sql);
        QFETCH(QString, index);
        QSqlQuery q(db());
        QVERIFY(q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql));
        QString plan;
        while (q.next())
            plan += q.value(3).toString() + QLatin1Char('\n');
        QVERIFY2(plan.contains(index), qPrintable(plan));
        QVERIFY2(!plan.contains(QLatin1String("SCAN plays")), qPrintable(plan));
        QVERIFY2(!plan.contains(QLatin1String("TEMP B-TREE")), qPrintable(plan));
    }

    void profilesAddUseRemove() {
        ProfileStore store(db());
        PlayLog log(db());
        QVERIFY(store.add(QStringLiteral("Alice")).ok());
        QVERIFY(!store.add(QStringLiteral("alice")).ok());  // names are case-insensitive
        QVERIFY(!store.add(QStringLiteral("  ")).ok());
        QVERIFY(!store.add(QString(70, QLatin1Char('x'))).ok());
        QVERIFY(store.setActive(QStringLiteral("alice")).ok());
        QCOMPARE(store.active()->name, QStringLiteral("Alice"));
        QVERIFY(log.append(play(tracks_[0], kT0)).ok());  // goes to the active profile
        QCOMPARE(store.find(QStringLiteral("Alice"))->listens, 1);
        const Status refused = store.remove(QStringLiteral("Alice"));
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().contains(QStringLiteral("active")));
        QVERIFY(store.setActive(QStringLiteral("default")).ok());
        QVERIFY(store.remove(QStringLiteral("Alice")).ok());
        QCOMPARE(test::scalar(db(), QStringLiteral("SELECT count(*) FROM plays")), 0);
        QCOMPARE(test::scalar(db(), QStringLiteral("SELECT count(*) FROM track_stats")), 0);
        const Result<Profile> missing = store.find(QStringLiteral("Bob"));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().contains(QStringLiteral("default")));  // lists the known ones
        QCOMPARE(test::scalar(db(), QStringLiteral("SELECT count(*) FROM profiles WHERE "
                                                   "is_active = 1")),
                 1);
    }

    void upgradeFromSchemaOneKeepsTheLibraryAndKeysIt() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(ENCORE_TEST_DATA "/schema-1.sqlite"), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        Database database(path);
        QVERIFY(database.migrate().ok());
        ScopedConnection connection(database, QStringLiteral("old"));
        QSqlDatabase old = connection.db();
        QCOMPARE(test::scalar(old, QStringLiteral("SELECT count(*) FROM profiles WHERE "
                                                  "is_active = 1 AND name = 'default'")),
                 1);
        QCOMPARE(test::scalar(old, QStringLiteral("SELECT count(*) FROM tracks WHERE "
                                                  "match_key = ''")),
                 2);
        const Result<LinkReport> linked = ExternalTrackLinker(old).run();
        QVERIFY2(linked.ok(), qPrintable(linked.error()));
        QCOMPARE(linked->keys_filled, 2);
        QSqlQuery q(old);
        QVERIFY(q.exec(QStringLiteral("SELECT match_key FROM tracks WHERE id = 1")));
        QVERIFY(q.next());
        QVERIFY2(q.value(0).toString().endsWith(QLatin1String("\tso what")),
                 qPrintable(q.value(0).toString()));
    }
};

QTEST_GUILESS_MAIN(TestPlayLog)
#include "tst_playlog.moc"
