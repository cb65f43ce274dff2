// Every chart of the Dashboards at the window sizes people use (1280x800 and 1920x1080, less
// the sidebar) with three histories: one session, two years of daily listening over a dozen
// genres, and a genre-less import. From each chart's own label geometry: no two labels
// overlap, none is cut by the chart's edge, no tick prints like its neighbour ("1%, 1%") or in
// scientific notation ("2.77556e-17").
#include "statsfixture.h"

#include "dashboards/chartcard.h"
#include "dashboards/dashboardspage.h"

#include <QDateTime>

#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>
#include <memory>

using namespace encore;
using namespace encore::dashboards;
using encore::test::FixturePlay;
using encore::test::FixtureTrack;

namespace {

constexpr int kComputeTimeoutMs = 60000;
constexpr int kSidebarPx = 202;  // the main window's sidebar and its margin
constexpr qint64 kDay = 86400;

enum class History { OneSession, TwoYears, GenrelessImport };

qint64 startOfToday() {
    return QDateTime::currentSecsSinceEpoch() / kDay * kDay;
}

void oneSession(test::StatsFixture& f, qint64 profile) {
    const qint64 rock = f.track({QStringLiteral("Road Dance"),
                                 QStringLiteral("Alpha"),
                                 QStringLiteral("First"),
                                 {QStringLiteral("Rock")}});
    const qint64 jazz = f.track({QStringLiteral("Blue Hour"),
                                 QStringLiteral("Beta"),
                                 QStringLiteral("Second"),
                                 {QStringLiteral("Jazz")}});
    const qint64 evening = startOfToday() - kDay + 19 * 3600;
    for (int i = 0; i < 5; ++i)
        f.play({profile, i % 2 ? rock : jazz, evening + i * 240, 60, QStringLiteral("finished"),
                200000});
}

void twoYears(test::StatsFixture& f, qint64 profile) {
    const QStringList genres = {QStringLiteral("Progressive Rock"),
                                QStringLiteral("Drum and Bass"),
                                QStringLiteral("Singer-Songwriter"),
                                QStringLiteral("Jazz"),
                                QStringLiteral("Classical"),
                                QStringLiteral("Hip Hop"),
                                QStringLiteral("Ambient"),
                                QStringLiteral("Folk"),
                                QStringLiteral("Electronic"),
                                QStringLiteral("Metal"),
                                QStringLiteral("Soul"),
                                QStringLiteral("Reggae")};
    std::vector<qint64> tracks;
    for (int t = 0; t < 240; ++t) {
        FixtureTrack track{QStringLiteral("A Rather Long Song Title Number %1").arg(t),
                           QStringLiteral("The Artist With A Long Name %1").arg(t % 40),
                           QStringLiteral("An Album Called Something %1").arg(t % 60),
                           {genres[t % genres.size()]},
                           150000 + (t * 7919) % 300000,
                           1960 + t % 64,
                           128 + (t % 3) * 96};
        if (t % 5 == 0)
            track.genres.append(genres[(t + 3) % genres.size()]);
        tracks.push_back(f.track(track));
    }
    const qint64 first = startOfToday() - 730 * kDay;
    for (int day = 0; day < 730; ++day) {
        for (int k = 0; k < 1 + (day * 7 + 3) % 6; ++k) {
            const int hour = (day * 5 + k * 7 + (day / 90) * 3) % 24;
            const std::size_t t = std::size_t((day * 13 + k * 31 + (day / 30) * 17) % 240);
            const bool skipped = (day + k) % 9 == 0;
            f.play({profile, tracks[t], first + day * kDay + hour * 3600 + k * 60, 60,
                    skipped ? QStringLiteral("skipped") : QStringLiteral("finished"),
                    skipped ? 20000 : 150000});
        }
    }
}

// A Spotify history of artists the library does not have: no genres, no albums.
void genrelessImport(test::StatsFixture& f, qint64 profile) {
    std::vector<qint64> tracks;
    for (int t = 0; t < 120; ++t) {
        FixtureTrack track{QStringLiteral("Streamed %1").arg(t),
                           QStringLiteral("Somebody %1").arg(t % 25),
                           QString(),
                           {}};
        track.library = false;
        tracks.push_back(f.track(track));
    }
    const qint64 first = startOfToday() - 300 * kDay;
    for (int day = 0; day < 300; day += 1 + day % 3) {
        for (int k = 0; k < 3; ++k)
            f.play({profile, tracks[std::size_t((day * 11 + k) % 120)],
                    first + day * kDay + ((day + k * 8) % 24) * 3600, 0, QStringLiteral("finished"),
                    180000});
    }
}

// The page on `history`, shown at the size the main window gives it, every chart revealed.
std::unique_ptr<DashboardsPage> shownPage(test::TempDatabase& temp, History history, QSize window) {
    {
        ScopedConnection writer(temp.database, QStringLiteral("writer"));
        test::StatsFixture f(writer.db());
        const qint64 profile = f.profile(QStringLiteral("listener"));
        f.exec(QStringLiteral("UPDATE profiles SET is_active = (name = 'listener')"));
        f.exec(QStringLiteral("BEGIN"));
        switch (history) {
            case History::OneSession:
                oneSession(f, profile);
                break;
            case History::TwoYears:
                twoYears(f, profile);
                break;
            case History::GenrelessImport:
                genrelessImport(f, profile);
                break;
        }
        f.exec(QStringLiteral("COMMIT"));
    }
    auto page = std::make_unique<DashboardsPage>(temp.database);
    page->setPeriod(DashboardsPage::Period::AllTime);
    QSignalSpy updated(page.get(), &DashboardsPage::updated);
    page->resize(window.width() - kSidebarPx, window.height());
    page->show();
    if (!QTest::qWaitForWindowExposed(page.get()))
        return nullptr;
    if (!QTest::qWaitFor([&] { return updated.count() >= 1; }, kComputeTimeoutMs))
        return nullptr;
    const QList<ChartCard*> cards = page->cards();
    if (!QTest::qWaitFor(
            [&] {
                return std::none_of(cards.begin(), cards.end(),
                                    [](ChartCard* c) { return c->needsReveal(); });
            },
            kComputeTimeoutMs))
        return nullptr;
    QTest::qWait(50);  // queued redraws for the final width
    return page;
}

bool numeric(const QString& text) {
    static const QRegularExpression number(QStringLiteral("^[-+]?[0-9.,]+%?$"));
    return number.match(text).hasMatch();
}

}  // namespace

class TestDashboardLayout : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void labelsNeverOverlap_data() {
        QTest::addColumn<int>("history");
        QTest::addColumn<QSize>("window");
        const QList<QSize> sizes = {QSize(1280, 800), QSize(1920, 1080)};
        for (const QSize& size : sizes) {
            const QByteArray at =
                QByteArray::number(size.width()) + "x" + QByteArray::number(size.height());
            QTest::newRow("one session " + at) << int(History::OneSession) << size;
            QTest::newRow("two years " + at) << int(History::TwoYears) << size;
            QTest::newRow("genreless import " + at) << int(History::GenrelessImport) << size;
        }
    }

    void labelsNeverOverlap() {
        QFETCH(int, history);
        QFETCH(QSize, window);
        test::TempDatabase temp;
        std::unique_ptr<DashboardsPage> page = shownPage(temp, History(history), window);
        QVERIFY(page);
        const QList<ChartCard*> cards = page->cards();
        int checked = 0;
        for (ChartCard* card : cards) {
            QWidget* chart = card->chartWidget();
            if (!chart || !chart->isVisible())
                continue;
            const QRectF bounds =
                QRectF(chart->mapTo(card, QPoint(0, 0)), chart->size()).adjusted(-1, -1, 1, 1);
            const QList<ChartLabel> labels = card->chartLabels();
            for (int i = 0; i < labels.size(); ++i) {
                const ChartLabel& a = labels[i];
                const QString where =
                    card->key() + QStringLiteral(": \u201C") + a.text + QStringLiteral("\u201D");
                QVERIFY2(bounds.contains(a.rect),
                         qPrintable(where + QStringLiteral(" is cut: %1,%2 %3x%4 outside %5x%6")
                                                .arg(a.rect.x())
                                                .arg(a.rect.y())
                                                .arg(a.rect.width())
                                                .arg(a.rect.height())
                                                .arg(bounds.right())
                                                .arg(bounds.bottom())));
                QVERIFY2(!a.text.contains(QRegularExpression(QStringLiteral("[0-9]e[-+][0-9]"))),
                         qPrintable(where));
                for (int j = i + 1; j < labels.size(); ++j) {
                    const ChartLabel& b = labels[j];
                    // Half a pixel of anti-aliased edge may touch.
                    const QRectF overlap = a.rect.intersected(b.rect);
                    QVERIFY2(overlap.width() <= 0.5 || overlap.height() <= 0.5,
                             qPrintable(where + QStringLiteral(" overlaps \u201C") + b.text +
                                        QStringLiteral("\u201D")));
                    QVERIFY2(!(numeric(a.text) && a.text == b.text),
                             qPrintable(where + QStringLiteral(" is printed twice")));
                }
                ++checked;
            }
        }
        QVERIFY2(checked > 20, qPrintable(QString::number(checked)));
    }

    // The face of every card speaks plainly; the method's names are one click away.
    void jargonStaysUnderDetails() {
        test::TempDatabase temp;
        std::unique_ptr<DashboardsPage> page = shownPage(temp, History::TwoYears, QSize(1280, 800));
        QVERIFY(page);
        static const QRegularExpression jargon(
            QStringLiteral("\\b(rho|Spearman|regression|ridge|binomial|Poisson|eta|Kruskal|"
                           "HR@\\d+|p [<=>]|standard deviation)\\b"),
            QRegularExpression::CaseInsensitiveOption);
        int details = 0;
        for (ChartCard* card : page->cards()) {
            const QString face = card->headline() + QLatin1Char(' ') + card->caption();
            QVERIFY2(!jargon.match(face).hasMatch(),
                     qPrintable(card->key() + QStringLiteral(": ") + face));
            QVERIFY(!card->detailsShown());
            if (card->details().isEmpty())
                continue;
            ++details;
            card->showDetails(true);
            QVERIFY(card->detailsShown());
            card->showDetails(false);
        }
        // The two popularity cards and genre vs popularity say how they were worked out.
        QVERIFY(page->card(QStringLiteral("popularity-model"))
                    ->details()
                    .contains(QStringLiteral("regression")));
        QVERIFY(page->card(QStringLiteral("what-makes-popular"))
                    ->details()
                    .contains(QStringLiteral("Spearman")));
        QVERIFY(page->card(QStringLiteral("genre-vs-popularity"))
                    ->details()
                    .contains(QStringLiteral("Kruskal-Wallis")));
        QCOMPARE(details, 3);
    }
};

QTEST_MAIN(TestDashboardLayout)
#include "tst_dashboardlayout.moc"
