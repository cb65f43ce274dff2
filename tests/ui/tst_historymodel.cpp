// The History page's model under QAbstractItemModelTester: pages of a real log read off the GUI
// thread, new listens on top, reloads after imports and profile switches.

#include "engine.h"
#include "history/historymodel.h"
#include "historytestsupport.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace encore;

namespace {

constexpr int kWaitMs = 30000;
constexpr qint64 kStart = 1700000000;

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

    // `count` listens a minute apart, every third one a skip, written straight to the log.
    void writeListens(int count) {
        PlayLog log(connection.db());
        ScopedTransaction transaction(connection.db());
        for (int i = 0; i < count; ++i) {
            Play p = test::finishedListen(songs[i % 3], kStart + 60 * i);
            p.profile_id = engine.activeProfile().id;  // insert() takes no default
            if (i % 3 == 2) {
                p.end_reason = EndReason::Skipped;
                p.counted = false;
                p.ms_played = 20000;
            }
            const Result<bool> inserted = log.insert(p);
            if (!inserted)
                qFatal("insert failed: %s", qPrintable(inserted.error()));
        }
        if (!log.assignSessions(engine.activeProfile().id, kStart, kStart + 60 * count) ||
            !transaction.commit())
            qFatal("commit failed");
    }
};

}  // namespace

class TestHistoryModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { settings_ = std::make_unique<test::IsolatedSettings>(); }
    void cleanup() { settings_.reset(); }

    void readsNothingUntilAsked() {
        Fixture f;
        HistoryModel model(f.engine);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        f.writeListens(5);
        QVERIFY(!model.hasLoaded());
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.totalCount(), qint64(-1));
    }

    void pagesThroughTheLogNewestFirst() {
        Fixture f;
        f.writeListens(1000);
        HistoryModel model(f.engine);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(100);
        QSignalSpy counted(&model, &HistoryModel::totalCountChanged);
        model.reload();
        QTRY_COMPARE(model.rowCount(), 100);
        QTRY_COMPARE(model.totalCount(), qint64(1000));
        int pages = 1;
        for (int guard = 0; guard < 20 && model.canFetchMore({}); ++guard) {
            const int before = model.rowCount();
            model.fetchMore({});
            QVERIFY(model.isLoading());
            QTRY_VERIFY(!model.isLoading());
            if (model.rowCount() > before)
                ++pages;
        }
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(pages, 10);
        QVERIFY(!model.canFetchMore({}));
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(model.entryAt(row - 1).started_at > model.entryAt(row).started_at);

        // Row 0 is listen 999 (a skip: 999 % 3 == 0 is a play, 998 is a skip).
        QCOMPARE(model.entryAt(0).started_at, kStart + 60 * 999);
        QCOMPARE(model.index(0, HistoryModel::Title).data().toString(),
                 QStringLiteral("Feeling Good"));
        QCOMPARE(model.index(0, HistoryModel::Outcome).data().toString(), QStringLiteral("Played"));
        QCOMPARE(model.index(1, HistoryModel::Outcome).data().toString(),
                 QStringLiteral("Skipped"));
        QVERIFY(model.index(1, HistoryModel::Outcome).data(Qt::ForegroundRole).isValid());
        QVERIFY(!model.index(0, HistoryModel::Outcome).data(Qt::ForegroundRole).isValid());
        QCOMPARE(model.index(0, HistoryModel::Source).data().toString(),
                 QStringLiteral("This computer"));
        QCOMPARE(model.index(0, HistoryModel::Heard).data().toString(), QStringLiteral("3:20"));
        QCOMPARE(model.index(1, HistoryModel::Heard).data().toString(), QStringLiteral("0:20"));
        QVERIFY(!model.index(0, HistoryModel::When).data().toString().isEmpty());
        QCOMPARE(model.index(0, 0).data(HistoryModel::kTrackIdRole).toLongLong(), f.songs[0]);
    }

    void newListensAppearOnTop() {
        Fixture f;
        f.writeListens(10);
        HistoryModel model(f.engine);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QTRY_COMPARE(model.rowCount(), 10);
        QTRY_COMPARE(model.totalCount(), qint64(10));
        const qint64 oldTop = model.entryAt(0).play_id;
        f.engine.logListen(test::finishedListen(f.songs[1], kStart + 60 * 100));
        f.engine.logListen(test::finishedListen(f.songs[2], kStart + 60 * 101));
        QTRY_COMPARE(model.rowCount(), 12);
        QCOMPARE(model.index(0, HistoryModel::Title).data().toString(), QStringLiteral("Jóga"));
        QCOMPARE(model.index(1, HistoryModel::Title).data().toString(), QStringLiteral("Uprising"));
        QCOMPARE(model.entryAt(2).play_id, oldTop);
        QTRY_COMPARE(model.totalCount(), qint64(12));
    }

    void aListenIntoAnEmptyLogShows() {
        Fixture f;
        HistoryModel model(f.engine);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QTRY_COMPARE(model.totalCount(), qint64(0));
        QTRY_VERIFY(!model.isLoading());
        f.engine.logListen(test::finishedListen(f.songs[0], kStart));
        QTRY_COMPARE(model.rowCount(), 1);
        QTRY_COMPARE(model.totalCount(), qint64(1));
    }

    void importsReloadAndNameTheirSource() {
        Fixture f;
        f.writeListens(3);
        HistoryModel model(f.engine);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QTRY_COMPARE(model.rowCount(), 3);
        const QString file = test::writeFixture(
            f.temp.dir.filePath(QStringLiteral("StreamingHistory0.json")),
            test::spotifyHistory({{QStringLiteral("Unknown Band"), QStringLiteral("Elsewhere")}}, 4,
                                 QDateTime(QDate(2030, 1, 1), QTime(12, 0), Qt::UTC).addYears(-5)));
        f.engine.importHistory({file});
        QTRY_COMPARE(model.rowCount(), 7);
        QTRY_COMPARE(model.totalCount(), qint64(7));
        // The import is newer (2025) than the fixture listens (2023): it is on top.
        QCOMPARE(model.index(0, HistoryModel::Source).data().toString(),
                 QStringLiteral("Spotify · StreamingHistory0.json"));
        QVERIFY(model.index(0, HistoryModel::Source)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Spotify streaming history")));
        QVERIFY(!model.index(0, 0).data(HistoryModel::kHasFileRole).toBool());
    }

    void followsTheActiveProfile() {
        Fixture f;
        f.writeListens(4);
        HistoryModel model(f.engine);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QTRY_COMPARE(model.rowCount(), 4);
        f.engine.addProfile(QStringLiteral("Ana"));
        f.engine.setActiveProfile(QStringLiteral("Ana"));
        QTRY_COMPARE(model.profile(), f.engine.activeProfile().id);
        QTRY_COMPARE(model.totalCount(), qint64(0));
        QTRY_COMPARE(model.rowCount(), 0);
        f.engine.logListen(test::finishedListen(f.songs[2], kStart + 99999));
        QTRY_COMPARE(model.rowCount(), 1);
        f.engine.setActiveProfile(QStringLiteral("default"));
        QTRY_COMPARE(model.rowCount(), 4);
    }

    void deletingARangeReloads() {
        Fixture f;
        f.writeListens(6);
        HistoryModel model(f.engine);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QTRY_COMPARE(model.rowCount(), 6);
        ForgetQuery q;
        q.profile_id = f.engine.activeProfile().id;
        q.since = kStart;
        q.until = kStart + 60 * 2;
        f.engine.forgetHistory(q);
        QTRY_COMPARE(model.rowCount(), 4);
        QTRY_COMPARE(model.totalCount(), qint64(4));
    }

private:
    std::unique_ptr<test::IsolatedSettings> settings_;
};

QTEST_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"
