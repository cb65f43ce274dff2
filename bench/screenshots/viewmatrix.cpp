#include "viewmatrix.h"

#include "shottools.h"

#include "browse/librarypage.h"
#include "dashboards/dashboardspage.h"
#include "engine.h"
#include "listens/clock.h"
#include "mainwindow.h"
#include "stats/math/localtime.h"
#include "status/importreportdialog.h"
#include "widgets/appearance.h"

#include <QDateTime>
#include <QFileInfo>
#include <QInputDialog>
#include <QSize>
#include <QWidget>

#include <algorithm>

namespace encore::shots {

namespace {

constexpr int kScanTimeoutMs = 10 * 60 * 1000;
constexpr int kStatsTimeoutMs = 120000;
constexpr int kSessionSongs = 6;  // one 20-minute session

// The views of one round, each shown and saved.
int renderRound(MainWindow& window, const QDir& out, const QString& round) {
    int saved = 0;
    auto* dashboards = qobject_cast<dashboards::DashboardsPage*>(window.dashboardsPage());
    const QList<QSize> sizes = {QSize(1280, 800), QSize(1920, 1080)};
    for (const QSize& size : sizes) {
        window.resize(size);
        for (const Appearance::Mode mode : {Appearance::Mode::Light, Appearance::Mode::Dark}) {
            Appearance::apply(mode);
            const QString prefix =
                QStringLiteral("m-%1-%2x%3-%4-")
                    .arg(round)
                    .arg(size.width())
                    .arg(size.height())
                    .arg(mode == Appearance::Mode::Dark ? QStringLiteral("dark")
                                                        : QStringLiteral("light"));
            const struct {
                MainWindow::Page page;
                const char* name;
            } kPages[] = {{MainWindow::Library, "library"},
                          {MainWindow::UpNext, "up-next"},
                          {MainWindow::History, "history"},
                          {MainWindow::Settings, "settings"}};
            for (const auto& p : kPages) {
                window.showPage(p.page);
                saved += save(window, out, prefix + QLatin1String(p.name)) ? 1 : 0;
            }
            if (!dashboards)
                continue;
            window.showPage(MainWindow::Dashboards);
            dashboards->setView(dashboards::DashboardsPage::View::Charts);
            if (dashboards->isComputing() || !dashboards->report())
                waitFor(dashboards, &dashboards::DashboardsPage::updated, kStatsTimeoutMs);
            saved += save(window, out, prefix + QStringLiteral("dashboards")) ? 1 : 0;
            for (const auto view : {dashboards::DashboardsPage::View::Month,
                                    dashboards::DashboardsPage::View::Year}) {
                dashboards->setView(view);
                if (dashboards->isComputing())
                    waitFor(dashboards, &dashboards::DashboardsPage::recapShown, kStatsTimeoutMs);
                const bool month = view == dashboards::DashboardsPage::View::Month;
                saved += save(window, out,
                              prefix + (month ? QStringLiteral("your-month")
                                              : QStringLiteral("your-year")))
                             ? 1
                             : 0;
            }
            dashboards->setView(dashboards::DashboardsPage::View::Charts);
        }
    }
    Appearance::apply(Appearance::Mode::Light);
    return saved;
}

// The export is years old: Your month and Your year of its busiest week's month, as a listener
// going back with the arrows would see them (both sizes, light and dark).
int renderBusiestRecaps(MainWindow& window, const QDir& out) {
    auto* dashboards = qobject_cast<dashboards::DashboardsPage*>(window.dashboardsPage());
    if (!dashboards || !dashboards->report() || dashboards->report()->time.weeks.empty())
        return 0;
    const auto& weeks = dashboards->report()->time.weeks;
    const auto busiest = std::max_element(
        weeks.begin(), weeks.end(),
        [](const stats::WeekCount& a, const stats::WeekCount& b) { return a.plays < b.plays; });
    const stats::CivilDate day = stats::civilFromDays(busiest->week_start_day);
    window.showPage(MainWindow::Dashboards);
    dashboards->setRecapPeriod(day.year, day.month);
    int saved = 0;
    for (const QSize size : {QSize(1280, 800), QSize(1920, 1080)}) {
        window.resize(size);
        for (const Appearance::Mode mode : {Appearance::Mode::Light, Appearance::Mode::Dark}) {
            Appearance::apply(mode);
            for (const auto view : {dashboards::DashboardsPage::View::Month,
                                    dashboards::DashboardsPage::View::Year}) {
                dashboards->setView(view);
                if (dashboards->isComputing())
                    waitFor(dashboards, &dashboards::DashboardsPage::recapShown, kStatsTimeoutMs);
                const QString name =
                    QStringLiteral("m-spotify-%1x%2-%3-busiest-%4")
                        .arg(size.width())
                        .arg(size.height())
                        .arg(mode == Appearance::Mode::Dark ? QStringLiteral("dark")
                                                            : QStringLiteral("light"))
                        .arg(view == dashboards::DashboardsPage::View::Month
                                 ? QStringLiteral("month")
                                 : QStringLiteral("year"));
                saved += save(window, out, name) ? 1 : 0;
            }
        }
    }
    dashboards->setView(dashboards::DashboardsPage::View::Charts);
    Appearance::apply(Appearance::Mode::Light);
    return saved;
}

// One listening session of today's evening, logged as the player does.
void logOneSession(Engine& engine, LibraryPage& library) {
    const int rows = library.model()->rowCount();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (int i = 0; i < kSessionSongs && rows > 0; ++i) {
        Play listen;
        listen.track_id = library.model()->trackIdAt((i * 11) % rows);
        listen.started_at = now - 200 * (kSessionSongs - i);
        listen.utc_offset_minutes = engine.clock().utcOffsetMinutes(listen.started_at * 1000);
        listen.duration_ms = 200000;
        const bool skipped = i == 2;
        listen.ms_played = skipped ? 15000 : 200000;
        listen.end_reason = skipped ? EndReason::Skipped : EndReason::Finished;
        listen.counted = !skipped;
        engine.logListen(listen);
    }
}

}  // namespace

int renderViewMatrix(const QDir& out, const QString& work, const QString& library,
                     const QString& history) {
    const Database database(work + QStringLiteral("/matrix.sqlite"));
    Engine engine(database);
    if (const Status started = engine.start(); !started) {
        print(QStringLiteral("screenshots: %1").arg(started.error()));
        return 0;
    }
    MainWindow window(engine);
    window.show();
    print(QStringLiteral("# every view, both sizes, light and dark: empty"));
    int saved = renderRound(window, out, QStringLiteral("empty"));

    engine.scan({QDir(library).absolutePath()});
    if (!waitFor(&engine, &Engine::scanFinished, kScanTimeoutMs))
        return saved;
    window.reloadLibrary();
    waitFor(&window, &MainWindow::libraryLoaded, 60000);
    int logged = 0;
    const auto counter = QObject::connect(&engine, &Engine::playLogged, [&logged] { ++logged; });
    logOneSession(engine, *window.libraryPage());
    waitUntil([&] { return logged >= kSessionSongs; }, 30000);
    QObject::disconnect(counter);
    print(QStringLiteral("# every view: the demo library after one session (%1 listens)")
              .arg(logged));
    saved += renderRound(window, out, QStringLiteral("one-session"));

    if (history.isEmpty() || !QFileInfo(history).isDir()) {
        print(QStringLiteral("# no Spotify export to import (%1 is not there)").arg(history));
        return saved;
    }
    window.importHistory({history});
    if (auto* ask = window.findChild<QInputDialog*>(QStringLiteral("importProfileDialog")))
        ask->accept();
    waitFor(&engine, &Engine::importFinished, kScanTimeoutMs);
    settle(1000);
    if (auto* report = window.findChild<ImportReportDialog*>())
        report->close();
    print(QStringLiteral("# every view: a Spotify export imported on top"));
    saved += renderRound(window, out, QStringLiteral("spotify"));
    saved += renderBusiestRecaps(window, out);
    return saved;
}

}  // namespace encore::shots
