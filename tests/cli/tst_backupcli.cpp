#include "clitestsupport.h"
#include "engine.h"
#include "store/backupfixture.h"
#include "store/databasebackup.h"
#include "store/sessionlock.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QtTest>

using namespace encore;

using test::CliRun;
using test::runCli;

class TestBackupCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void backupThenRestoreBringsBackEveryListen() {
        test::TempDatabase temp;
        const QString db = temp.database.path();
        const QList<qint64> ids = test::addPlays(temp.database, 120);

        const CliRun backup = runCli({QStringLiteral("backup"), QStringLiteral("--db"), db});
        QCOMPARE(backup.code, 0);
        const QRegularExpressionMatch printed =
            QRegularExpression(QStringLiteral("^backed up to (\\S+) \\((\\d+) bytes, [0-9.]+ s\\)"))
                .match(backup.out);
        QVERIFY2(printed.hasMatch(), qPrintable(backup.out));
        const QString file = printed.captured(1);
        QCOMPARE(QFileInfo(file).size(), printed.captured(2).toLongLong());

        const CliRun listed = runCli(
            {QStringLiteral("backup"), QStringLiteral("--list"), QStringLiteral("--db"), db});
        QCOMPARE(listed.code, 0);
        QVERIFY(listed.out.startsWith(file));

        test::addPlays(temp.database, 4, 1800000000);
        QVERIFY(test::zeroPagesAfterTheFirst(db));
        const CliRun restore =
            runCli({QStringLiteral("restore"), file, QStringLiteral("--db"), db});
        QCOMPARE(restore.code, 0);
        QVERIFY2(restore.out.contains(QStringLiteral(": 120 listens")), qPrintable(restore.out));
        QVERIFY(restore.out.contains(QStringLiteral(".before-restore-")));
        QCOMPARE(test::playIds(temp.database), ids);
    }

    void restoreOfAMissingBackupNamesItAndChangesNothing() {
        test::TempDatabase temp;
        const QList<qint64> ids = test::addPlays(temp.database, 3);
        const QString missing = temp.dir.filePath(QStringLiteral("nope.sqlite"));
        const CliRun run = runCli(
            {QStringLiteral("restore"), missing, QStringLiteral("--db"), temp.database.path()});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(missing), qPrintable(run.err));
        QCOMPARE(test::playIds(temp.database), ids);
    }

    // A running Encore holds <database>.running locked: restore refuses and changes nothing.
    // After it quits, or with only a stale marker left by a crash, restore goes ahead.
    void restoreRefusesWhileEncoreRuns() {
        test::TempDatabase temp;
        const QString db = temp.database.path();
        test::addPlays(temp.database, 30);
        const CliRun backup = runCli({QStringLiteral("backup"), QStringLiteral("--db"), db});
        QCOMPARE(backup.code, 0);
        const QString file = backup.out.section(QLatin1Char(' '), 3, 3);
        QVERIFY2(QFileInfo::exists(file), qPrintable(backup.out));
        {
            Engine engine(temp.database);
            QVERIFY(engine.start().ok());
            QVERIFY(SessionLock::heldElsewhere(db));
            const CliRun refused =
                runCli({QStringLiteral("restore"), file, QStringLiteral("--db"), db});
            QVERIFY(refused.code != 0);
            QVERIFY2(refused.err.contains(QLatin1String("Encore is running with")),
                     qPrintable(refused.err));
            const QFileInfo info(db);
            QVERIFY(info.dir()
                        .entryList({info.fileName() + QStringLiteral(".before-restore*")})
                        .isEmpty());  // nothing was set aside: the file was not touched
        }
        QVERIFY(!SessionLock::heldElsewhere(db));
        // A crash leaves the marker but no lock.
        QFile stale(SessionLock::markerPath(db));
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.close();
        QVERIFY(!SessionLock::heldElsewhere(db));
        const CliRun restored =
            runCli({QStringLiteral("restore"), file, QStringLiteral("--db"), db});
        QVERIFY2(restored.code == 0, qPrintable(restored.err));
    }

    void restoreNeedsABackup() {
        const CliRun run = runCli({QStringLiteral("restore")});
        QCOMPARE(run.code, 1);
        QVERIFY(run.err.contains(QStringLiteral("BACKUP")));
    }
};

QTEST_GUILESS_MAIN(TestBackupCli)
#include "tst_backupcli.moc"
