// The Dashboards page on a fixture database: it fills in off the GUI thread, every chart gets
// an answer for a title and numbers behind it, the item models pass QAbstractItemModelTester,
// period and profile selectors recompute, refresh() follows new listens, exports write files.
#include "statsfixture.h"

#include "dashboards/axisticks.h"
#include "dashboards/chartcard.h"
#include "dashboards/chartdata.h"
#include "dashboards/charttablemodel.h"
#include "dashboards/dashboardspage.h"

#include <QAbstractItemModelTester>
#include <QImage>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QtTest>

using namespace encore;
using namespace encore::dashboards;
using encore::test::utc;

namespace {

constexpr int kComputeTimeoutMs = 20000;

}  // namespace

class TestDashboardsPage : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TempDatabase> temp_;
    std::unique_ptr<ScopedConnection> writer_;
    qint64 ann_ = 0;
    qint64 rock_ = 0;

private Q_SLOTS:
    void init() {
        temp_ = std::make_unique<test::TempDatabase>();
        writer_ = std::make_unique<ScopedConnection>(temp_->database, QStringLiteral("writer"));
        test::StatsFixture f(writer_->db());
        ann_ = f.profile(QStringLiteral("ann"));
        const qint64 bob = f.profile(QStringLiteral("bob"));
        f.exec(QStringLiteral("UPDATE profiles SET is_active = 0"));
        f.exec(QStringLiteral("UPDATE profiles SET is_active = 1 WHERE name = 'ann'"));
        rock_ = f.track({QStringLiteral("Stone"),
                         QStringLiteral("Alpha"),
                         QStringLiteral("First"),
                         {QStringLiteral("Rock")},
                         200000,
                         1990,
                         320});
        const qint64 jazz = f.track({QStringLiteral("Blue"),
                                     QStringLiteral("Beta"),
                                     QStringLiteral("Second"),
                                     {QStringLiteral("Jazz")},
                                     300000,
                                     2001,
                                     256});
        for (int d = 0; d < 6; ++d) {
            f.play({ann_, rock_, utc(2024, 4, 1 + d, 19), 120, QStringLiteral("finished"), 200000});
            f.play({bob, jazz, utc(2024, 4, 1 + d, 7), 0, QStringLiteral("finished"), 300000});
        }
        f.play({ann_, jazz, utc(2024, 4, 7, 19), 120, QStringLiteral("skipped"), 9000});
    }

    void cleanup() {
        writer_.reset();
        temp_.reset();
    }

    // Ticks are round, start at an exact zero, and never print alike.
    void valueTicksAreRoundAndDistinct() {
        ValueTicks t = niceTicks(-1.2e-17, 0.83, 6, false);
        QCOMPARE(t.low, 0.0);  // not -2.77556e-17
        QCOMPARE(t.step, 0.2);
        QCOMPARE(t.high, 1.0);
        QCOMPARE(t.count, 6);
        QCOMPARE(t.decimals, 1);
        // 0% to 3% in 6 ticks: 0.5% apart, so one decimal, not "1%, 1%, 1%".
        t = niceTicks(0.0, 3.0, 7, false);
        QCOMPARE(t.step, 0.5);
        QCOMPARE(t.decimals, 1);
        QStringList printed;
        for (int i = 0; i < t.count; ++i)
            printed << QString::number(t.low + i * t.step, 'f', t.decimals);
        QCOMPARE(printed.size(), int(QSet<QString>(printed.begin(), printed.end()).size()));
        // Plays are whole: never a tick at 0.5 plays.
        t = niceTicks(0.0, 3.0, 7, true);
        QCOMPARE(t.step, 1.0);
        QCOMPARE(t.decimals, 0);
        QCOMPARE(niceTicks(0.0, 0.0, 5, true).high, 1.0);  // all zero: a unit range
        QCOMPARE(niceTicks(0.0, 10.0, 5, false).step, 2.5);
        QCOMPARE(niceTicks(0.0, 10.0, 5, false).decimals, 1);
        // Labels 40 px wide with 16 px gaps in 500 px: 9 fit, so 24 hours show every 3rd.
        QCOMPARE(labelsThatFit(500, 40), 9);
        QCOMPARE(labelStep(24, 9), 3);
        QCOMPARE(labelStep(5, 9), 1);
    }

    void chartDataFormatsAndExports() {
        ChartData d;
        d.category_title = QStringLiteral("Genre, main");
        d.value_title = QStringLiteral("Plays");
        d.categories = {QStringLiteral("Rock"), QStringLiteral("Jazz")};
        d.series = {QStringLiteral("Plays"), QStringLiteral("Share")};
        d.formats = {ChartData::Format::Count, ChartData::Format::Share};
        d.values = {{1234, 5}, {0.6172, 0.0025}};
        QCOMPARE(d.text(0, 0), QStringLiteral("1,234"));
        QCOMPARE(d.text(1, 0), QStringLiteral("62%"));
        QCOMPARE(d.text(1, 1), QStringLiteral("0.3%"));
        QCOMPARE(d.toolTip(1, 0), QStringLiteral("Share, Rock: 62% (0.6172)"));
        QCOMPARE(d.toolTip(0, 1), QStringLiteral("Plays, Jazz: 5 plays"));
        QCOMPARE(chartCsv(d), QStringLiteral("\"Genre, main\",Plays,Share\r\nRock,1234,0.6172\r\n"
                                             "Jazz,5,0.0025\r\n"));
        ChartTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setChartData(d);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("Share"));
        QCOMPARE(model.data(model.index(0, 1)).toString(), QStringLiteral("1,234"));
        QCOMPARE(model.data(model.index(0, 2), ChartTableModel::kValueRole).toDouble(), 0.6172);
        model.setChartData(ChartData());
        QCOMPARE(model.rowCount(), 0);
    }

    void fillsInOffTheGuiThread() {
        DashboardsPage page(temp_->database);
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
        for (ChartCard* c : page.cards()) {
            testers.push_back(std::make_unique<QAbstractItemModelTester>(
                c->model(), QAbstractItemModelTester::FailureReportingMode::QtTest));
            QVERIFY(c->isPending());
        }
        QSignalSpy updated(&page, &DashboardsPage::updated);
        page.resize(1200, 900);
        page.show();
        QVERIFY(page.isComputing());  // requested on show, computed on the worker
        QTRY_COMPARE_WITH_TIMEOUT(updated.count(), 1, kComputeTimeoutMs);
        QVERIFY(!page.isComputing());
        QCOMPARE(page.cards().size(), 18);
        for (ChartCard* c : page.cards()) {
            QVERIFY2(c->hasData() && !c->isPending(), qPrintable(c->key()));
            QVERIFY2(!c->headline().isEmpty() && c->headline() != QStringLiteral("Computing..."),
                     qPrintable(c->key()));
        }
        // The active profile (ann) is shown by default.
        QCOMPARE(page.report()->overview.profile, QStringLiteral("ann"));
        QCOMPARE(page.report()->overview.plays, qint64(6));
        QVERIFY(page.card(QStringLiteral("genres"))
                    ->headline()
                    .startsWith(QStringLiteral("Play a few more songs with genre tags")));
        // 19:00 UTC + 2 h: Monday 2024-04-01 21:00 local.
        QCOMPARE(page.card(QStringLiteral("heatmap"))->data().values[0][21], 1.0);
        // Six plays in six days: the card asks for more instead of naming a habit.
        QCOMPARE(page.card(QStringLiteral("heatmap"))->headline(),
                 QStringLiteral("Play for a few more days to see your weekly rhythm. So far: 6 "
                                "plays on 6 days."));
        QCOMPARE(page.card(QStringLiteral("top-artists"))
                     ->model()
                     ->data(page.card(QStringLiteral("top-artists"))->model()->index(0, 0))
                     .toString(),
                 QStringLiteral("Alpha"));
    }

    // Qt Charts lays every label out again on each resize: a chart must keep its size when
    // only the text around it changes, and no card may end up shorter than its content.
    void chartsKeepTheirSizeWhenTheTextChanges() {
        DashboardsPage page(temp_->database);
        QSignalSpy updated(&page, &DashboardsPage::updated);
        page.resize(1200, 900);
        page.show();
        QTRY_COMPARE_WITH_TIMEOUT(updated.count(), 1, kComputeTimeoutMs);
        const auto cardsFit = [&] {
            for (ChartCard* c : page.cards()) {
                if (c->height() < c->minimumSizeHint().height())
                    return false;
            }
            return true;
        };
        QTRY_VERIFY(cardsFit());
        QHash<ChartCard*, QSize> chartSizes;
        for (ChartCard* c : page.cards())
            chartSizes.insert(c, c->findChild<QStackedWidget*>()->size());
        ChartCard* genres = page.card(QStringLiteral("genres"));
        genres->setHeadline(
            QStringLiteral("A headline long enough to wrap onto several lines "
                           "of the card, so that its row grows taller than "
                           "before and everything below it moves down."));
        QTRY_VERIFY(cardsFit());
        QTest::qWait(50);  // layouts and moves settle
        for (ChartCard* c : page.cards())
            QCOMPARE(c->findChild<QStackedWidget*>()->size(), chartSizes.value(c));
    }

    void selectorsRecompute() {
        DashboardsPage page(temp_->database);
        QSignalSpy updated(&page, &DashboardsPage::updated);
        page.show();
        QTRY_COMPARE_WITH_TIMEOUT(updated.count(), 1, kComputeTimeoutMs);
        page.setProfile(0);
        QTRY_COMPARE_WITH_TIMEOUT(updated.count(), 2, kComputeTimeoutMs);
        QCOMPARE(page.report()->overview.plays, qint64(12));
        QCOMPARE(page.report()->overview.profile, QStringLiteral("every profile"));
        page.setPeriod(DashboardsPage::Period::Last4Weeks);  // the fixture is from 2024
        QTRY_COMPARE_WITH_TIMEOUT(updated.count(), 3, kComputeTimeoutMs);
        QCOMPARE(page.report()->overview.plays, qint64(0));
        QCOMPARE(page.card(QStringLiteral("genres"))->headline(),
                 QStringLiteral("No plays in this period."));
    }

    void refreshFollowsNewListens() {
        DashboardsPage page(temp_->database);
        QSignalSpy updated(&page, &DashboardsPage::updated);
        page.show();
        QTRY_COMPARE_WITH_TIMEOUT(updated.count(), 1, kComputeTimeoutMs);
        test::StatsFixture f(writer_->db());
        f.play({ann_, rock_, utc(2024, 4, 8, 19), 120, QStringLiteral("finished"), 200000});
        page.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(updated.count(), 2, kComputeTimeoutMs);
        QCOMPARE(page.report()->overview.plays, qint64(7));
        page.libraryChanged();
        QTRY_COMPARE_WITH_TIMEOUT(updated.count(), 3, kComputeTimeoutMs);
        QCOMPARE(page.report()->overview.plays, qint64(7));
    }

    // Charts refilled while the page was hidden (the listener moved on mid-update) wait behind
    // their placeholders and come back one card per turn when it shows, not all in one paint.
    void chartsRefilledWhileHiddenComeBackCardByCard() {
        DashboardsPage page(temp_->database);
        const QList<ChartCard*> cards = page.cards();
        const auto waiting = [&cards] {
            return std::count_if(cards.begin(), cards.end(),
                                 [](ChartCard* c) { return c->needsReveal(); });
        };
        QSignalSpy updated(&page, &DashboardsPage::updated);
        page.resize(1200, 900);
        page.show();
        QTRY_COMPARE_WITH_TIMEOUT(updated.count(), 1, kComputeTimeoutMs);
        QTRY_COMPARE(waiting(), 0);
        page.refresh();
        page.hide();
        QTRY_COMPARE_WITH_TIMEOUT(updated.count(), 2, kComputeTimeoutMs);
        QVERIFY2(waiting() >= 10, qPrintable(QString::number(waiting())));
        page.show();
        QVERIFY(waiting() > 0);  // not all in the turn that shows the page
        QTRY_COMPARE(waiting(), 0);
    }

    void hiddenPageWaitsUntilShown() {
        DashboardsPage page(temp_->database);
        page.refresh();
        QVERIFY(!page.isComputing());
        QVERIFY(!page.report());
        QSignalSpy updated(&page, &DashboardsPage::updated);
        page.show();
        QTRY_COMPARE_WITH_TIMEOUT(updated.count(), 1, kComputeTimeoutMs);
    }

    void numbersToggleAndExports() {
        DashboardsPage page(temp_->database);
        QSignalSpy updated(&page, &DashboardsPage::updated);
        page.resize(1200, 900);
        page.show();
        QTRY_COMPARE_WITH_TIMEOUT(updated.count(), 1, kComputeTimeoutMs);
        ChartCard* genres = page.card(QStringLiteral("genres"));
        QVERIFY(!genres->numbersShown());
        genres->showNumbers(true);
        QVERIFY(genres->numbersShown());
        genres->showNumbers(false);
        QTemporaryDir dir;
        QString error;
        const QString csv = dir.filePath(QStringLiteral("genres.csv"));
        QVERIFY2(genres->exportCsv(csv, &error), qPrintable(error));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QVERIFY(lines.first().startsWith("Genre,Plays,"));
        QVERIFY(lines.at(1).startsWith("Rock,6,"));
        const QString png = dir.filePath(QStringLiteral("heatmap.png"));
        QVERIFY2(page.card(QStringLiteral("heatmap"))->exportPng(png, &error), qPrintable(error));
        QVERIFY(!QImage(png).isNull());
        QVERIFY2(genres->exportPng(dir.filePath(QStringLiteral("genres.png")), &error),
                 qPrintable(error));
        QVERIFY(!genres->exportCsv(dir.filePath(QStringLiteral("missing/x.csv")), &error));
        QVERIFY(error.contains(QStringLiteral("missing")));
        QVERIFY(!page.card(QStringLiteral("streaks"))->exportPng(png, &error));  // a table
    }

    void recommendationsLink() {
        DashboardsPage page(temp_->database);
        QSignalSpy asked(&page, &DashboardsPage::recommendationsRequested);
        const auto buttons = page.findChildren<QPushButton*>();
        const auto link = std::find_if(buttons.begin(), buttons.end(), [](QPushButton* b) {
            return b->text() == QStringLiteral("See recommendations");
        });
        QVERIFY(link != buttons.end());
        (*link)->click();
        QCOMPARE(asked.count(), 1);
    }
};

QTEST_MAIN(TestDashboardsPage)
#include "tst_dashboardspage.moc"
