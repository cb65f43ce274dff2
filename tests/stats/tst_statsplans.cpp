// Every statement behind the dashboards uses an index: no query plan scans the plays table.
#include "statsfixture.h"

#include "stats/load/statssql.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace encore;

class TestStatsPlans : public QObject {
    Q_OBJECT

    test::TempDatabase temp_;

    // The detail column of EXPLAIN QUERY PLAN, one entry per step.
    QStringList plan(const stats::sql::Statement& statement) {
        ScopedConnection connection(temp_.database, QStringLiteral("plans"));
        QSqlQuery q(connection.db());
        const QString text = QString::fromLatin1(statement.text);
        if (!q.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + text))
            qFatal("%s: %s", statement.name, qPrintable(q.lastError().text()));
        for (int i = 0; i < statement.parameters; ++i)
            q.addBindValue(i + 1);
        QStringList details;
        if (!q.exec())
            qFatal("%s: %s", statement.name, qPrintable(q.lastError().text()));
        while (q.next())
            details.append(q.value(3).toString());
        return details;
    }

private Q_SLOTS:
    void initTestCase() {
        ScopedConnection connection(temp_.database, QStringLiteral("fill"));
        test::StatsFixture f(connection.db());
        const qint64 p = f.profile(QStringLiteral("P"));
        const qint64 t = f.track({QStringLiteral("T"),
                                  QStringLiteral("A"),
                                  QStringLiteral("B"),
                                  {QStringLiteral("Rock")}});
        for (int i = 0; i < 50; ++i)
            f.play({p, t, 1700000000 + i * 600, 0, QStringLiteral("finished"), 1000});
        f.exec(QStringLiteral("ANALYZE"));
    }

    void noStatementScansPlays_data() {
        QTest::addColumn<int>("index");
        const auto statements = stats::sql::mainStatements();
        for (int i = 0; i < int(statements.size()); ++i)
            QTest::newRow(statements[i].name) << i;
    }

    void noStatementScansPlays() {
        QFETCH(int, index);
        const stats::sql::Statement s = stats::sql::mainStatements()[index];
        const QStringList details = plan(s);
        for (const QString& d : details)
            QVERIFY2(!d.startsWith(QLatin1String("SCAN plays")),
                     qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(s.name), d)));
    }

    void listensAreReadByRowIdRange() {
        const QStringList details = plan({"listens", stats::sql::kPlaysAfterId, 2});
        QCOMPARE(details.size(), 1);
        QVERIFY2(
            details.front().startsWith(QLatin1String("SEARCH plays USING INTEGER PRIMARY KEY")),
            qPrintable(details.front()));
    }
};

QTEST_GUILESS_MAIN(TestStatsPlans)
#include "tst_statsplans.moc"
