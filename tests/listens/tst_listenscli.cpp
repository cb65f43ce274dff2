// encore-cli import / plays / export / forget / profiles, run in-process like the real binary.
#include "clitestsupport.h"
#include "listensfixtures.h"
#include "listenstestsupport.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace encore;

namespace {

const QByteArray kHistory = fx::cliHistory();

}  // namespace

class TestListensCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString db_;

    test::CliRun cli(QStringList arguments) {
        return test::runCli(arguments << QStringLiteral("--db") << db_);
    }

private Q_SLOTS:
    void init() {
        db_ =
            dir_.filePath(QStringLiteral("db-%1.sqlite").arg(QDateTime::currentMSecsSinceEpoch()));
    }

    void importPrintsCountsPerFileAndTotal() {
        const QString file =
            test::writeFixture(dir_.filePath(QStringLiteral("StreamingHistory0.json")), kHistory);
        const test::CliRun first = cli(
            {QStringLiteral("import"), file, QStringLiteral("--time-zone"), QStringLiteral("UTC")});
        QCOMPARE(first.code, 0);
        QVERIFY2(
            first.out.contains(QStringLiteral("StreamingHistory0.json (spotify-basic): matched "
                                              "0, unmatched 4, duplicates 0")),
            qPrintable(first.out));
        QVERIFY(first.out.contains(QStringLiteral("total: matched 0, unmatched 4, duplicates 0")));
        const test::CliRun again = cli({QStringLiteral("import"), file});
        QCOMPARE(again.code, 0);
        QVERIFY2(again.out.contains(QStringLiteral("total: matched 0, unmatched 0, duplicates 4")),
                 qPrintable(again.out));
    }

    void importExitCodes() {
        QCOMPARE(cli({QStringLiteral("import")}).code, 1);  // nothing named
        const test::CliRun zone =
            cli({QStringLiteral("import"), dir_.path(), QStringLiteral("--time-zone"),
                 QStringLiteral("Mars/Olympus")});
        QCOMPARE(zone.code, 1);
        const QString bad = test::writeFixture(dir_.filePath(QStringLiteral("bad.json")),
                                               "[{\"endTime\": \"2024-05-01 10:04\", ");
        const QString good =
            test::writeFixture(dir_.filePath(QStringLiteral("StreamingHistory0.json")), kHistory);
        const test::CliRun run = cli({QStringLiteral("import"), good, bad});
        QCOMPARE(run.code, 2);  // one file failed...
        QVERIFY(run.err.contains(QStringLiteral("bad.json")));
        QVERIFY(run.out.contains(QStringLiteral("unmatched 4")));  // ...the other is in
        QCOMPARE(cli({QStringLiteral("import"), dir_.filePath(QStringLiteral("none.json"))}).code,
                 2);
    }

    void playsListsAndFilters() {
        const QString file =
            test::writeFixture(dir_.filePath(QStringLiteral("StreamingHistory0.json")), kHistory);
        QCOMPARE(cli({QStringLiteral("import"), file, QStringLiteral("--time-zone"),
                      QStringLiteral("UTC")})
                     .code,
                 0);
        const test::CliRun all = cli({QStringLiteral("plays")});
        QCOMPARE(all.code, 0);
        const QStringList lines = all.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4);
        QVERIFY2(
            lines[0].startsWith(QStringLiteral("2024-05-03 08:54\tfinished\t5:05\tMuse\tUprising")),
            qPrintable(lines[0]));  // newest first, in the listen's local time (UTC here)
        QVERIFY(lines[2].contains(QStringLiteral("skipped\t0:20")));

        const test::CliRun range =
            cli({QStringLiteral("plays"), QStringLiteral("--since"),
                 QStringLiteral("2024-05-02T00:00Z"), QStringLiteral("--until"),
                 QStringLiteral("2024-05-03T00:00Z"), QStringLiteral("--json")});
        QCOMPARE(range.code, 0);
        const QJsonArray json = QJsonDocument::fromJson(range.out.toUtf8()).array();
        QCOMPARE(json.size(), 1);
        QCOMPARE(json[0][QStringLiteral("title")].toString(), QStringLiteral("Hysteria"));
        QCOMPARE(json[0][QStringLiteral("end_reason")].toString(), QStringLiteral("finished"));
        QCOMPARE(json[0][QStringLiteral("started_at")].toString(),
                 QStringLiteral("2024-05-02T08:56:13Z"));

        QCOMPARE(
            cli({QStringLiteral("plays"), QStringLiteral("--since"), QStringLiteral("soon")}).code,
            1);
        const test::CliRun nobody =
            cli({QStringLiteral("plays"), QStringLiteral("--profile"), QStringLiteral("nobody")});
        QCOMPARE(nobody.code, 2);
        QVERIFY(nobody.err.contains(QStringLiteral("nobody")));
    }

    void exportWritesEveryListen() {
        const QString file =
            test::writeFixture(dir_.filePath(QStringLiteral("StreamingHistory0.json")), kHistory);
        cli({QStringLiteral("import"), file, QStringLiteral("--time-zone"), QStringLiteral("UTC")});
        const test::CliRun lb = cli(
            {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("listenbrainz")});
        QCOMPARE(lb.code, 0);
        const QStringList lines = lb.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4);
        QVERIFY(QJsonDocument::fromJson(lines[0].toUtf8())
                    .object()
                    .contains(QStringLiteral("listened_at")));
        const QString csvPath = dir_.filePath(QStringLiteral("out.csv"));
        const test::CliRun csv =
            cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
                 QStringLiteral("--since"), QStringLiteral("2024-05-02T00:00Z"),
                 QStringLiteral("-o"), csvPath});
        QCOMPARE(csv.code, 0);
        QFile out(csvPath);
        QVERIFY(out.open(QIODevice::ReadOnly));
        QCOMPARE(out.readAll().count('\n'), 3);  // header + 2 listens
        QCOMPARE(cli({QStringLiteral("export")}).code, 1);
        QCOMPARE(
            cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("xml")}).code,
            1);
    }

    void forgetByRangeTrackAndAll() {
        const QString file =
            test::writeFixture(dir_.filePath(QStringLiteral("StreamingHistory0.json")), kHistory);
        cli({QStringLiteral("import"), file, QStringLiteral("--time-zone"), QStringLiteral("UTC")});
        QCOMPARE(cli({QStringLiteral("forget")}).code, 1);  // say what
        QCOMPARE(cli({QStringLiteral("forget"), QStringLiteral("--all"), QStringLiteral("--track"),
                      QStringLiteral("1")})
                     .code,
                 1);
        const test::CliRun range = cli({QStringLiteral("forget"), QStringLiteral("--from"),
                                        QStringLiteral("2024-05-02T00:00Z"), QStringLiteral("--to"),
                                        QStringLiteral("2024-05-02T23:59Z")});
        QCOMPARE(range.code, 0);
        QVERIFY2(range.out.contains(QStringLiteral("forgot 1 listens")), qPrintable(range.out));
        const QJsonArray left =
            QJsonDocument::fromJson(
                cli({QStringLiteral("plays"), QStringLiteral("--json")}).out.toUtf8())
                .array();
        QCOMPARE(left.size(), 3);
        const qint64 uprising = left[0][QStringLiteral("track_id")].toInteger();
        const test::CliRun track =
            cli({QStringLiteral("forget"), QStringLiteral("--track"), QString::number(uprising)});
        QVERIFY2(track.out.contains(QStringLiteral("forgot 2 listens")), qPrintable(track.out));
        const test::CliRun all = cli({QStringLiteral("forget"), QStringLiteral("--all")});
        QVERIFY(all.out.contains(QStringLiteral("forgot 1 listens")));
        QVERIFY(cli({QStringLiteral("plays")}).out.isEmpty());
    }

    void profilesManageListeners() {
        test::CliRun list = cli({QStringLiteral("profiles")});
        QCOMPARE(list.code, 0);
        QCOMPARE(list.out, QStringLiteral("* default\t0 listens\n"));
        QCOMPARE(
            cli({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("Alex Doe")})
                .code,
            0);
        QCOMPARE(
            cli({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("alex doe")})
                .code,
            2);
        QCOMPARE(cli({QStringLiteral("profiles"), QStringLiteral("add")}).code, 1);
        QCOMPARE(cli({QStringLiteral("profiles"), QStringLiteral("dance")}).code, 1);
        const QString file =
            test::writeFixture(dir_.filePath(QStringLiteral("StreamingHistory0.json")), kHistory);
        cli({QStringLiteral("import"), file, QStringLiteral("--profile"),
             QStringLiteral("Alex Doe")});
        QCOMPARE(
            cli({QStringLiteral("profiles"), QStringLiteral("use"), QStringLiteral("Alex Doe")})
                .code,
            0);
        list = cli({QStringLiteral("profiles"), QStringLiteral("list")});
        QVERIFY2(list.out.contains(QStringLiteral("* Alex Doe\t4 listens")), qPrintable(list.out));
        QCOMPARE(cli({QStringLiteral("plays")}).out.count(QLatin1Char('\n')), 4);  // the active one
        const test::CliRun refuse =
            cli({QStringLiteral("profiles"), QStringLiteral("remove"), QStringLiteral("Alex Doe")});
        QCOMPARE(refuse.code, 2);
        QVERIFY(refuse.err.contains(QStringLiteral("active")));
        cli({QStringLiteral("profiles"), QStringLiteral("use"), QStringLiteral("default")});
        QCOMPARE(
            cli({QStringLiteral("profiles"), QStringLiteral("remove"), QStringLiteral("Alex Doe")})
                .code,
            0);
        QCOMPARE(cli({QStringLiteral("profiles")}).out, QStringLiteral("* default\t0 listens\n"));
    }

    void everyCommandHasHelp_data() {
        QTest::addColumn<QString>("command");
        for (const char* name : {"import", "plays", "export", "forget", "profiles"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void everyCommandHasHelp() {
        QFETCH(QString, command);
        const test::CliRun run = cli({command, QStringLiteral("--help")});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(command));
        QVERIFY(run.out.contains(QStringLiteral("--db")));
        QVERIFY(run.out.contains(QStringLiteral("--profile")));
    }
};

QTEST_GUILESS_MAIN(TestListensCli)
#include "tst_listenscli.moc"
