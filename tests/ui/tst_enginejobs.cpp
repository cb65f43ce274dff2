// The Engine's background jobs on a real SQLite file, real audio (TagLib's test files) and real
// Spotify exports: a cancel reaches jobs still waiting in the queue, closing does not wait for
// queued imports (but still writes the listens closed on the way out), and a scan and a large
// import at once both finish, even when the other holds the database longer than its busy
// timeout.

#include "engine.h"
#include "historytestsupport.h"
#include "store/database.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

#include <memory>

using namespace encore;

namespace {

constexpr int kWaitMs = 60000;
constexpr int kHoldLongerThanBusyTimeoutMs = 6000;  // the connections' busy timeout is 5 s
const char* const kSpotify = "listens/spotify/asboyer__boyers_beats";

QString spotifyFile(int n) {
    return QDir(test::sharedDataDir(QString::fromLatin1(kSpotify)))
        .filePath(QStringLiteral("StreamingHistory%1.json").arg(n));
}

// Copies TagLib's test files (crafted broken ones included) into `dir`.
int copyTaglibAudio(const QString& dir) {
    QDir().mkpath(dir);
    int copied = 0;
    QDirIterator it(test::sharedDataDir(QStringLiteral("audio/taglib")), QDir::Files);
    while (it.hasNext()) {
        const QFileInfo file(it.next());
        if (file.suffix() == QLatin1String("md") || file.fileName() == QLatin1String("SHA256SUMS"))
            continue;
        copied += QFile::copy(file.filePath(), QDir(dir).filePath(file.fileName())) ? 1 : 0;
    }
    return copied;
}

// Another writer (a second Encore, encore-cli) holding the database's write lock.
class WriteLockHolder {
public:
    explicit WriteLockHolder(const Database& database)
        : connection_(database, QStringLiteral("test-lock-holder")) {
        QSqlQuery begin(connection_.db());
        if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
            qFatal("could not take the write lock");
    }
    void release() {
        if (released_)
            return;
        QSqlQuery(connection_.db()).exec(QStringLiteral("COMMIT"));
        released_ = true;
    }
    ~WriteLockHolder() { release(); }

private:
    ScopedConnection connection_;
    bool released_ = false;
};

struct Fixture {
    test::TempDatabase temp;
    std::unique_ptr<Engine> engine = std::make_unique<Engine>(temp.database);
    ScopedConnection connection{temp.database, QStringLiteral("test-main")};

    Fixture() {
        if (!engine->start())
            qFatal("engine did not start");
    }
    qint64 count(const QString& table) const {
        return test::scalar(connection.db(), QStringLiteral("SELECT count(*) FROM ") + table);
    }
};

// Keeps the event loop turning for `ms` (signals from the workers arrive meanwhile).
void turnFor(int ms) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QTest::qWait(20);
}

}  // namespace

class TestEngineJobs : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aCancelReachesImportsStillInTheQueue() {
        ENCORE_REQUIRE_SHARED_DATA("listens/spotify");
        Fixture f;
        QSignalSpy finished(f.engine.get(), &Engine::importFinished);
        // The first import waits for the lock, the second waits behind it in the writer's queue.
        WriteLockHolder other(f.temp.database);
        f.engine->importHistory({spotifyFile(0)});
        f.engine->importHistory({spotifyFile(1)});
        f.engine->cancelImport();
        turnFor(300);
        other.release();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWaitMs);
        for (const QList<QVariant>& signal : finished) {
            const ImportReport report = signal.at(0).value<ImportReport>();
            QVERIFY2(!report.ok(), "a cancelled import reported success");
            QVERIFY2(report.files.first().error.contains(QLatin1String("cancelled")),
                     qPrintable(report.files.first().error));
        }
        QCOMPARE(f.count(QStringLiteral("plays")), qint64(0));
        QVERIFY(!f.engine->isImporting());
    }

    void aCancelReachesScansStillInTheQueue() {
        ENCORE_REQUIRE_SHARED_DATA("audio/taglib");
        Fixture f;
        const QString first = f.temp.dir.filePath(QStringLiteral("music-a"));
        const QString second = f.temp.dir.filePath(QStringLiteral("music-b"));
        QVERIFY(copyTaglibAudio(first) > 50);
        QVERIFY(copyTaglibAudio(second) > 50);
        QSignalSpy started(f.engine.get(), &Engine::scanStarted);
        QSignalSpy finished(f.engine.get(), &Engine::scanFinished);
        WriteLockHolder other(f.temp.database);
        f.engine->scan({first});
        f.engine->scan({second});
        // The first is running, waiting for the lock; the second waits behind it in the queue.
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, kWaitMs);
        turnFor(200);
        f.engine->cancelScan();
        turnFor(300);
        other.release();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWaitMs);
        for (const QList<QVariant>& signal : finished) {
            const ScanReport report = signal.at(0).value<ScanReport>();
            QVERIFY(report.cancelled);
            QVERIFY2(report.fatal_error.isEmpty(), qPrintable(report.fatal_error));
        }
        QCOMPARE(f.count(QStringLiteral("tracks")), qint64(0));
        QCOMPARE(f.count(QStringLiteral("folders")), qint64(0));
        QVERIFY(!f.engine->isScanning());
    }

    void closingWithImportsQueuedWritesTheLastListenAndImportsNothing() {
        ENCORE_REQUIRE_SHARED_DATA("listens/spotify");
        Fixture f;
        const TrackId song =
            test::addLibrarySongs(f.connection.db(),
                                  {{QStringLiteral("Muse"), QStringLiteral("Uprising")}})
                .first();
        for (int n = 0; n < 4; ++n)
            f.engine->importHistory({spotifyFile(n)});
        f.engine->logListen(test::finishedListen(song, 1700000000));
        QElapsedTimer closing;
        closing.start();
        f.engine.reset();  // the window closes
        const qint64 closedInMs = closing.elapsed();
        qInfo("engine closed in %lld ms with four imports queued", closedInMs);
        QCOMPARE(f.count(QStringLiteral("plays")), qint64(1));  // the listen, none imported
        QCOMPARE(test::scalar(f.connection.db(), QStringLiteral("SELECT track_id FROM plays")),
                 qint64(song));
        QVERIFY2(closedInMs < 5000, "closing waited for the queued imports");  // a hang guard
    }

    void aScanAndALargeImportAtOnceBothFinish() {
        ENCORE_REQUIRE_SHARED_DATA("audio/taglib");
        ENCORE_REQUIRE_SHARED_DATA("listens/spotify");
        Fixture f;
        const QString music = f.temp.dir.filePath(QStringLiteral("music"));
        QVERIFY(copyTaglibAudio(music) > 50);
        QSignalSpy scanned(f.engine.get(), &Engine::scanFinished);
        QSignalSpy imported(f.engine.get(), &Engine::importFinished);
        {
            // Both wait longer than the busy timeout for another writer, then both run at once.
            WriteLockHolder other(f.temp.database);
            f.engine->scan({music});
            f.engine->importHistory({spotifyFile(0), spotifyFile(1)});
            turnFor(kHoldLongerThanBusyTimeoutMs);
            QCOMPARE(scanned.size(), 0);
            QCOMPARE(imported.size(), 0);
        }
        QTRY_COMPARE_WITH_TIMEOUT(scanned.size(), 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(imported.size(), 1, kWaitMs);
        const ScanReport scan = scanned.first().at(0).value<ScanReport>();
        const ImportReport import = imported.first().at(0).value<ImportReport>();
        QVERIFY2(scan.fatal_error.isEmpty(), qPrintable(scan.fatal_error));
        QVERIFY(!scan.cancelled);
        QVERIFY(scan.added > 20);
        QVERIFY2(import.ok(), qPrintable(import.files.first().error));
        QVERIFY(import.total().added() > 10000);
        QCOMPARE(f.count(QStringLiteral("plays")), qint64(import.total().added()));

        // A rescan and a further import started together, nobody else holding the lock.
        f.engine->scan({music});
        f.engine->importHistory({spotifyFile(2), spotifyFile(3)});
        QTRY_COMPARE_WITH_TIMEOUT(scanned.size(), 2, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(imported.size(), 2, kWaitMs);
        const ScanReport rescan = scanned.at(1).at(0).value<ScanReport>();
        const ImportReport more = imported.at(1).at(0).value<ImportReport>();
        QVERIFY2(rescan.fatal_error.isEmpty(), qPrintable(rescan.fatal_error));
        QVERIFY2(more.ok(), qPrintable(more.files.first().error));
        QCOMPARE(f.count(QStringLiteral("plays")),
                 qint64(import.total().added() + more.total().added()));
    }

    void aCancelEndsAWaitForTheDatabase() {
        ENCORE_REQUIRE_SHARED_DATA("listens/spotify");
        Fixture f;
        QSignalSpy finished(f.engine.get(), &Engine::importFinished);
        WriteLockHolder other(f.temp.database);
        f.engine->importHistory({spotifyFile(0)});
        turnFor(500);  // it is waiting for the lock now
        QElapsedTimer sinceCancel;
        sinceCancel.start();
        f.engine->cancelImport();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
        QVERIFY2(sinceCancel.elapsed() < 2000, "the cancel waited for the other writer");
        QVERIFY(!finished.first().at(0).value<ImportReport>().ok());
        other.release();
        QCOMPARE(f.count(QStringLiteral("plays")), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestEngineJobs)
#include "tst_enginejobs.moc"
