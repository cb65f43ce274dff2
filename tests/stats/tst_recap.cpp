// "Your month" and "Your year" on a real log in SQLite: the favourites, hours, finds, streak,
// hour and taste of November 2024 against October, a month of one session that claims
// nothing, and the page's recap view, its arrows and its PNG.
#include "statsfixture.h"

#include "dashboards/dashboardspage.h"
#include "dashboards/recapview.h"
#include "stats/load/statsdataloader.h"
#include "stats/recap/recap.h"

#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace encore;
using namespace encore::stats;
using encore::test::FixtureTrack;
using encore::test::utc;

namespace {

constexpr int kComputeTimeoutMs = 20000;

const RecapCard* cardOf(const Recap& r, const QString& key) {
    for (const RecapCard& c : r.cards)
        if (c.key == key)
            return &c;
    return nullptr;
}

}  // namespace

class TestRecap : public QObject {
    Q_OBJECT

    test::TempDatabase temp_;
    std::unique_ptr<ScopedConnection> connection_;
    std::unique_ptr<StatsDataLoader> loader_;
    qint64 profile_ = 0;
    qint64 road_ = 0;

    Recap recapOf(RecapSpan span, int year, int month) {
        RecapQuery q;
        q.profile_id = profile_;
        q.span = span;
        q.year = year;
        q.month = month;
        q.now_seconds = utc(2025, 1, 15, 12);
        return computeRecap(loader_->data(), q);
    }

private Q_SLOTS:
    void initTestCase() {
        ScopedConnection writer(temp_.database, QStringLiteral("writer"));
        test::StatsFixture f(writer.db());
        profile_ = f.profile(QStringLiteral("listener"));
        f.exec(QStringLiteral("UPDATE profiles SET is_active = (name = 'listener')"));
        road_ = f.track({QStringLiteral("Road Dance"),
                         QStringLiteral("Alpha"),
                         QStringLiteral("First"),
                         {QStringLiteral("Rock")}});
        const qint64 blue = f.track({QStringLiteral("Blue Hour"),
                                     QStringLiteral("Beta"),
                                     QStringLiteral("Second"),
                                     {QStringLiteral("Jazz")}});
        const qint64 fresh = f.track({QStringLiteral("Fresh"),
                                      QStringLiteral("Gamma"),
                                      QStringLiteral("Third"),
                                      {QStringLiteral("Folk")}});
        const QString fin = QStringLiteral("finished");
        f.exec(QStringLiteral("BEGIN"));
        // October 2024: Blue Hour six times a morning on ten days (60 plays, 200 s each).
        for (int d = 1; d <= 10; ++d)
            for (int k = 0; k < 6; ++k)
                f.play({profile_, blue, utc(2024, 10, d, 8, k * 5), 0, fin, 200000});
        // November 2024, the 1st to the 12th: Road Dance four times at 21:00, Blue Hour twice
        // at 08:00, and Fresh once on each of the first three days (75 plays).
        for (int d = 1; d <= 12; ++d) {
            for (int k = 0; k < 4; ++k)
                f.play({profile_, road_, utc(2024, 11, d, 21, k * 5), 0, fin, 200000});
            for (int k = 0; k < 2; ++k)
                f.play({profile_, blue, utc(2024, 11, d, 8, k * 5), 0, fin, 200000});
            if (d <= 3)
                f.play({profile_, fresh, utc(2024, 11, d, 12), 0, fin, 200000});
        }
        // December 2024: one evening, three songs.
        for (int k = 0; k < 3; ++k)
            f.play({profile_, road_, utc(2024, 12, 2, 20, k * 4), 0, fin, 200000});
        // January 2025: a streamed song of an export, without album or genre, six times.
        FixtureTrack streamed{QStringLiteral("Streamed"), QStringLiteral("Delta"), QString(), {}};
        streamed.library = false;
        const qint64 outside = f.track(streamed);
        for (int k = 0; k < 6; ++k)
            f.play({profile_, outside, utc(2025, 1, 2 + k % 3, 18, k), 0, fin, 200000});
        f.exec(QStringLiteral("COMMIT"));
        connection_ = std::make_unique<ScopedConnection>(temp_.database, QStringLiteral("stats"));
        loader_ = std::make_unique<StatsDataLoader>(temp_.database);
        QVERIFY(loader_->refresh(connection_->db()).ok());
    }

    void cleanupTestCase() {
        loader_.reset();
        connection_.reset();
    }

    void monthAgainstTheMonthBefore() {
        const Recap r = recapOf(RecapSpan::Month, 2024, 11);
        QCOMPARE(r.title, QStringLiteral("Your November 2024"));
        QCOMPARE(r.previous_name, QStringLiteral("October 2024"));
        QCOMPARE(r.plays, std::int64_t(75));
        const RecapCard* artist = cardOf(r, QStringLiteral("top-artist"));
        QVERIFY(artist && artist->enough);
        QCOMPARE(artist->figure, QStringLiteral("Alpha"));
        QCOMPARE(artist->sentence, QStringLiteral("48 plays, ahead of Beta (24)."));
        QCOMPARE(artist->cover_track, road_);  // its most played song gives the cover
        QCOMPARE(int(artist->list.size()), 3);
        const RecapCard* album = cardOf(r, QStringLiteral("top-album"));
        QCOMPARE(album->figure, QStringLiteral("First"));
        QCOMPARE(album->sentence, QStringLiteral("By Alpha, 48 plays, ahead of Second (24)."));
        QCOMPARE(cardOf(r, QStringLiteral("top-track"))->figure, QStringLiteral("Road Dance"));
        // 75 x 200 s = 4.2 h against 60 x 200 s = 3.3 h: 25% more.
        const RecapCard* hours = cardOf(r, QStringLiteral("hours"));
        QCOMPARE(hours->figure, QStringLiteral("4 h"));
        QCOMPARE(hours->sentence, QStringLiteral("25% more than in October 2024 (3 h)."));
        // Road Dance and Fresh were first played in November; Blue Hour in October.
        const RecapCard* found = cardOf(r, QStringLiteral("discoveries"));
        QCOMPARE(found->figure, QStringLiteral("2"));
        QCOMPARE(found->sentence,
                 QStringLiteral("songs you had never played before: 67% of what you played."));
        const RecapCard* streak = cardOf(r, QStringLiteral("streak"));
        QCOMPARE(streak->figure, QStringLiteral("12 days"));
        QVERIFY2(streak->sentence.startsWith(
                     QStringLiteral("in a row, 1 November 2024 to 12 November 2024")),
                 qPrintable(streak->sentence));
        const RecapCard* hour = cardOf(r, QStringLiteral("peak-hour"));
        QVERIFY(hour->enough);
        QCOMPARE(hour->figure, QStringLiteral("21:00"));
        QCOMPARE(hour->sentence,
                 QStringLiteral("is when you listen most: 64% of your plays start then."));
        // Jazz fell from every play in October to 24 of 75: the largest move.
        const RecapCard* taste = cardOf(r, QStringLiteral("taste"));
        QVERIFY(taste->enough);
        QCOMPARE(taste->figure, QStringLiteral("Jazz"));
        QVERIFY2(taste->sentence.endsWith(QStringLiteral("to 32% in November 2024.")),
                 qPrintable(taste->sentence));
    }

    // One evening: the favourites, the hour and the taste say what they need.
    void oneSessionClaimsNothing() {
        const Recap r = recapOf(RecapSpan::Month, 2024, 12);
        QCOMPARE(r.plays, std::int64_t(3));
        for (const QString& key : {QStringLiteral("top-artist"), QStringLiteral("top-track"),
                                   QStringLiteral("peak-hour"), QStringLiteral("taste")}) {
            const RecapCard* c = cardOf(r, key);
            QVERIFY2(c && !c->enough, qPrintable(key));
            QVERIFY2(c->figure.isEmpty(), qPrintable(key));
        }
        QVERIFY(cardOf(r, QStringLiteral("peak-hour"))
                    ->sentence.contains(QStringLiteral("So far: 3 plays on 1 day.")));
        QVERIFY(
            cardOf(r, QStringLiteral("top-artist"))->sentence.startsWith(QStringLiteral("Play")));
    }

    // An export without albums or genres: the cards say so rather than ask for more plays.
    void exportWithoutAlbumsOrGenres() {
        const Recap r = recapOf(RecapSpan::Month, 2025, 1);
        QCOMPARE(r.plays, std::int64_t(6));
        QCOMPARE(cardOf(r, QStringLiteral("top-album"))->sentence,
                 QStringLiteral("None of these plays names its album."));
        QCOMPARE(cardOf(r, QStringLiteral("top-artist"))->figure, QStringLiteral("Delta"));
        QVERIFY(cardOf(r, QStringLiteral("taste"))
                    ->sentence.startsWith(QStringLiteral(
                        "None of the songs you played in January 2025 has a genre")));
    }

    void yearAndAnEmptyMonth() {
        const Recap year = recapOf(RecapSpan::Year, 2024, 1);
        QCOMPARE(year.title, QStringLiteral("Your 2024"));
        QCOMPARE(year.plays, std::int64_t(138));
        // 2023 is empty: nothing to compare the hours with, and every song was a find.
        QCOMPARE(cardOf(year, QStringLiteral("hours"))->sentence,
                 QStringLiteral("Nothing to compare with: no plays in 2023."));
        QVERIFY(cardOf(year, QStringLiteral("discoveries"))
                    ->sentence.contains(QStringLiteral("every one was new")));
        const Recap empty = recapOf(RecapSpan::Month, 2024, 6);
        QCOMPARE(empty.plays, std::int64_t(0));
        QVERIFY(empty.cards.empty());
    }

    void pageShowsTheRecapAndSavesIt() {
        dashboards::DashboardsPage page(temp_.database);
        page.setRecapPeriod(2024, 11);
        QSignalSpy shown(&page, &dashboards::DashboardsPage::recapShown);
        page.resize(1280, 800);
        page.show();
        page.setView(dashboards::DashboardsPage::View::Month);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, kComputeTimeoutMs);
        dashboards::RecapView* view = page.recapView();
        QCOMPARE(view->recap().title, QStringLiteral("Your November 2024"));
        QCOMPARE(view->figureOf(QStringLiteral("top-artist")), QStringLiteral("Alpha"));
        QVERIFY(view->isVisible());
        // The arrow back shows October, where Beta leads.
        QToolButton* previous = nullptr;
        for (QToolButton* b : view->findChildren<QToolButton*>())
            if (b->accessibleName() == QStringLiteral("Previous"))
                previous = b;
        QVERIFY(previous);
        previous->click();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 2, kComputeTimeoutMs);
        QCOMPARE(view->figureOf(QStringLiteral("top-artist")), QStringLiteral("Beta"));
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("october.png"));
        QString error;
        QVERIFY2(view->exportPng(png, &error), qPrintable(error));
        const QImage image(png);
        QVERIFY(image.width() > 600 && image.height() > 200);
        QString unwritable;
        QVERIFY(!view->exportPng(QStringLiteral("/proc/encore-cannot-write.png"), &unwritable));
        QVERIFY(unwritable.contains(QStringLiteral("Could not write")));
        // Back to the charts: they are computed for the period again.
        QSignalSpy updated(&page, &dashboards::DashboardsPage::updated);
        page.setView(dashboards::DashboardsPage::View::Charts);
        QTRY_VERIFY_WITH_TIMEOUT(updated.count() >= 1, kComputeTimeoutMs);
        QVERIFY(!view->isVisible());
    }
};

QTEST_MAIN(TestRecap)
#include "tst_recap.moc"
