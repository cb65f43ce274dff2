#include "clitestsupport.h"
#include "library/tagwriter.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace encore;

using test::CliRun;
using test::runCli;

class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void noCommandIsAUsageError() {
        const CliRun run = runCli({});
        QCOMPARE(run.code, 1);
        QVERIFY(run.err.contains(QStringLiteral("Commands:")));
    }

    void unknownCommandIsAUsageError() {
        const CliRun run = runCli({QStringLiteral("frobnicate")});
        QCOMPARE(run.code, 1);
        QVERIFY(run.err.contains(QStringLiteral("unknown command \"frobnicate\"")));
    }

    void everyCommandHasHelp_data() {
        QTest::addColumn<QString>("command");
        const CliRun overview = runCli({QStringLiteral("--help")});
        QCOMPARE(overview.code, 0);
        for (const QString& line : overview.out.split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("  ")) && !line.trimmed().isEmpty()) {
                const QString name = line.trimmed().section(QLatin1Char(' '), 0, 0);
                QTest::newRow(qPrintable(name)) << name;
            }
        }
    }
    void everyCommandHasHelp() {
        QFETCH(QString, command);
        const CliRun run = runCli({command, QStringLiteral("--help")});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(QStringLiteral("--db")), qPrintable(run.out));
        QVERIFY(run.out.contains(command));
    }

    void unknownOptionIsAUsageError() {
        const CliRun run = runCli({QStringLiteral("tracks"), QStringLiteral("--bogus")});
        QCOMPARE(run.code, 1);
        QVERIFY(run.err.contains(QStringLiteral("bogus")));
    }

    void scanOfAMissingFolderIsAUsageError() {
        const CliRun run = runCli({QStringLiteral("scan"), QStringLiteral("/nonexistent/music")});
        QCOMPARE(run.code, 1);
        QVERIFY(run.err.contains(QStringLiteral("/nonexistent/music")));
    }

    void unusableDatabaseIsARuntimeError() {
        QTemporaryDir music;
        const CliRun run = runCli({QStringLiteral("scan"), music.path(), QStringLiteral("--db"),
                                   QStringLiteral("/proc/nope/encore.sqlite")});
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.startsWith(QStringLiteral("encore-cli: ")));
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);  // one line
    }

    void scanThenListTracks() {
        QTemporaryDir dir;
        const QString music = dir.filePath(QStringLiteral("music"));
        const QString db = dir.filePath(QStringLiteral("db.sqlite"));
        QDir().mkpath(music + QStringLiteral("/Nina Simone"));
        const QString file = music + QStringLiteral("/Nina Simone/Feeling Good.mp3");
        QVERIFY(QFile::copy(QStringLiteral(ENCORE_TEST_DATA "/audio/clip.mp3"), file));
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
        TrackTags tags;
        tags.artist = QStringLiteral("Nina Simone");
        tags.title = QStringLiteral("Feeling Good");
        tags.genres = {QStringLiteral("Jazz"), QStringLiteral("Soul")};
        QVERIFY(writeTrackTags(file, tags).ok());

        const CliRun scan = runCli({QStringLiteral("scan"), music, QStringLiteral("--db"), db});
        QCOMPARE(scan.code, 0);
        QVERIFY2(scan.out.contains(QStringLiteral("added 1,")), qPrintable(scan.out));
        QVERIFY(scan.out.contains(QStringLiteral("files/s")));

        const CliRun json = runCli(
            {QStringLiteral("tracks"), QStringLiteral("--json"), QStringLiteral("--db"), db});
        QCOMPARE(json.code, 0);
        const QJsonArray tracks = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(tracks.size(), 1);
        QCOMPARE(tracks[0][QStringLiteral("title")].toString(), QStringLiteral("Feeling Good"));
        QCOMPARE(tracks[0][QStringLiteral("genres")].toArray().size(), 2);

        const CliRun where = runCli({QStringLiteral("tracks"), QStringLiteral("--where"),
                                     QStringLiteral("soul"), QStringLiteral("--db"), db});
        QCOMPARE(where.code, 0);
        QVERIFY(where.out.contains(QStringLiteral("Feeling Good")));
        const CliRun none = runCli({QStringLiteral("tracks"), QStringLiteral("--where"),
                                    QStringLiteral("100%_"), QStringLiteral("--db"), db});
        QCOMPARE(none.code, 0);
        QVERIFY(!none.out.contains(QStringLiteral("Feeling Good")));  // % and _ are literal
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
