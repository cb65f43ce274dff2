// StatsService: computes on its own thread, reports parts in order as they are done, follows
// new listens on refresh, and lets a newer request supersede an older one.
#include "statsfixture.h"

#include "stats/statsservice.h"

#include <QSignalSpy>
#include <QtTest>

using namespace encore;
using namespace encore::stats;
using encore::test::utc;

class TestStatsService : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TempDatabase> temp_;
    std::unique_ptr<ScopedConnection> writer_;
    qint64 profile_ = 0;
    qint64 track_ = 0;

    void addPlays(int count, qint64 from) {
        test::StatsFixture f(writer_->db());
        for (int i = 0; i < count; ++i)
            f.play({profile_, track_, from + i * 600, 60, QStringLiteral("finished"), 200000});
    }

    static StatsReportPtr finishedReport(const QSignalSpy& spy, quint64 id) {
        for (const QList<QVariant>& args : spy) {
            if (args.at(0).toULongLong() == id)
                return args.at(1).value<StatsReportPtr>();
        }
        return {};
    }

private Q_SLOTS:
    void init() {
        temp_ = std::make_unique<test::TempDatabase>();
        writer_ = std::make_unique<ScopedConnection>(temp_->database, QStringLiteral("writer"));
        test::StatsFixture f(writer_->db());
        profile_ = f.profile(QStringLiteral("P"));
        track_ = f.track({QStringLiteral("T"),
                          QStringLiteral("A"),
                          QStringLiteral("B"),
                          {QStringLiteral("Rock")}});
        addPlays(3, utc(2024, 5, 1, 18));
    }

    void cleanup() {
        writer_.reset();
        temp_.reset();
    }

    void partsArriveInOrderThenTheWhole() {
        StatsService service(temp_->database);
        QSignalSpy parts(&service, &StatsService::partReady);
        QSignalSpy finished(&service, &StatsService::finished);
        QSignalSpy failed(&service, &StatsService::failed);
        StatsQuery query;
        query.profile_id = profile_;
        const quint64 id = service.request(query);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(parts.count(), kStatsPartCount);
        for (int i = 0; i < kStatsPartCount; ++i) {
            QCOMPARE(parts.at(i).at(0).toULongLong(), id);
            QCOMPARE(parts.at(i).at(1).value<StatsPart>(), StatsPart(i));
            // Each report holds its part and the ones before, not yet the ones after.
            const StatsReportPtr soFar = parts.at(i).at(2).value<StatsReportPtr>();
            QVERIFY(soFar->has(StatsPart(i)));
            if (i + 1 < kStatsPartCount)
                QVERIFY(!soFar->has(StatsPart(i + 1)));
        }
        const StatsReportPtr report = finishedReport(finished, id);
        QVERIFY(report && report->complete());
        QCOMPARE(report->overview.plays, qint64(3));
        QCOMPARE(report->time.heatmap[2][19], std::int64_t(3));  // Wednesday 18:xx UTC + 1 h
        QCOMPARE(int(report->profiles.size()), 2);               // "default" and P
    }

    void refreshFollowsNewListens() {
        StatsService service(temp_->database);
        QSignalSpy finished(&service, &StatsService::finished);
        StatsQuery query;
        query.profile_id = profile_;
        service.request(query);
        QTRY_COMPARE(finished.count(), 1);
        addPlays(2, utc(2024, 5, 2, 18));
        const quint64 id = service.refresh();
        QTRY_COMPARE(finished.count(), 2);
        QCOMPARE(finishedReport(finished, id)->overview.plays, qint64(5));
        test::StatsFixture(writer_->db()).exec(QStringLiteral("DELETE FROM plays"));
        const quint64 after = service.refresh();
        QTRY_COMPARE(finished.count(), 3);
        QCOMPARE(finishedReport(finished, after)->overview.plays, qint64(0));
    }

    void newerRequestSupersedesOlder() {
        StatsService service(temp_->database);
        QSignalSpy finished(&service, &StatsService::finished);
        StatsQuery all;
        StatsQuery one;
        one.profile_id = profile_;
        one.since = utc(2024, 5, 1, 18, 5);
        service.request(all);
        const quint64 last = service.request(one);
        QTRY_VERIFY(finishedReport(finished, last) != nullptr);
        // Only the newest is answered (the first may have finished before the second came).
        for (const QList<QVariant>& args : finished)
            QVERIFY(args.at(0).toULongLong() == last || args.at(0).toULongLong() == last - 1);
        QCOMPARE(finishedReport(finished, last)->overview.plays, qint64(2));
        QCOMPARE(service.lastQuery().since, one.since);
    }

    void unusableDatabaseFails() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("not-a-folder"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        StatsService service(Database(path + QStringLiteral("/encore.sqlite")));
        QSignalSpy failed(&service, &StatsService::failed);
        service.request(StatsQuery());
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(!failed.at(0).at(1).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStatsService)
#include "tst_statsservice.moc"
