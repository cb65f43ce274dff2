// encore-cli stats: text and a JSON document holding every statistic.
#include "clitestsupport.h"
#include "statsfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace encore;
using encore::test::utc;

using test::CliRun;
using test::runCli;

class TestStatsCli : public QObject {
    Q_OBJECT

    test::TempDatabase temp_;
    QStringList db_;

private Q_SLOTS:
    void initTestCase() {
        db_ = {QStringLiteral("--db"), temp_.database.path()};
        ScopedConnection connection(temp_.database, QStringLiteral("fill"));
        test::StatsFixture f(connection.db());
        const qint64 ann = f.profile(QStringLiteral("ann"));
        const qint64 bob = f.profile(QStringLiteral("bob"));
        const qint64 rock = f.track({QStringLiteral("Stone"),
                                     QStringLiteral("Alpha"),
                                     QStringLiteral("First"),
                                     {QStringLiteral("Rock")}});
        const qint64 jazz = f.track({QStringLiteral("Blue"),
                                     QStringLiteral("Beta"),
                                     QStringLiteral("Second"),
                                     {QStringLiteral("Jazz")}});
        for (int d = 0; d < 5; ++d) {
            f.play({ann, rock, utc(2024, 4, 1 + d, 19), 120, QStringLiteral("finished"), 200000});
            f.play({bob, jazz, utc(2024, 4, 1 + d, 7), 0, QStringLiteral("finished"), 200000});
        }
        f.play({ann, jazz, utc(2024, 4, 6, 19), 120, QStringLiteral("skipped"), 9000});
    }

    void jsonHoldsEveryStatistic() {
        const CliRun run = runCli(QStringList{QStringLiteral("stats")} + db_ +
                                  QStringList{QStringLiteral("--json"), QStringLiteral("--profile"),
                                              QStringLiteral("ann")});
        QCOMPARE(run.code, 0);
        QJsonParseError error;
        const QJsonObject doc = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        for (const char* key :
             {"overview", "genres", "time_patterns", "top", "streaks", "discovery",
              "forgotten_favourites", "skip_rates", "genre_popularity", "popularity_factors"})
            QVERIFY2(doc.contains(QLatin1String(key)), key);
        const QJsonObject overview = doc.value(QStringLiteral("overview")).toObject();
        QCOMPARE(overview.value(QStringLiteral("profile")).toString(), QStringLiteral("ann"));
        QCOMPARE(overview.value(QStringLiteral("plays")).toInt(), 5);
        QCOMPARE(overview.value(QStringLiteral("skips")).toInt(), 1);
        const QJsonArray genres =
            doc.value(QStringLiteral("genres")).toObject().value(QStringLiteral("rows")).toArray();
        QCOMPARE(genres.first().toObject().value(QStringLiteral("genre")).toString(),
                 QStringLiteral("Rock"));
        // 19:00 UTC + 2 h: every play at 21:00 local.
        const QJsonArray heatmap = doc.value(QStringLiteral("time_patterns"))
                                       .toObject()
                                       .value(QStringLiteral("heatmap"))
                                       .toArray();
        QCOMPARE(heatmap.at(0).toArray().at(21).toInt(), 1);  // Monday 2024-04-01
        QCOMPARE(doc.value(QStringLiteral("popularity_factors"))
                     .toObject()
                     .value(QStringLiteral("correlations"))
                     .toArray()
                     .size(),
                 7);
    }

    void periodAndEveryProfile() {
        const CliRun run =
            runCli(QStringList{QStringLiteral("stats")} + db_ +
                   QStringList{QStringLiteral("--json"), QStringLiteral("--all-profiles"),
                               QStringLiteral("--since"), QStringLiteral("2024-04-03T00:00Z"),
                               QStringLiteral("--until"), QStringLiteral("2024-04-04T23:59Z")});
        QCOMPARE(run.code, 0);
        const QJsonObject overview = QJsonDocument::fromJson(run.out.toUtf8())
                                         .object()
                                         .value(QStringLiteral("overview"))
                                         .toObject();
        QCOMPARE(overview.value(QStringLiteral("profile")).toString(),
                 QStringLiteral("every profile"));
        QCOMPARE(overview.value(QStringLiteral("plays")).toInt(), 4);  // 3rd and 4th, both
    }

    void textStatesTheAnswers() {
        const CliRun run =
            runCli(QStringList{QStringLiteral("stats")} + db_ +
                   QStringList{QStringLiteral("--profile"), QStringLiteral("ann"),
                               QStringLiteral("--now"), QStringLiteral("2024-04-07")});
        QCOMPARE(run.code, 0);
        // Six plays in a week: the headlines say what they need rather than claim a habit.
        QVERIFY2(run.out.contains(QStringLiteral("Play a few more songs with genre tags")),
                 qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("Play for a few more days to see your weekly")));
        QVERIFY(!run.out.contains(QStringLiteral("You listen most on")));
        QVERIFY(run.out.contains(QStringLiteral("Your longest streak is 5 days in a row")));
        QVERIFY(run.out.contains(QStringLiteral("== What makes a song popular ==")));
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("top 0") << QStringList{QStringLiteral("--top"), QStringLiteral("0")}
                               << QStringLiteral("--top");
        QTest::newRow("both profile options")
            << QStringList{QStringLiteral("--profile"), QStringLiteral("ann"),
                           QStringLiteral("--all-profiles")}
            << QStringLiteral("either");
        QTest::newRow("until before since")
            << QStringList{QStringLiteral("--since"), QStringLiteral("2024-05-01"),
                           QStringLiteral("--until"), QStringLiteral("2024-04-01")}
            << QStringLiteral("--until");
        QTest::newRow("bad date") << QStringList{QStringLiteral("--since"),
                                                 QStringLiteral("yesterday")}
                                  << QStringLiteral("since");
    }

    void usageErrors() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliRun run = runCli(QStringList{QStringLiteral("stats")} + db_ + arguments);
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void unknownProfileIsARuntimeError() {
        const CliRun run =
            runCli(QStringList{QStringLiteral("stats")} + db_ +
                   QStringList{QStringLiteral("--profile"), QStringLiteral("nobody")});
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.contains(QStringLiteral("nobody")));
    }
};

QTEST_GUILESS_MAIN(TestStatsCli)
#include "tst_statscli.moc"
