// encore-cli eval / recommend / similar on a real fixture database, in-process.

#include "recofixture.h"

#include "clitestsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace encore;
using encore::test::PlantedLibrary;
using encore::test::RecoFixture;

using test::CliRun;
using test::runCli;

class TestRecoCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        library_ = PlantedLibrary::plant(fixture_);
        // Past the product's 200-play threshold, so that the CLI trains and checkpoints a model.
        QList<Play> more;
        const qint64 start = PlantedLibrary::kNow - 60 * 86400;
        for (int i = 0; i < 60; ++i)
            more << RecoFixture::play(library_.profile, library_.filler[i % 20],
                                      start + (i / 3) * 7200 + (i % 3) * RecoFixture::kSongSeconds);
        fixture_.addPlays(more);
        db_ = fixture_.database().path();
    }

    void evalWritesTheAgreedJson() {
        const QString path = fixture_.folder() + QStringLiteral("/eval.json");
        const CliRun run = runCli(
            {QStringLiteral("eval"), QStringLiteral("--db"), db_, QStringLiteral("--split"),
             QStringLiteral("time:0.9"), QStringLiteral("--k"), QStringLiteral("1,10,100"),
             QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--json"), path});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("two_tower")));
        QVERIFY(run.out.contains(QStringLiteral("repeat listens")));
        // The learned blend is shown term by term, with what each term means.
        QVERIFY2(run.out.contains(QStringLiteral("listwise model")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("vsknn")), qPrintable(run.out));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject root = doc.object();
        QCOMPARE(root.keys(), QStringList({"results", "split"}));
        QCOMPARE(root.value(QStringLiteral("split")).toString(), QStringLiteral("time:0.9"));
        const QJsonObject results = root.value(QStringLiteral("results")).toObject();
        QCOMPARE(results.keys(), QStringList({"blend", "content", "cooccurrence", "popular", "sr",
                                              "two_tower", "user_popular", "vsknn"}));
        for (const QString& method : results.keys()) {
            const QJsonObject m = results.value(method).toObject();
            for (const char* key : {"hr@1", "hr@10", "hr@100", "ndcg@1", "ndcg@10", "ndcg@100",
                                    "top_1", "top_10", "top_100"}) {
                QVERIFY2(m.value(QLatin1String(key)).isDouble(), key);
                const double v = m.value(QLatin1String(key)).toDouble();
                QVERIFY2(v >= 0.0 && v <= 1.0, key);
            }
            QVERIFY(m.value(QStringLiteral("hr@1")).toDouble() <=
                    m.value(QStringLiteral("hr@100")).toDouble());
            for (const QString& key : m.keys())
                QVERIFY2(m.value(key).isDouble(), qPrintable(key));  // scripts read numbers only
            QVERIFY(m.contains(QStringLiteral("repeat_hr@10")));
            QVERIFY(m.contains(QStringLiteral("new_ndcg@100")));
            QCOMPARE(m.value(QStringLiteral("count")).toInt(),
                     m.value(QStringLiteral("repeat_count")).toInt() +
                         m.value(QStringLiteral("new_count")).toInt());
        }
    }

    void evalJsonToStdout() {
        const CliRun run = runCli(
            {QStringLiteral("eval"), QStringLiteral("--db"), db_, QStringLiteral("--split"),
             QStringLiteral("random:0.8"), QStringLiteral("--no-blend"), QStringLiteral("--epochs"),
             QStringLiteral("1"), QStringLiteral("--json"), QStringLiteral("-")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(root.value(QStringLiteral("split")).toString(), QStringLiteral("random:0.8"));
        QVERIFY(
            !root.value(QStringLiteral("results")).toObject().contains(QStringLiteral("blend")));
        QVERIFY(
            root.value(QStringLiteral("results")).toObject().contains(QStringLiteral("two_tower")));
    }

    void evalGlobalTimeNamesItsSplitAndProfileIntervals() {
        const CliRun run =
            runCli({QStringLiteral("eval"), QStringLiteral("--db"), db_, QStringLiteral("--split"),
                    QStringLiteral("global-time:0.9"), QStringLiteral("--epochs"),
                    QStringLiteral("1"), QStringLiteral("--json"), QStringLiteral("-")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(root.value(QStringLiteral("split")).toString(), QStringLiteral("global-time:0.9"));
        const QJsonObject results = root.value(QStringLiteral("results")).toObject();
        QVERIFY(results.contains(QStringLiteral("blend")));
        for (const QString& method : results.keys()) {
            const QJsonObject m = results.value(method).toObject();
            QVERIFY(m.value(QStringLiteral("profiles")).toInt() >= 1);
            for (const char* metric : {"profile_hr@10", "profile_ndcg@10"}) {
                const QString key = QLatin1String(metric);
                const double mean = m.value(key).toDouble(-1);
                QVERIFY2(m.value(key + QStringLiteral("_low")).toDouble(2) <= mean, metric);
                QVERIFY2(mean <= m.value(key + QStringLiteral("_high")).toDouble(-1), metric);
            }
        }
    }

    void evalRefusesBadOptions_data() {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("message");
        QTest::newRow("split kind") << QStringList{"--split", "future:0.9"} << "--split";
        QTest::newRow("split share") << QStringList{"--split", "time:1.5"} << "--split";
        QTest::newRow("k") << QStringList{"--k", "10,zero"} << "--k";
        QTest::newRow("epochs") << QStringList{"--epochs", "0"} << "--epochs";
    }

    void evalRefusesBadOptions() {
        QFETCH(QStringList, options);
        QFETCH(QString, message);
        const CliRun run =
            runCli(QStringList{QStringLiteral("eval"), QStringLiteral("--db"), db_} + options);
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void recommendPrintsReasons() {
        const CliRun run = runCli({QStringLiteral("recommend"), QStringLiteral("--db"), db_,
                                   QStringLiteral("--after"), QString::number(library_.a),
                                   QStringLiteral("--at"), QString::number(PlantedLibrary::kNow)});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 10);
        bool found = false;
        for (const QString& line : lines) {
            const QStringList f = line.split(QLatin1Char('\t'));
            QCOMPARE(f.size(), 4);
            QVERIFY(!f[3].isEmpty());
            QVERIFY(f[0].toLongLong() != library_.a);
            if (f[0].toLongLong() == library_.b) {
                QCOMPARE(f[3], QStringLiteral("you often play this after Alpha (12 times)"));
                found = true;
            }
        }
        QVERIFY(found);
        QVERIFY(QFile::exists(fixture_.folder() + QStringLiteral("/recommender.ckpt")));
        QVERIFY(run.err.contains(QStringLiteral("Recommended by:")));
    }

    void recommendAsJson() {
        const CliRun run =
            runCli({QStringLiteral("recommend"), QStringLiteral("--db"), db_,
                    QStringLiteral("--count"), QStringLiteral("3"), QStringLiteral("--json")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonArray array = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(array.size(), 3);
        for (const QJsonValue& v : array) {
            const QJsonObject o = v.toObject();
            QVERIFY(o.value(QStringLiteral("id")).toInteger() > 0);
            QVERIFY(!o.value(QStringLiteral("reason")).toString().isEmpty());
            QVERIFY(!o.value(QStringLiteral("reason_kind")).toString().isEmpty());
        }
    }

    void similarNeverListsTheTrack() {
        const CliRun run =
            runCli({QStringLiteral("similar"), QString::number(library_.a), QStringLiteral("--db"),
                    db_, QStringLiteral("--count"), QStringLiteral("5")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        for (const QString& line : lines)
            QVERIFY(line.section(QLatin1Char('\t'), 0, 0).toLongLong() != library_.a);
    }

    void similarOfAnUnknownTrackFails() {
        const CliRun unknown = runCli(
            {QStringLiteral("similar"), QStringLiteral("999999"), QStringLiteral("--db"), db_});
        QCOMPARE(unknown.code, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("999999")));
        const CliRun missing = runCli({QStringLiteral("similar"), QStringLiteral("--db"), db_});
        QCOMPARE(missing.code, 1);
    }

private:
    RecoFixture fixture_;
    PlantedLibrary library_;
    QString db_;
};

QTEST_GUILESS_MAIN(TestRecoCli)
#include "tst_recocli.moc"
