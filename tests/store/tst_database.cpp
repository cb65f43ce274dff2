#include "store/database.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QtTest>

using namespace encore;

class TestDatabase : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void freshDatabaseReachesLatestSchema() {
        QTemporaryDir dir;
        Database database(dir.filePath(QStringLiteral("a.sqlite")));
        QVERIFY2(database.migrate().ok(), qPrintable(database.migrate().error()));
        ScopedConnection connection(database, QStringLiteral("check"));
        QVERIFY(connection.ok());
        QSqlQuery query(connection.db());
        QVERIFY(query.exec(QStringLiteral("SELECT version FROM schema_version")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), Database::latestSchemaVersion());
        QVERIFY(!query.next());  // exactly one row
        QVERIFY(Database::latestSchemaVersion() >= 1);
    }

    void migrateTwiceIsANoOp() {
        test::TempDatabase temp;
        QVERIFY(temp.database.migrate().ok());
        ScopedConnection connection(temp.database, QStringLiteral("check"));
        QSqlQuery query(connection.db());
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM schema_version")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 1);
    }

    void connectionHasPragmas() {
        test::TempDatabase temp;
        ScopedConnection connection(temp.database, QStringLiteral("check"));
        QSqlQuery query(connection.db());
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QVERIFY(query.exec(QStringLiteral("PRAGMA synchronous")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 1);  // NORMAL
    }

    void newerDatabaseIsRefusedWithAMessage() {
        test::TempDatabase temp;
        {
            ScopedConnection connection(temp.database, QStringLiteral("bump"));
            QSqlQuery query(connection.db());
            QVERIFY(query.exec(QStringLiteral("UPDATE schema_version SET version = 999")));
        }
        const Status status = temp.database.migrate();
        QVERIFY(!status.ok());
        QVERIFY2(status.error().contains(QStringLiteral("newer Encore")),
                 qPrintable(status.error()));
    }

    void upgradesADatabaseMadeBySchemaOne() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(ENCORE_TEST_DATA "/schema-1.sqlite"), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        Database database(path);
        const Status upgraded = database.migrate();
        QVERIFY2(upgraded.ok(), qPrintable(upgraded.error()));

        ScopedConnection connection(database, QStringLiteral("check"));
        QSqlQuery query(connection.db());
        QVERIFY(query.exec(QStringLiteral("SELECT version FROM schema_version")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), Database::latestSchemaVersion());
        // the old rows survive with their ids, genres and availability
        QVERIFY(query.exec(QStringLiteral("SELECT id, title, available FROM tracks ORDER BY id")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QCOMPARE(query.value(1).toString(), QStringLiteral("So What"));
        QVERIFY(query.next());
        QCOMPARE(query.value(1).toString(), QStringLiteral("Freddie Freeloader"));
        QCOMPARE(query.value(2).toInt(), 0);
        QVERIFY(!query.next());
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM track_genres WHERE track_id = 2")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 2);
        QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_key_check")));
        QVERIFY(!query.next());  // no dangling references after the upgrade
    }

    void failedMigrationLeavesTheOldVersion() {
        QTemporaryDir dir;
        Database database(dir.filePath(QStringLiteral("a.sqlite")));
        QVERIFY(database.migrateTo(1).ok());
        {
            // a table the next migration wants to create already exists: it must fail whole
            ScopedConnection connection(database, QStringLiteral("sabotage"));
            QSqlQuery query(connection.db());
            QVERIFY(query.exec(QStringLiteral("CREATE TABLE profiles (x INTEGER)")));
        }
        if (Database::latestSchemaVersion() < 2)
            QFAIL("needs a second migration");
        const Status status = database.migrate();
        QVERIFY(!status.ok());
        QVERIFY2(status.error().contains(QStringLiteral("left at schema 1")),
                 qPrintable(status.error()));
        ScopedConnection connection(database, QStringLiteral("check"));
        QSqlQuery query(connection.db());
        QVERIFY(query.exec(QStringLiteral("SELECT version FROM schema_version")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 1);
    }

    void unwritableLocationNamesTheFolder() {
        Database database(QStringLiteral("/proc/encore-cannot-exist/db.sqlite"));
        const Status status = database.migrate();
        QVERIFY(!status.ok());
        QVERIFY2(status.error().contains(QStringLiteral("/proc/encore-cannot-exist")),
                 qPrintable(status.error()));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
