// screenshots [--out DIR] [--library DIR] [--tracks N] [--history DIR]
//
// Renders Encore's main views to PNG files and prints the folder: Library (plain, filtered
// and browsed, dark), Up Next with a queue, Dashboards, History with a real imported listening
// history and its import report, Settings (profiles, history import and deletion), the
// first-run wizard (both pages), the incognito badge and the scan problem list. Without
// --library it makes a demo library with bench/make-library (N tracks, 15 genres, album
// covers) and scans it. The history is one person's real Spotify export from
// ../shared/data/listens/spotify (when that folder is there), imported by the database writer
// through the HistoryImporter as the Settings page does. Playback uses the clocked stand-in,
// so no sound device is needed. Runs offscreen unless there is a display.

#include "browse/browsermodel.h"
#include "browse/librarypage.h"
#include "engine.h"
#include "firstrunwizard.h"
#include "history/historymodel.h"
#include "listens/clock.h"
#include "mainwindow.h"
#include "pages/historypage.h"
#include "pages/settingspage.h"
#include "playback/nowplayingbar.h"
#include "playback/playbackcontroller.h"
#include "settings/historysection.h"
#include "settings/profilessection.h"
#include "status/importreportdialog.h"
#include "status/importstatus.h"
#include "status/scanproblemsdialog.h"
#include "widgets/appearance.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QProcess>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace encore;

namespace {

constexpr int kWidth = 1400;
constexpr int kHeight = 860;
// One person's export (3 files, 24,893 listens, 2019-2020).
constexpr char kDefaultHistory[] = "listens/spotify/RomainLeclair__MySpotifyData";

void print(const QString& line) {
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

// Lets layouts, queued loads and repaints settle.
void settle(int ms = 300) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

template <typename Sender, typename Signal>
bool waitFor(Sender* sender, Signal signal, int timeoutMs) {
    QEventLoop loop;
    bool fired = false;
    auto c = QObject::connect(sender, signal, &loop, [&] {
        fired = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(c);
    return fired;
}

template <typename Condition>
bool waitUntil(Condition condition, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (!condition() && t.elapsed() < timeoutMs)
        settle(50);
    return condition();
}

bool save(QWidget& widget, const QDir& out, const QString& name) {
    settle();
    const QString path = out.filePath(name + QStringLiteral(".png"));
    const bool ok = widget.grab().save(path);
    print(ok ? QStringLiteral("  %1").arg(QFileInfo(path).fileName())
             : QStringLiteral("  could not write %1").arg(path));
    return ok;
}

QString makeDemoLibrary(const QString& dir, int tracks) {
#ifdef ENCORE_MAKE_LIBRARY
    if (QFileInfo::exists(dir + QStringLiteral("/.encore-library.json")))
        return {};
    QProcess make;
    make.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    make.start(QStringLiteral(ENCORE_MAKE_LIBRARY),
               {QString::number(tracks), dir, QStringLiteral("--genres"), QStringLiteral("15"),
                QStringLiteral("--covers")});
    if (!make.waitForFinished(10 * 60 * 1000) || make.exitCode() != 0)
        return QStringLiteral("make-library failed (exit %1)").arg(make.exitCode());
    return {};
#else
    Q_UNUSED(dir);
    Q_UNUSED(tracks);
    return QStringLiteral("make-library was not built; pass --library DIR");
#endif
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("ENCORE_PLAYER", "clocked");
    QApplication app(argc, argv);
    QApplication::setStyle(QStringLiteral("Fusion"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Renders Encore's views to PNG files."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("out"), QStringLiteral("Folder for the PNG files."),
                      QStringLiteral("DIR"), QStringLiteral("/tmp/encore-screenshots")});
    parser.addOption({QStringLiteral("library"), QStringLiteral("Music folder to show."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("tracks"), QStringLiteral("Size of the demo library."),
                      QStringLiteral("N"), QStringLiteral("300")});
    parser.addOption(
        {QStringLiteral("history"), QStringLiteral("Listening history to import ('' for none)."),
         QStringLiteral("DIR"),
         QDir::cleanPath(QStringLiteral(ENCORE_SHARED_DATA "/") + QLatin1String(kDefaultHistory))});
    parser.process(app);

    QTemporaryDir work;
    QSettings::setDefaultFormat(QSettings::IniFormat);  // never the user's settings
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, work.path());
    QCoreApplication::setOrganizationName(QStringLiteral("EncoreScreenshots"));

    QString library = parser.value(QStringLiteral("library"));
    if (library.isEmpty()) {
        library = QDir::temp().filePath(QStringLiteral("encore-demo-library"));
        print(QStringLiteral("# demo library: %1").arg(library));
        const QString failed =
            makeDemoLibrary(library, parser.value(QStringLiteral("tracks")).toInt());
        if (!failed.isEmpty()) {
            print(QStringLiteral("screenshots: %1").arg(failed));
            return 2;
        }
    }
    QDir out(parser.value(QStringLiteral("out")));
    out.mkpath(QStringLiteral("."));

    Engine engine(Database(work.filePath(QStringLiteral("encore.sqlite"))));
    if (const Status started = engine.start(); !started) {
        print(QStringLiteral("screenshots: %1").arg(started.error()));
        return 2;
    }
    MainWindow window(engine);
    window.resize(kWidth, kHeight);
    window.show();
    engine.scan({QDir(library).absolutePath()});
    if (!waitFor(&engine, &Engine::scanFinished, 10 * 60 * 1000)) {
        print(QStringLiteral("screenshots: the scan of %1 did not finish").arg(library));
        return 2;
    }
    window.reloadLibrary();
    waitFor(&window, &MainWindow::libraryLoaded, 60000);
    print(QStringLiteral("# %1 tracks").arg(window.libraryPage()->model()->rowCount()));
    print(QStringLiteral("Screenshots in %1:").arg(out.absolutePath()));

    // Something playing, something queued.
    LibraryPage* page = window.libraryPage();
    QTableView* view = page->view();
    const int playing = qMin(4, page->model()->rowCount() - 1);
    if (playing >= 0) {
        view->selectRow(playing);
        page->playRow(playing);
        QList<TrackId> queued;
        for (int row = playing + 7; row < page->model()->rowCount() && queued.size() < 5; row += 9)
            queued << page->model()->trackIdAt(row);
        window.playback()->enqueue(queued, false);
        waitUntil([&] { return window.nowPlaying()->hasCover(); }, 3000);
        settle(2200);  // a little time has played
        window.playback()->pause();
    }

    window.showPage(MainWindow::Library);
    save(window, out, QStringLiteral("01-library"));

    page->filterEdit()->setText(QStringLiteral("night"));
    save(window, out, QStringLiteral("02-library-search"));
    page->filterEdit()->clear();
    const int genre = qMin(3, page->genres()->rowCount() - 1);
    if (genre > 0) {
        page->genreList()->setCurrentIndex(page->genres()->index(genre));
        settle(100);
        if (page->artists()->rowCount() > 1)
            page->artistList()->setCurrentIndex(page->artists()->index(1));
    }
    save(window, out, QStringLiteral("03-library-browse"));
    page->genreList()->setCurrentIndex(page->genres()->index(0));

    window.showPage(MainWindow::UpNext);
    save(window, out, QStringLiteral("04-up-next"));
    window.showPage(MainWindow::Dashboards);
    save(window, out, QStringLiteral("05-dashboards"));
    // A real listening history, imported as Settings → Import does (the writer thread).
    const QString history = parser.value(QStringLiteral("history"));
    if (!history.isEmpty() && QFileInfo(history).isDir()) {
        engine.addProfile(QStringLiteral("Romain"));
        waitUntil([&] { return engine.profiles().size() > 1; }, 10000);
        engine.setActiveProfile(QStringLiteral("Romain"));
        waitUntil([&] { return engine.activeProfile().name == QLatin1String("Romain"); }, 10000);
        window.showPage(MainWindow::History);
        window.importHistory({history});
        waitFor(&engine, &Engine::importFinished, 10 * 60 * 1000);
        ImportReportDialog* report = nullptr;
        waitUntil([&] { return (report = window.findChild<ImportReportDialog*>()) != nullptr; },
                  5000);
        print(QStringLiteral("# imported %1: %2")
                  .arg(QFileInfo(history).fileName(), window.importStatus()->text()));
        // And some listens played here today, as the player logs them (skips included).
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const int logged = qMin(12, page->model()->rowCount());
        for (int i = 0; i < logged; ++i) {
            Play listen;
            listen.track_id = page->model()->trackIdAt((i * 7) % page->model()->rowCount());
            listen.started_at = now - 600 * (logged - i);
            listen.utc_offset_minutes = engine.clock().utcOffsetMinutes(listen.started_at * 1000);
            listen.duration_ms = 240000;
            const bool skipped = i % 4 == 3;
            listen.ms_played = skipped ? 17000 : 240000;
            listen.end_reason = skipped ? EndReason::Skipped : EndReason::Finished;
            listen.counted = !skipped;
            listen.shuffle = false;
            engine.logListen(listen);
        }
        waitUntil([&] { return window.historyPage()->model()->rowCount() > 0; }, 30000);
        settle(1000);
        save(window, out, QStringLiteral("06-history"));
        if (report) {
            save(*report, out, QStringLiteral("06b-import-report"));
            report->close();
        }
    } else {
        print(QStringLiteral("# no listening history to import (%1 is not there)").arg(history));
        window.showPage(MainWindow::History);
        save(window, out, QStringLiteral("06-history"));
    }
    window.showPage(MainWindow::Settings);
    save(window, out, QStringLiteral("07-settings"));
    // Further down: profiles, the history's import and deletion, privacy.
    if (auto* scroll = window.settingsPage()->findChild<QScrollArea*>()) {
        scroll->ensureWidgetVisible(window.settingsPage()->history(), 0, 0);
        scroll->verticalScrollBar()->setValue(window.settingsPage()->profiles()->y() - 16);
    }
    save(window, out, QStringLiteral("07b-settings-history"));

    Appearance::apply(Appearance::Mode::Dark);
    window.showPage(MainWindow::Library);
    save(window, out, QStringLiteral("08-library-dark"));
    window.showPage(MainWindow::UpNext);
    save(window, out, QStringLiteral("09-up-next-dark"));
    Appearance::apply(Appearance::Mode::Light);

    FirstRunWizard wizard;
    wizard.setFolders({QDir::homePath() + QStringLiteral("/Music")});
    wizard.show();
    save(wizard, out, QStringLiteral("10-first-run"));
    wizard.setHistoryPaths({QDir::homePath() + QStringLiteral("/Downloads/my_spotify_data.zip")});
    wizard.next();
    save(wizard, out, QStringLiteral("10b-first-run-history"));
    wizard.hide();

    // Incognito: the badge in the now-playing bar.
    engine.setIncognito(true);
    window.showPage(MainWindow::Library);
    save(window, out, QStringLiteral("12-incognito"));
    engine.setIncognito(false);

    ScanReport report;
    report.errors = 3;
    report.problems = {
        {library + QStringLiteral("/Broken/01 - Untitled.flac"),
         QStringLiteral("not a readable audio file (TagLib could not parse it)")},
        {library + QStringLiteral("/Broken/02 - Empty.mp3"), QStringLiteral("empty file")},
        {library + QStringLiteral("/Old/cover art.ogg"),
         QStringLiteral("not a readable audio file (TagLib could not parse it)")}};
    ScanProblemsDialog problems(report);
    problems.show();
    save(problems, out, QStringLiteral("11-scan-problems"));
    return 0;
}
