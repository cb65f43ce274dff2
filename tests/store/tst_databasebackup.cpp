#include "backupfixture.h"
#include "engine.h"
#include "store/databasebackup.h"
#include "store/databasehealth.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

using namespace encore;

class TestDatabaseBackup : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void backupIsACheckedCopyNamedByTimeAndSchema() {
        test::TempDatabase temp;
        const QList<qint64> ids = test::addPlays(temp.database, 50);
        const Result<BackupReport> report = DatabaseBackup(temp.database).backUp();
        QVERIFY2(report.ok(), qPrintable(report.error()));
        const QFileInfo file(report->file.path);
        QCOMPARE(file.absolutePath(), temp.dir.filePath(QStringLiteral("backups")));
        QVERIFY2(file.fileName().endsWith(
                     QStringLiteral("Z-schema%1.sqlite").arg(Database::latestSchemaVersion())),
                 qPrintable(file.fileName()));
        QCOMPARE(report->file.bytes, file.size());
        QVERIFY(DatabaseBackup::check(report->file.path).ok);
        QCOMPARE(countPlays(report->file.path).value_or(-1), qint64(ids.size()));
        // one file: no temporary, journal or WAL left beside it
        QCOMPARE(QDir(file.absolutePath()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    void corruptDatabaseIsReportedAndRestoredWithEveryPlay() {
        test::TempDatabase temp;
        const QList<qint64> ids = test::addPlays(temp.database, 3000);
        QElapsedTimer timer;
        timer.start();
        const Result<BackupReport> backup = DatabaseBackup(temp.database).backUp();
        QVERIFY2(backup.ok(), qPrintable(backup.error()));
        qInfo("backup of %lld plays (%lld bytes): %.3f s", qint64(ids.size()), backup->file.bytes,
              backup->seconds);
        test::addPlays(temp.database, 7, 1800000000);  // after the backup: what a restore loses
        QVERIFY(DatabaseBackup::check(temp.database.path()).ok);
        QVERIFY(checkDatabaseHealth(temp.database).ok);

        QVERIFY(test::zeroPagesAfterTheFirst(temp.database.path()));
        const DatabaseHealth health = checkDatabaseHealth(temp.database);
        qInfo("%s", qPrintable(health.message));
        QVERIFY(!health.ok);
        QVERIFY(!health.integrity.problems.isEmpty());
        QVERIFY(health.backup.has_value());
        QCOMPARE(health.backup->path, backup->file.path);
        QCOMPARE(health.backup_plays, qint64(ids.size()));
        QVERIFY2(health.message.contains(temp.database.path()), qPrintable(health.message));
        QVERIFY(health.message.contains(backup->file.path));
        QVERIFY(health.message.contains(QStringLiteral("3,000 listens")) ||
                health.message.contains(QStringLiteral("3000 listens")));
        if (health.plays_lost)
            QCOMPARE(*health.plays_lost, qint64(7));
        else
            QVERIFY2(health.message.contains(QStringLiteral("the listens after")),
                     qPrintable(health.message));

        {  // the app's start refuses it with the same words
            Engine engine(temp.database);
            const Status started = engine.start();
            QVERIFY(!started.ok());
            QCOMPARE(started.error(), health.message);
            QVERIFY(!engine.isStarted());
        }

        const Result<RestoreReport> restored =
            DatabaseBackup(temp.database).restore(backup->file.path);
        QVERIFY2(restored.ok(), qPrintable(restored.error()));
        QCOMPARE(restored->plays, qint64(ids.size()));
        QVERIFY(QFileInfo::exists(restored->set_aside));  // the damaged file is kept
        QVERIFY(restored->set_aside.contains(QStringLiteral(".before-restore-")));
        QVERIFY(checkDatabaseHealth(temp.database).ok);
        const Status migrated = temp.database.migrate();
        QVERIFY2(migrated.ok(), qPrintable(migrated.error()));
        QCOMPARE(test::playIds(temp.database), ids);
    }

    void damagedIndexStillCountsTheListensARestoreLoses() {
        test::TempDatabase temp;
        test::addPlays(temp.database, 500);
        const Result<BackupReport> backup = DatabaseBackup(temp.database).backUp();
        QVERIFY(backup.ok());
        test::addPlays(temp.database, 9, 1800000000);
        QVERIFY(test::zeroIndexRoot(temp.database, QStringLiteral("plays_by_track")));
        const DatabaseHealth health = checkDatabaseHealth(temp.database);
        QVERIFY(!health.ok);
        QCOMPARE(health.backup_plays, qint64(500));
        QVERIFY(health.plays_lost.has_value());
        QCOMPARE(*health.plays_lost, qint64(9));
        QVERIFY2(health.message.contains(QStringLiteral("loses 9 listens logged after it")),
                 qPrintable(health.message));
    }

    // After a clean exit the check runs in the background: damage that lets the library open
    // is said by databaseDamaged, and the marker stays so that the next start checks first and
    // refuses. After a crash (the marker left behind) the start checks before anything else.
    void damageAfterACleanExitIsFoundInTheBackground() {
        test::TempDatabase temp;
        test::addPlays(temp.database, 300);
        QVERIFY(DatabaseBackup(temp.database).backUp().ok());
        const QString marker = temp.database.path() + QStringLiteral(".running");
        {
            Engine engine(temp.database);
            QVERIFY(engine.start().ok());
            QVERIFY(QFileInfo::exists(marker));  // the session is running
        }
        QVERIFY(!QFileInfo::exists(marker));  // and ended cleanly
        QVERIFY(test::zeroIndexRoot(temp.database, QStringLiteral("plays_by_track")));
        {
            Engine engine(temp.database);
            engine.setMaintenanceDelayMs(0);
            QSignalSpy damaged(&engine, &Engine::databaseDamaged);
            QVERIFY(engine.start().ok());  // the index does not stop the library opening
            QVERIFY(damaged.wait(30000));
            QVERIFY(!engine.health().ok);
            QVERIFY(engine.health().message.contains(temp.database.path()));
        }
        QVERIFY(QFileInfo::exists(marker));  // kept: the next start checks first
        Engine again(temp.database);
        const Status started = again.start();
        QVERIFY(!started.ok());
        QVERIFY2(started.error().contains(QStringLiteral("is damaged")),
                 qPrintable(started.error()));
    }

    void backupRunsWhileAnotherConnectionWrites() {
        test::TempDatabase temp;
        const QList<qint64> ids = test::addPlays(temp.database, 40);
        ScopedConnection writer(temp.database, QStringLiteral("writer"));
        QSqlQuery write(writer.db());
        QVERIFY(write.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(write.exec(QStringLiteral("DELETE FROM plays")));  // not committed
        const Result<BackupReport> report = DatabaseBackup(temp.database).backUp();
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QCOMPARE(countPlays(report->file.path).value_or(-1), qint64(ids.size()));
        QVERIFY(write.exec(QStringLiteral("ROLLBACK")));
    }

    void pruningKeepsTheNewest() {
        test::TempDatabase temp;
        test::addPlays(temp.database, 5);
        const DatabaseBackup backups(temp.database, 3);
        QStringList written;
        for (int i = 0; i < 5; ++i) {
            const Result<BackupReport> report = backups.backUp();
            QVERIFY2(report.ok(), qPrintable(report.error()));
            written << report->file.path;
        }
        const QList<BackupFile> kept = backups.list();
        QCOMPARE(kept.size(), 3);
        QCOMPARE(kept[0].path, written[4]);  // newest first
        QCOMPARE(kept[2].path, written[2]);
        QVERIFY(!QFileInfo::exists(written[0]));
        QVERIFY(!QFileInfo::exists(written[1]));

        // an interrupted backup's temporary goes once it is an hour old, a fresh one stays
        const QString stale =
            backups.folder() + QStringLiteral("/.encore-1-schema7.sqlite.partial");
        const QString fresh =
            backups.folder() + QStringLiteral("/.encore-2-schema7.sqlite.partial");
        for (const QString& path : {stale, fresh}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("half");
        }
        {
            QFile file(stale);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(-2 * 60 * 60),
                                     QFileDevice::FileModificationTime));
        }
        const Result<BackupReport> last = backups.backUp();
        QVERIFY(last.ok());
        QVERIFY(last->pruned.contains(stale));
        QVERIFY(!QFileInfo::exists(stale));
        QVERIFY(QFileInfo::exists(fresh));
    }

    void unwritableDestinationIsAClearError() {
        test::TempDatabase temp;
        const QList<qint64> ids = test::addPlays(temp.database, 5);
        QFile blocker(
            temp.dir.filePath(QStringLiteral("backups")));  // a file where the folder goes
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const Result<BackupReport> report = DatabaseBackup(temp.database).backUp();
        QVERIFY(!report.ok());
        QVERIFY2(report.error().contains(temp.dir.filePath(QStringLiteral("backups"))),
                 qPrintable(report.error()));
        QVERIFY(report.error().contains(QStringLiteral("permissions")));
        QCOMPARE(test::playIds(temp.database), ids);  // nothing lost
    }

    void damagedBackupIsNotRestored() {
        test::TempDatabase temp;
        test::addPlays(temp.database, 200);
        const Result<BackupReport> backup = DatabaseBackup(temp.database).backUp();
        QVERIFY(backup.ok());
        const QList<qint64> ids = test::addPlays(temp.database, 3, 1800000000);
        QVERIFY(test::zeroPagesAfterTheFirst(backup->file.path));
        const Result<RestoreReport> restored =
            DatabaseBackup(temp.database).restore(backup->file.path);
        QVERIFY(!restored.ok());
        QVERIFY2(restored.error().contains(QStringLiteral("Nothing was changed")),
                 qPrintable(restored.error()));
        QCOMPARE(test::playIds(temp.database).size(), 203);
    }

    void migrationBacksUpTheOldSchemaFirst() {
        QTemporaryDir dir;
        Database database(dir.filePath(QStringLiteral("old.sqlite")));
        const int older = Database::latestSchemaVersion() - 1;
        QVERIFY(database.migrateTo(older).ok());
        QVERIFY(DatabaseBackup(database).list().isEmpty());
        QVERIFY(database.migrate().ok());
        const QList<BackupFile> backups = DatabaseBackup(database).list();
        QCOMPARE(backups.size(), 1);
        QCOMPARE(backups[0].schema_version, older);
        QVERIFY(database.migrate().ok());  // no upgrade, no new backup
        QCOMPARE(DatabaseBackup(database).list().size(), 1);
    }

    void engineStartBacksUpOncePerDay() {
        test::TempDatabase temp;
        test::addPlays(temp.database, 20);
        {
            Engine engine(temp.database);
            engine.setMaintenanceDelayMs(0);
            QSignalSpy backedUp(&engine, &Engine::backedUp);
            QVERIFY(engine.start().ok());
            QVERIFY(engine.health().ok);
            QVERIFY(backedUp.wait(20000));
        }
        QCOMPARE(DatabaseBackup(temp.database).list().size(), 1);
        {
            Engine engine(temp.database);
            engine.setMaintenanceDelayMs(0);
            QSignalSpy backedUp(&engine, &Engine::backedUp);
            QVERIFY(engine.start().ok());
            QVERIFY(!backedUp.wait(1000));  // the newest is minutes old, not a day
        }
        QCOMPARE(DatabaseBackup(temp.database).list().size(), 1);
    }

    // A session left open for days: once the newest backup is a day old, the running engine
    // takes the next one (here the newest is made two days old by its name).
    void aLongSessionGetsItsNextDailyBackup() {
        test::TempDatabase temp;
        test::addPlays(temp.database, 20);
        Engine engine(temp.database);
        engine.setMaintenanceDelayMs(0);
        engine.setBackupCheckIntervalMs(100);
        QSignalSpy backedUp(&engine, &Engine::backedUp);
        QVERIFY(engine.start().ok());
        QVERIFY(backedUp.wait(20000));
        QVERIFY(!backedUp.wait(500));  // checked again, but not due yet
        const QList<BackupFile> first = DatabaseBackup(temp.database).list();
        QCOMPARE(first.size(), 1);
        const QDateTime old = first[0].taken_at.addDays(-2);
        const QString base = QFileInfo(temp.database.path()).completeBaseName();
        const QString aged =
            QFileInfo(first[0].path)
                .dir()
                .filePath(QStringLiteral("%1-%2Z-schema%3.sqlite")
                              .arg(base, old.toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz")))
                              .arg(first[0].schema_version));
        QVERIFY(QFile::rename(first[0].path, aged));
        QVERIFY(DatabaseBackup(temp.database).dailyDue(QDateTime::currentDateTimeUtc()));
        QVERIFY(backedUp.wait(20000));
        QCOMPARE(DatabaseBackup(temp.database).list().size(), 2);
    }

    void dailyBackupIsDueAfterADay() {
        test::TempDatabase temp;
        const DatabaseBackup backups(temp.database);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(backups.dailyDue(now));
        QVERIFY(backups.backUp().ok());
        QVERIFY(!backups.dailyDue(now.addSecs(60)));
        QVERIFY(backups.dailyDue(now.addSecs(DatabaseBackup::kDailySeconds + 60)));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseBackup)
#include "tst_databasebackup.moc"
