// The database writer of the listening log on its own thread, driven through the Engine on a
// real SQLite file: listens, the shared incognito switch (also flipped by encore-cli), imports
// with progress, cancel and report, deletion by range, profiles, and the paged reads.

#include "clirunner.h"
#include "engine.h"
#include "historytestsupport.h"
#include "listens/historywriter.h"
#include "store/settingsstore.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QThread>
#include <QtTest>

using namespace encore;

namespace {

constexpr int kWaitMs = 30000;
const QDateTime kFirstEnd(QDate(2021, 3, 11), QTime(17, 34), Qt::UTC);

struct Fixture {
    test::TempDatabase temp;
    Engine engine{temp.database};
    ScopedConnection connection{temp.database, QStringLiteral("test-main")};
    QList<TrackId> songs;

    Fixture() {
        if (!engine.start())
            qFatal("engine did not start");
        songs = test::addLibrarySongs(
            connection.db(), {{QStringLiteral("Nina Simone"), QStringLiteral("Feeling Good")},
                              {QStringLiteral("Muse"), QStringLiteral("Uprising")},
                              {QStringLiteral("Björk"), QStringLiteral("Jóga")}});
    }

    qint64 plays(const QString& where = QString()) const {
        return test::scalar(connection.db(), QStringLiteral("SELECT count(*) FROM plays ") + where);
    }

    // Logs a listen and waits until the writer has it.
    Play log(const Play& listen) {
        QSignalSpy logged(&engine, &Engine::playLogged);
        engine.logListen(listen);
        if (!logged.wait(kWaitMs))
            qFatal("the listen was not logged");
        return logged.first().at(0).value<Play>();
    }

    QString writeHistory(const QString& name, const QByteArray& json) {
        return test::writeFixture(temp.dir.filePath(name), json);
    }
};

}  // namespace

class TestHistoryWriter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void logsListensOnItsOwnThreadWithTheNewFigures() {
        test::TempDatabase temp;
        ScopedConnection c(temp.database, QStringLiteral("test-songs"));
        const TrackId song =
            test::addLibrarySongs(c.db(), {{QStringLiteral("Muse"), QStringLiteral("Uprising")}})
                .first();
        QThread thread;
        auto* writer = new HistoryWriter(temp.database);
        writer->moveToThread(&thread);
        // Deleted on its thread, where its connection was opened.
        connect(&thread, &QThread::finished, writer, &QObject::deleteLater);
        thread.start();
        QThread* emittedOn = nullptr;
        QObject context;
        connect(
            writer, &HistoryWriter::playLogged, &context,
            [&emittedOn](const Play&, const TrackPlayStats&) {
                emittedOn = QThread::currentThread();
            },
            Qt::DirectConnection);
        QSignalSpy logged(writer, &HistoryWriter::playLogged);
        QMetaObject::invokeMethod(writer, &HistoryWriter::open, Qt::QueuedConnection);
        const Play listen = test::finishedListen(song, 1700000000);
        QMetaObject::invokeMethod(
            writer, [writer, listen] { writer->append(listen); }, Qt::QueuedConnection);
        QVERIFY(logged.wait(kWaitMs));
        QCOMPARE(emittedOn, &thread);  // the write ran on the writer thread, not this one
        const Play play = logged.first().at(0).value<Play>();
        const TrackPlayStats stats = logged.first().at(1).value<TrackPlayStats>();
        QVERIFY(play.id > 0);
        QVERIFY(play.profile_id > 0);
        QCOMPARE(play.session_id, qint64(1700000000));
        QCOMPARE(stats.plays, 1);
        QCOMPARE(stats.last_played_at, qint64(1700000000));
        QCOMPARE(test::scalar(c.db(), QStringLiteral("SELECT count(*) FROM plays")), 1);
        thread.quit();
        thread.wait();
    }

    void logsForTheActiveProfileAndLinksTheSession() {
        Fixture f;
        const Play first = f.log(test::finishedListen(f.songs[0], 1700000000));
        const Play second = f.log(test::finishedListen(f.songs[1], 1700000200));
        QCOMPARE(first.profile_id, f.engine.activeProfile().id);
        QCOMPARE(second.previous_track_id, f.songs[0]);  // same session: within 30 minutes
        QCOMPARE(second.session_id, first.session_id);
        QCOMPARE(f.plays(), 2);
        QCOMPARE(test::statsMismatch(f.connection.db()), QString());
    }

    void incognitoFromTheAppLogsNothing() {
        Fixture f;
        QSignalSpy changed(&f.engine, &Engine::incognitoChanged);
        f.engine.setIncognito(true);
        QCOMPARE(changed.count(), 1);
        f.engine.logListen(test::finishedListen(f.songs[0], 1700000000));
        // Persisted for encore-cli and the next start (the writer runs jobs in order).
        QTRY_COMPARE(test::scalar(f.connection.db(),
                                  QStringLiteral("SELECT value = '1' FROM settings WHERE key = "
                                                 "'incognito'")),
                     1);
        f.engine.setIncognito(false);
        f.log(test::finishedListen(f.songs[1], 1700000300));
        QCOMPARE(f.plays(), 1);  // only the listen after incognito ended
        QCOMPARE(f.plays(QStringLiteral("WHERE track_id = %1").arg(f.songs[1])), 1);
    }

    // encore-cli switched incognito on after the app read it at start but before the writer
    // thread opened (late, on a busy machine): the writer's first read tells the app.
    void incognitoSwitchedBeforeTheWriterOpensIsTold() {
        test::TempDatabase temp;
        {
            ScopedConnection c(temp.database, QStringLiteral("test-cli"));
            QVERIFY(SettingsStore(c.db()).setIncognito(true).ok());
        }
        HistoryWriter writer(temp.database, /*incognitoAtStart=*/false);
        QSignalSpy changed(&writer, &HistoryWriter::incognitoChanged);
        writer.open();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toBool(), true);
        HistoryWriter agreed(temp.database, /*incognitoAtStart=*/true);
        QSignalSpy unchanged(&agreed, &HistoryWriter::incognitoChanged);
        agreed.open();
        QCOMPARE(unchanged.count(), 0);  // nothing new to tell
    }

    void incognitoFromTheCommandLineReachesTheRunningApp() {
        Fixture f;
        QString out, err;
        QTextStream outStream(&out), errStream(&err);
        QCOMPARE(cli::runCli({QStringLiteral("encore-cli"), QStringLiteral("incognito"),
                              QStringLiteral("on"), QStringLiteral("--db"), f.temp.database.path()},
                             outStream, errStream),
                 0);
        outStream.flush();
        QVERIFY2(out.contains(QStringLiteral("incognito is on")), qPrintable(out));
        QVERIFY(!f.engine.incognito());  // the app has not looked yet

        // The writer reads the switch right before logging: this listen is dropped.
        // The switch may also arrive first through the writer's opening read or its poll
        // (under load the writer opens late): the app is to end up incognito either way.
        QSignalSpy failed(&f.engine, &Engine::writeFailed);
        f.engine.logListen(test::finishedListen(f.songs[0], 1700000000));
        QTRY_VERIFY_WITH_TIMEOUT(f.engine.incognito(), kWaitMs);
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed.first().at(0).toString()));
        QCOMPARE(f.plays(), 0);

        QCOMPARE(
            cli::runCli({QStringLiteral("encore-cli"), QStringLiteral("incognito"),
                         QStringLiteral("off"), QStringLiteral("--db"), f.temp.database.path()},
                        outStream, errStream),
            0);
        f.engine.checkSharedSettings();  // what the periodic poll does
        QTRY_VERIFY(!f.engine.incognito());
        f.log(test::finishedListen(f.songs[0], 1700000500));
        QCOMPARE(f.plays(), 1);

        out.clear();
        QCOMPARE(cli::runCli({QStringLiteral("encore-cli"), QStringLiteral("incognito"),
                              QStringLiteral("--db"), f.temp.database.path()},
                             outStream, errStream),
                 0);
        outStream.flush();
        QVERIFY2(out.contains(QStringLiteral("incognito is off")), qPrintable(out));
        QCOMPARE(
            cli::runCli({QStringLiteral("encore-cli"), QStringLiteral("incognito"),
                         QStringLiteral("maybe"), QStringLiteral("--db"), f.temp.database.path()},
                        outStream, errStream),
            1);
    }

    void importsWithProgressAndAReportAndIsIdempotent() {
        Fixture f;
        const QList<test::Song> songs = {
            {QStringLiteral("Nina Simone"), QStringLiteral("Feeling Good")},
            {QStringLiteral("Muse"), QStringLiteral("Uprising")},
            {QStringLiteral("Unknown Band"), QStringLiteral("Not In The Library")},
        };
        const int kListens = 6000;  // more than one progress step of the importer
        const QString file = f.writeHistory(QStringLiteral("StreamingHistory0.json"),
                                            test::spotifyHistory(songs, kListens, kFirstEnd));
        QSignalSpy started(&f.engine, &Engine::importStarted);
        QSignalSpy progress(&f.engine, &Engine::importProgress);
        QSignalSpy finished(&f.engine, &Engine::importFinished);
        QSignalSpy changed(&f.engine, &Engine::historyChanged);
        f.engine.importHistory({file});
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(started.count(), 1);
        QVERIFY(progress.count() >= 1);
        const ImportProgress last = progress.last().at(0).value<ImportProgress>();
        QVERIFY(last.file.endsWith(QStringLiteral("StreamingHistory0.json")));
        QVERIFY(last.records > 0);
        QCOMPARE(last.files_started, 1);
        const ImportReport report = finished.first().at(0).value<ImportReport>();
        QVERIFY(report.ok());
        QCOMPARE(report.total().matched, qint64(4000));
        QCOMPARE(report.total().unmatched, qint64(2000));
        QCOMPARE(report.total().duplicates, qint64(0));
        QTRY_COMPARE(changed.count(), 1);
        QVERIFY(!f.engine.isImporting());
        QCOMPARE(f.plays(), kListens);

        f.engine.importHistory({file});
        QVERIFY(finished.wait(kWaitMs));
        const ImportReport again = finished.last().at(0).value<ImportReport>();
        QCOMPARE(again.total().added(), qint64(0));
        QCOMPARE(again.total().duplicates, qint64(kListens));
        QCOMPARE(f.plays(), kListens);
        QCOMPARE(changed.count(), 1);  // nothing was added: no reload asked for
    }

    void aCancelledImportLeavesNothingOfItsFile() {
        Fixture f;
        const QString file = f.writeHistory(
            QStringLiteral("StreamingHistory1.json"),
            test::spotifyHistory({{QStringLiteral("Muse"), QStringLiteral("Uprising")}}, 150000,
                                 kFirstEnd));
        QSignalSpy finished(&f.engine, &Engine::importFinished);
        QObject context;
        connect(&f.engine, &Engine::importProgress, &context, [&f] { f.engine.cancelImport(); });
        f.engine.importHistory({file});
        QVERIFY(finished.wait(kWaitMs));
        const ImportReport report = finished.first().at(0).value<ImportReport>();
        QCOMPARE(report.failedFiles(), 1);
        QVERIFY2(report.files.first().error.contains(QStringLiteral("cancelled")),
                 qPrintable(report.files.first().error));
        QCOMPARE(f.plays(), 0);
    }

    void aBadFileIsReportedInWords() {
        Fixture f;
        const QString file = f.writeHistory(QStringLiteral("StreamingHistory2.json"),
                                            QByteArray("[{\"endTime\": \"2021-03-11 17:34\", "));
        QSignalSpy finished(&f.engine, &Engine::importFinished);
        f.engine.importHistory({file});
        QVERIFY(finished.wait(kWaitMs));
        const ImportReport report = finished.first().at(0).value<ImportReport>();
        QCOMPARE(report.failedFiles(), 1);
        QVERIFY2(report.files.first().error.contains(QStringLiteral("StreamingHistory2.json")),
                 qPrintable(report.files.first().error));
        QCOMPARE(f.plays(), 0);
    }

    void forgetsARangeOfTheActiveProfile() {
        Fixture f;
        for (int i = 0; i < 6; ++i)
            f.log(test::finishedListen(f.songs[i % 3], 1700000000 + 3600 * i));
        QSignalSpy forgotten(&f.engine, &Engine::historyForgotten);
        QSignalSpy changed(&f.engine, &Engine::historyChanged);
        ForgetQuery query;
        query.profile_id = f.engine.activeProfile().id;
        query.since = 1700000000 + 3600;
        query.until = 1700000000 + 3600 * 4;  // exclusive: listens 1, 2 and 3
        f.engine.forgetHistory(query);
        QVERIFY(forgotten.wait(kWaitMs));
        QCOMPARE(forgotten.first().at(0).toLongLong(), qint64(3));
        QTRY_COMPARE(changed.count(), 1);
        QCOMPARE(f.plays(), 3);
        QCOMPARE(f.plays(QStringLiteral("WHERE started_at BETWEEN %1 AND %2")
                             .arg(1700000000 + 3600)
                             .arg(1700000000 + 3600 * 3)),
                 0);
        QCOMPARE(test::statsMismatch(f.connection.db()), QString());
    }

    void managesProfiles() {
        Fixture f;
        QSignalSpy profiles(&f.engine, &Engine::profilesChanged);
        QSignalSpy active(&f.engine, &Engine::activeProfileChanged);
        QSignalSpy failed(&f.engine, &Engine::writeFailed);
        f.engine.addProfile(QStringLiteral("Ana"));
        QTRY_COMPARE(f.engine.profiles().size(), 2);
        f.engine.setActiveProfile(QStringLiteral("Ana"));
        QVERIFY(active.wait(kWaitMs));
        QCOMPARE(f.engine.activeProfile().name, QStringLiteral("Ana"));
        const Play play = f.log(test::finishedListen(f.songs[0], 1700000000));
        QCOMPARE(play.profile_id, f.engine.activeProfile().id);

        // The active profile cannot go; the message says why.
        f.engine.removeProfile(QStringLiteral("Ana"));
        QVERIFY(failed.wait(kWaitMs));
        QVERIFY(!failed.first().at(0).toString().isEmpty());
        f.engine.setActiveProfile(QStringLiteral("default"));
        QTRY_COMPARE(f.engine.activeProfile().name, QStringLiteral("default"));
        f.engine.removeProfile(QStringLiteral("Ana"));
        QTRY_COMPARE(f.engine.profiles().size(), 1);
        QCOMPARE(f.plays(), 0);  // Ana's listen went with her
    }

    void profileSwitchedByTheCommandLineIsNoticed() {
        Fixture f;
        ProfileStore store(f.connection.db());
        QVERIFY(store.add(QStringLiteral("Ben")).ok());
        QVERIFY(store.setActive(QStringLiteral("Ben")).ok());
        QSignalSpy active(&f.engine, &Engine::activeProfileChanged);
        f.engine.checkSharedSettings();
        QVERIFY(active.wait(kWaitMs));
        QCOMPARE(f.engine.activeProfile().name, QStringLiteral("Ben"));
        QCOMPARE(f.engine.profiles().size(), 2);
    }

    void readsPagesNewestFirstWithoutGapsOrRepeats() {
        Fixture f;
        // 25 listens; two share a second (different tracks) to test the cursor's tie-break.
        PlayLog log(f.connection.db());
        for (int i = 0; i < 24; ++i)
            QVERIFY(log.append(test::finishedListen(f.songs[i % 3], 1700000000 + 60 * i)).ok());
        QVERIFY(log.append(test::finishedListen(f.songs[1], 1700000000 + 60 * 23)).ok());
        const ProfileId profile = f.engine.activeProfile().id;
        QList<HistoryEntry> all;
        std::optional<HistoryCursor> after;
        for (;;) {
            const auto page = f.engine.historyPage(profile, after, 10).result();
            QVERIFY(page.ok());
            all += page.value();
            if (page->size() < 10)
                break;
            after = HistoryCursor{page->last().started_at, page->last().track_id};
        }
        QCOMPARE(all.size(), 25);
        QSet<qint64> ids;
        for (int i = 0; i < all.size(); ++i) {
            ids.insert(all[i].play_id);
            if (i > 0)
                QVERIFY(all[i - 1].started_at > all[i].started_at ||
                        (all[i - 1].started_at == all[i].started_at &&
                         all[i - 1].track_id > all[i].track_id));
        }
        QCOMPARE(ids.size(), 25);
        // The two newest share their second: the higher track id (Jóga) comes first.
        QCOMPARE(all.first().title, QStringLiteral("Jóga"));
        QCOMPARE(all[1].title, QStringLiteral("Uprising"));
        QVERIFY(all.first().has_file);
        QCOMPARE(all.first().import_id, qint64(0));

        const auto newer =
            f.engine
                .historyNewerThan(profile, HistoryCursor{all[3].started_at, all[3].track_id}, 10)
                .result();
        QCOMPARE(newer->size(), 3);
        QCOMPARE(newer->first().play_id, all.first().play_id);
        QCOMPARE(f.engine.countListens(profile).result().value(), qint64(25));
        QCOMPARE(f.engine.countListens(profile, 1700000000, 1700000000 + 600).result().value(),
                 qint64(10));
        const auto stats = f.engine.playStats().result();
        QCOMPARE(stats->size(), 3);
        QCOMPARE(stats->value(f.songs[1]).plays, 9);  // 8 in the cycle and the tie
        QCOMPARE(stats->value(f.songs[1]).last_played_at, qint64(1700000000 + 60 * 23));
    }

    void importedListensNameTheirSource() {
        Fixture f;
        const QString file = f.writeHistory(
            QStringLiteral("StreamingHistory0.json"),
            test::spotifyHistory({{QStringLiteral("Unknown Band"), QStringLiteral("Elsewhere")}}, 2,
                                 kFirstEnd));
        QSignalSpy finished(&f.engine, &Engine::importFinished);
        f.engine.importHistory({file});
        QVERIFY(finished.wait(kWaitMs));
        const auto page = f.engine.historyPage(f.engine.activeProfile().id, {}, 10).result();
        QCOMPARE(page->size(), 2);
        QVERIFY(!page->first().has_file);
        QVERIFY(page->first().import_id > 0);
        QCOMPARE(page->first().import_format, QStringLiteral("spotify-basic"));
        QVERIFY(page->first().import_path.endsWith(QStringLiteral("StreamingHistory0.json")));
    }
};

QTEST_GUILESS_MAIN(TestHistoryWriter)
#include "tst_historywriter.moc"
