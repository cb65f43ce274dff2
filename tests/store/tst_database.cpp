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
