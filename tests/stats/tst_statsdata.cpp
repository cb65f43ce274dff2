// StatsDataLoader: the log in memory follows the database with as little reading as it can:
// nothing when nothing changed, new rows only after inserts, everything after removals or
// moves, the tracks again when a listen names a track it does not know.
#include "statsfixture.h"

#include "stats/load/statsdataloader.h"
#include "stats/math/localtime.h"

#include <QtTest>

using namespace encore;
using namespace encore::stats;
using encore::test::utc;

class TestStatsData : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TempDatabase> temp_;
    std::unique_ptr<ScopedConnection> reader_;
    std::unique_ptr<ScopedConnection> writer_;
    std::unique_ptr<test::StatsFixture> fixture_;
    std::unique_ptr<StatsDataLoader> loader_;
    qint64 profile_ = 0;
    qint64 rock_ = 0;
    qint64 plain_ = 0;

    Status refresh(StatsDataLoader::Scope scope = StatsDataLoader::Scope::Plays) {
        return loader_->refresh(reader_->db(), scope);
    }
    qint64 play(qint64 track, qint64 at) {
        return fixture_->play({profile_, track, at, 0, QStringLiteral("finished"), 1000});
    }

private Q_SLOTS:
    void init() {
        temp_ = std::make_unique<test::TempDatabase>();
        // Writes come from another connection, as in the app: the reader's PRAGMA
        // data_version only moves for other connections' commits.
        reader_ = std::make_unique<ScopedConnection>(temp_->database, QStringLiteral("reader"));
        writer_ = std::make_unique<ScopedConnection>(temp_->database, QStringLiteral("writer"));
        fixture_ = std::make_unique<test::StatsFixture>(writer_->db());
        profile_ = fixture_->profile(QStringLiteral("P"));
        rock_ = fixture_->track({QStringLiteral("R"),
                                 QStringLiteral("Ann"),
                                 QStringLiteral("X"),
                                 {QStringLiteral("Rock")}});
        plain_ = fixture_->track({QStringLiteral("P"), QStringLiteral("Bob"), QString(), {}});
        play(rock_, utc(2024, 1, 1, 10));
        play(plain_, utc(2024, 1, 1, 11));
        loader_ = std::make_unique<StatsDataLoader>(temp_->database);
        QVERIFY(refresh().ok());
    }

    void cleanup() {
        loader_.reset();
        fixture_.reset();
        writer_.reset();
        reader_.reset();
        temp_.reset();
    }

    void firstRefreshReadsEverything() {
        const LoadReport& r = loader_->lastReport();
        QVERIFY(r.full_reload);
        QVERIFY(r.catalogue_reloaded);
        QCOMPARE(r.listens_read, qint64(2));
        const StatsData& d = loader_->data();
        QCOMPARE(d.catalogue.size(), std::size_t{2});
        QCOMPARE(d.plays.size(), std::size_t{2});
        QCOMPARE(d.plays.track[0], d.catalogue.indexOf(rock_));
        QCOMPARE(d.catalogue.genre_names.value(*d.catalogue.firstGenre(d.plays.track[0])),
                 QStringLiteral("Rock"));
        QCOMPARE(*d.catalogue.firstGenre(d.plays.track[1]), d.catalogue.noGenre());
        QCOMPARE(d.catalogue.title(std::size_t(d.catalogue.indexOf(plain_))), QStringLiteral("P"));
        QCOMPARE(d.profileName(profile_), QStringLiteral("P"));
    }

    void nothingWrittenReadsNothing() {
        QVERIFY(refresh().ok());
        QVERIFY(loader_->lastReport().unchanged);
        QCOMPARE(loader_->lastReport().listens_read, qint64(0));
    }

    void newListensAreReadAlone() {
        play(rock_, utc(2024, 1, 2, 10));
        play(rock_, utc(2024, 1, 3, 10));
        QVERIFY(refresh().ok());
        const LoadReport& r = loader_->lastReport();
        QVERIFY(!r.unchanged);
        QVERIFY(!r.full_reload);
        QVERIFY(!r.catalogue_reloaded);
        QCOMPARE(r.listens_read, qint64(2));
        QCOMPARE(loader_->data().plays.size(), std::size_t{4});
    }

    void removedListensForceAFullReload() {
        fixture_->exec(QStringLiteral("DELETE FROM plays WHERE track_id = %1").arg(plain_));
        QVERIFY(refresh().ok());
        QVERIFY(loader_->lastReport().full_reload);
        QCOMPARE(loader_->data().plays.size(), std::size_t{1});
    }

    void movedListensForceAFullReload() {
        // Linking an external track to a file moves its listens: same count, other track.
        fixture_->exec(QStringLiteral("UPDATE plays SET track_id = %1 WHERE track_id = %2")
                           .arg(rock_)
                           .arg(plain_));
        QVERIFY(refresh().ok());
        QVERIFY(loader_->lastReport().full_reload);
        const StatsData& d = loader_->data();
        QCOMPARE(d.plays.track[1], d.catalogue.indexOf(rock_));
    }

    void listensOfNewTracksRereadTheTracks() {
        test::FixtureTrack external{QStringLiteral("E"), QStringLiteral("Eve"), QString(), {}};
        external.library = false;
        const qint64 id = fixture_->track(external);
        play(id, utc(2024, 1, 5, 10));
        QVERIFY(refresh().ok());
        const LoadReport& r = loader_->lastReport();
        QVERIFY(!r.full_reload);
        QVERIFY(r.catalogue_reloaded);
        QCOMPARE(r.unknown_tracks, qint64(0));
        const StatsData& d = loader_->data();
        QCOMPARE(d.plays.track.back(), d.catalogue.indexOf(id));
        QVERIFY(!d.catalogue.in_library[std::size_t(d.catalogue.indexOf(id))]);
    }

    void libraryChangesNeedScopeEverything() {
        QSqlQuery q(writer_->db());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO genres(name) VALUES ('Jazz')")));
        const qint64 jazz = q.lastInsertId().toLongLong();
        fixture_->exec(QStringLiteral("INSERT INTO track_genres(track_id, genre_id, position) "
                                      "VALUES (%1, %2, 0)")
                           .arg(plain_)
                           .arg(jazz));
        QVERIFY(refresh().ok());
        const StatsData& before = loader_->data();
        QCOMPARE(*before.catalogue.firstGenre(std::size_t(before.catalogue.indexOf(plain_))),
                 before.catalogue.noGenre());
        QVERIFY(refresh(StatsDataLoader::Scope::Everything).ok());
        QVERIFY(loader_->lastReport().catalogue_reloaded);
        const StatsData& after = loader_->data();
        QCOMPARE(after.catalogue.genre_names.value(
                     *after.catalogue.firstGenre(std::size_t(after.catalogue.indexOf(plain_)))),
                 QStringLiteral("Jazz"));
    }

    void localDayAndHourUseTheStoredOffset() {
        fixture_->play(
            {profile_, rock_, utc(2024, 1, 6, 23, 30), 90, QStringLiteral("skipped"), 7000});
        QVERIFY(refresh().ok());
        const PlayColumns& p = loader_->data().plays;
        const std::size_t last = p.size() - 1;
        QCOMPARE(p.local_day[last], std::int32_t(daysFromCivil(2024, 1, 7)));  // 01:00 next day
        QCOMPARE(int(p.hour[last]), 1);
        QVERIFY(p.skipped(last));
        QVERIFY(!p.counted(last));
        QCOMPARE(p.ms_played[last], 7000);
        QCOMPARE(int(p.offset_minutes[last]), 90);
    }

    void cancelledRefreshLeavesNothingHalfDone() {
        play(rock_, utc(2024, 1, 8, 10));
        fixture_->exec(QStringLiteral("DELETE FROM plays WHERE track_id = %1").arg(plain_));
        std::atomic<bool> cancel{true};
        QVERIFY(!loader_->refresh(reader_->db(), StatsDataLoader::Scope::Plays, &cancel).ok());
        QVERIFY(!loader_->loaded());
        QVERIFY(refresh().ok());
        QVERIFY(loader_->lastReport().full_reload);
        QCOMPARE(loader_->data().plays.size(), std::size_t{2});
    }
};

QTEST_GUILESS_MAIN(TestStatsData)
#include "tst_statsdata.moc"
