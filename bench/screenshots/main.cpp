// screenshots [--out DIR] [--library DIR] [--tracks N] [--history DIR]
//
// Renders Encore's main views to PNG files and prints the folder: Library (plain with the
// similar-songs panel, filtered, browsed, dark, the album grid light and dark), Up Next with a
// queue and the recommender's suggestions with their reasons (light and dark, and the stand-ins of
// a fresh profile), "Similar to" a track, History with a real imported listening history and its
// import report, the Dashboards on that history, Settings (profiles, history import and deletion),
// the first-run wizard (both pages), the incognito badge and the scan problem list; then every
// main view at 1280x800 and 1920x1080, light and dark, on an empty library, after one session
// and with a Spotify export imported (viewmatrix.h; --no-matrix skips it). Without
// --library it makes a demo library with bench/make-library (N tracks, 15 genres, album
// covers) and scans it; the demo profile then listens to it for 45 days (demolistens.h,
// logged through the engine as the player does) and the recommender trains on that. The
// history is one person's real Spotify export from ../shared/data/listens/spotify (when that
// folder is there), imported into its own profile by the database writer as the Settings page
// does. Playback uses the clocked stand-in, so no sound device is needed. Runs offscreen unless
// there is a display.

#include "demolistens.h"
#include "shottools.h"
#include "viewmatrix.h"

#include "albums/covercache.h"
#include "browse/browsermodel.h"
#include "browse/librarypage.h"
#include "dashboards/dashboardspage.h"
#include "engine.h"
#include "firstrunwizard.h"
#include "history/historymodel.h"
#include "listens/clock.h"
#include "mainwindow.h"
#include "pages/historypage.h"
#include "pages/settingspage.h"
#include "pages/upnextpage.h"
#include "playback/lyricspanel.h"
#include "playback/nowplayingbar.h"
#include "playback/playbackcontroller.h"
#include "playlists/playlistpage.h"
#include "playlists/playlistscontroller.h"
#include "playlists/playlistservice.h"
#include "playlists/playlistsidebar.h"
#include "playlists/playlisttrackmodel.h"
#include "playlists/smartplaylisteditor.h"
#include "reco/publishedmodel.h"
#include "reco/recoservice.h"
#include "settings/historysection.h"
#include "settings/profilessection.h"
#include "status/importreportdialog.h"
#include "status/importstatus.h"
#include "status/modelstatus.h"
#include "status/scanproblemsdialog.h"
#include "suggest/similarpanel.h"
#include "suggest/suggestionlist.h"
#include "tags/tageditcontroller.h"
#include "tags/tageditordialog.h"
#include "widgets/appearance.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace encore;
using namespace encore::shots;

namespace {

constexpr int kWidth = 1400;
constexpr int kHeight = 860;
// One person's export (3 files, 24,893 listens, 2019-2020).
constexpr char kDefaultHistory[] = "listens/spotify/RomainLeclair__MySpotifyData";
constexpr int kTrainTimeoutMs = 10 * 60 * 1000;
constexpr quint64 kDemoSeed = 7;
constexpr int kQuietMs = 2500;

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
    parser.addOption({QStringLiteral("no-matrix"),
                      QStringLiteral("Skip every view at both sizes, light and dark, on an empty "
                                     "library, one session and an import (m-*.png).")});
    parser.process(app);

    QTemporaryDir work;
    QSettings::setDefaultFormat(QSettings::IniFormat);  // never the user's settings
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, work.path());
    QCoreApplication::setOrganizationName(QStringLiteral("EncoreScreenshots"));
    qputenv("XDG_CACHE_HOME", QFile::encodeName(work.filePath(QStringLiteral("cache"))));

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

    const Database database(work.filePath(QStringLiteral("encore.sqlite")));
    Engine engine(database);
    RecoSettings recoSettings = Engine::defaultRecoSettings(database);
    recoSettings.start_delay_ms = 0;  // nobody is waiting for the window here
    engine.setRecoSettings(recoSettings);
    if (const Status started = engine.start(); !started) {
        print(QStringLiteral("screenshots: %1").arg(started.error()));
        return 2;
    }
    RecoService* reco = engine.recommender();
    // Settled: no training for a few seconds (a job may queue the next one at its end).
    auto idleRecommender = [&] {
        auto busy = [&] {
            return reco->status().training() || reco->status().state == RecoStatus::State::Starting;
        };
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < kTrainTimeoutMs) {
            if (!busy()) {
                settle(kQuietMs);
                if (!busy())
                    return true;
            }
            settle(200);
        }
        return false;
    };
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
    LibraryPage* page = window.libraryPage();
    print(QStringLiteral("# %1 tracks").arg(page->model()->rowCount()));
    print(QStringLiteral("Screenshots in %1:").arg(out.absolutePath()));

    // Before any listening: what a new listener's Up Next offers, and says.
    UpNextPage* upNext = window.upNextPage();
    idleRecommender();
    waitUntil([&] { return reco->publishedModel() && !reco->publishedModel()->tracks.empty(); },
              30000);
    window.showPage(MainWindow::UpNext);
    upNext->refreshSuggestions();
    waitFor(upNext, &UpNextPage::suggestionsShown, 5000);
    save(window, out, QStringLiteral("00-up-next-first-run"));

    // Six weeks of the demo profile's listening, logged as the player does; the recommender
    // retrains on them by itself.
    const std::shared_ptr<const LibraryIndex> index = page->model()->libraryIndex();
    const QList<Play> demo =
        bench::demoListens(*index, QDateTime::currentSecsSinceEpoch(), kDemoSeed);
    int logged = 0;
    const auto counter = QObject::connect(&engine, &Engine::playLogged, [&logged] { ++logged; });
    for (const Play& p : demo)
        engine.logListen(p);
    waitUntil([&] { return logged >= demo.size(); }, 60000);
    QObject::disconnect(counter);
    if (!idleRecommender() || reco->status().state != RecoStatus::State::Ready)
        print(QStringLiteral("# the recommender did not train: %1").arg(reco->status().message));
    print(QStringLiteral("# %1 demo listens; %2")
              .arg(logged)
              .arg(window.modelStatus() ? window.modelStatus()->text() : QString()));

    // Something playing from the favourite album, something queued.
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
    if (SimilarPanel* similar = window.similarPanel())
        waitUntil([&] { return similar->list()->count() > 0; }, 5000);
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

    // The album grid, its covers decoded (embedded pictures and folder images).
    auto showAlbumGrid = [&](const QString& name) {
        page->showAlbums(true);
        settle(100);
        if (!page->covers()->isIdle())
            waitFor(page->covers(), &CoverCache::idle, 30000);
        save(window, out, name);
        page->showAlbums(false);
    };
    showAlbumGrid(QStringLiteral("03b-library-albums"));

    // Up Next: the queue, then the recommender's picks with their reasons; a row selected
    // shows its buttons (play now, queue, not for me).
    upNext->autoplayBox()->setChecked(true);
    window.showPage(MainWindow::UpNext);
    waitUntil([&] { return upNext->suggestionList()->count() > 0; }, 5000);
    upNext->suggestionList()->setCurrentRow(1);
    save(window, out, QStringLiteral("04-up-next"));

    // "Similar to" a track of an album the demo profile plays often.
    view->selectRow(qMin(2, page->model()->rowCount() - 1));
    window.showPage(MainWindow::Library);
    if (SimilarPanel* similar = window.similarPanel()) {
        waitFor(similar, &SimilarPanel::updated, 5000);
        similar->list()->setCurrentRow(0);
    }
    save(window, out, QStringLiteral("05-similar"));

    // Lyrics beside the library: a song of the demo library given an .lrc, playing, its third
    // line sung.
    if (const int rows = page->model()->rowCount(); rows > 0) {
        const TrackId id = page->model()->trackIdAt(0);
        if (const std::optional<TrackInfo> song = window.playback()->resolve(id)) {
            QFile lrc(QFileInfo(song->path).path() + QLatin1Char('/') +
                      QFileInfo(song->path).completeBaseName() + QStringLiteral(".lrc"));
            if (lrc.open(QIODevice::WriteOnly)) {
                lrc.write(
                    "[00:00.00]Where the river meets the night\n[00:01.50]we walk the "
                    "long way home\n[00:03.00]every light a little song\n[00:04.50]"
                    "every song a little light\n[00:06.00]and the morning comes alone\n");
                lrc.close();
            }
            window.lyricsDock()->show();
            window.playback()->playContext({id}, 0);
            waitFor(window.lyricsPanel(), &LyricsPanel::loaded, 5000);
            window.playback()->seek(3200);
            waitUntil([&] { return window.lyricsPanel()->currentLine() == 2; }, 3000);
            save(window, out, QStringLiteral("05b-lyrics"));
            window.playback()->stop();
            window.lyricsDock()->hide();
        }
    }

    // A real listening history, imported as Settings → Import does (the writer thread), into
    // its own profile; History and Dashboards show it.
    const QString history = parser.value(QStringLiteral("history"));
    if (!history.isEmpty() && QFileInfo(history).isDir()) {
        engine.addProfile(QStringLiteral("Romain"));
        waitUntil([&] { return engine.profiles().size() > 1; }, 10000);
        engine.setActiveProfile(QStringLiteral("Romain"));
        waitUntil([&] { return engine.activeProfile().name == QLatin1String("Romain"); }, 10000);
        window.showPage(MainWindow::History);
        window.importHistory({history});
        // Two profiles: the window asks whose history it is, as the listener would answer.
        if (auto* ask = window.findChild<QInputDialog*>(QStringLiteral("importProfileDialog"))) {
            ask->setTextValue(QStringLiteral("Romain"));
            ask->accept();
        }
        waitFor(&engine, &Engine::importFinished, 10 * 60 * 1000);
        ImportReportDialog* report = nullptr;
        waitUntil([&] { return (report = window.findChild<ImportReportDialog*>()) != nullptr; },
                  5000);
        print(QStringLiteral("# imported %1: %2")
                  .arg(QFileInfo(history).fileName(), window.importStatus()->text()));
        // And some listens played here today, as the player logs them (skips included).
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const int today = qMin(12, page->model()->rowCount());
        for (int i = 0; i < today; ++i) {
            Play listen;
            listen.track_id = page->model()->trackIdAt((i * 7) % page->model()->rowCount());
            listen.started_at = now - 600 * (today - i);
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
        idleRecommender();  // the import retrains the model: let it finish first
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
    if (auto* dashboards = qobject_cast<dashboards::DashboardsPage*>(window.dashboardsPage())) {
        window.showPage(MainWindow::Dashboards);
        if (dashboards->isComputing() || !dashboards->report())
            waitFor(dashboards, &dashboards::DashboardsPage::updated, 120000);
        save(window, out, QStringLiteral("07-dashboards"));
        // Further down: the statistics of what makes a song popular, and time patterns.
        if (auto* scroll = dashboards->findChild<QScrollArea*>()) {
            scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum() / 2);
            save(window, out, QStringLiteral("07b-dashboards-more"));
            scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
            save(window, out, QStringLiteral("07c-dashboards-end"));
            scroll->verticalScrollBar()->setValue(0);
        }
    }
    // Playlists: a ready-made smart playlist over the imported log, its rule editor, a saved
    // playlist, and the tag editor on three songs.
    if (PlaylistsController* playlists = window.playlists()) {
        QListWidget* list = playlists->sidebar()->list();
        waitUntil([&] { return list->count() >= 5; }, 10000);
        // The first ready-made one that holds songs for this listener.
        for (const char* name : {"Forgotten favourites", "On repeat this month",
                                 "Your songs for this hour", "Never played"}) {
            for (int row = 0; row < list->count(); ++row) {
                if (list->item(row)->text() == QLatin1String(name))
                    list->setCurrentRow(row);
            }
            waitFor(playlists->page(), &PlaylistPage::shown, 30000);
            if (playlists->page()->model()->rowCount() > 0)
                break;
        }
        save(window, out, QStringLiteral("09-smart-playlist"));
        if (const auto& shown = playlists->page()->contents(); shown && shown->rules) {
            SmartPlaylistEditor editor(*engine.playlists(), shown->playlist.name, *shown->rules,
                                       &window);
            editor.show();
            waitUntil([&] { return editor.preview()->text().contains(QLatin1String("match")); },
                      30000);
            save(editor, out, QStringLiteral("09b-smart-editor"));
        }
        QList<TrackId> mix;
        for (int row = 0; row < qMin(9, page->model()->rowCount()); ++row)
            mix << page->model()->trackIdAt(row * 3 % page->model()->rowCount());
        playlists->createPlaylist(QStringLiteral("Sunday morning"), mix);
        waitUntil(
            [&] {
                return playlists->page()->contents() &&
                       playlists->page()->contents()->playlist.name ==
                           QLatin1String("Sunday morning");
            },
            10000);
        save(window, out, QStringLiteral("09c-playlist"));
        window.showPage(MainWindow::Library);
        if (TagEditorDialog* tags = window.tagEditor()->edit(mix.mid(0, 3))) {
            waitUntil([&] { return tags->isLoaded(); }, 10000);
            save(*tags, out, QStringLiteral("09d-tag-editor"));
            tags->reject();
        }
    }
    window.showPage(MainWindow::Settings);
    save(window, out, QStringLiteral("08-settings"));
    // Further down: profiles, the history's import and deletion, privacy.
    if (auto* scroll = window.settingsPage()->findChild<QScrollArea*>()) {
        scroll->ensureWidgetVisible(window.settingsPage()->history(), 0, 0);
        scroll->verticalScrollBar()->setValue(window.settingsPage()->profiles()->y() - 16);
    }
    save(window, out, QStringLiteral("08b-settings-history"));

    // The demo profile again, in the dark.
    const QString demoProfile = engine.profiles().value(0).name;
    engine.setActiveProfile(demoProfile);
    waitUntil([&] { return engine.activeProfile().name == demoProfile; }, 10000);
    Appearance::apply(Appearance::Mode::Dark);
    window.showPage(MainWindow::Library);
    save(window, out, QStringLiteral("10-library-dark"));
    showAlbumGrid(QStringLiteral("10b-library-albums-dark"));
    window.showPage(MainWindow::UpNext);
    waitFor(upNext, &UpNextPage::suggestionsShown, 5000);
    upNext->suggestionList()->setCurrentRow(0);
    save(window, out, QStringLiteral("11-up-next-dark"));
    if (auto* dashboards = qobject_cast<dashboards::DashboardsPage*>(window.dashboardsPage())) {
        window.showPage(MainWindow::Dashboards);
        if (dashboards->isComputing())
            waitFor(dashboards, &dashboards::DashboardsPage::updated, 120000);
        save(window, out, QStringLiteral("12-dashboards-dark"));
    }
    Appearance::apply(Appearance::Mode::Light);

    FirstRunWizard wizard;
    wizard.setFolders({QDir::homePath() + QStringLiteral("/Music")});
    wizard.show();
    save(wizard, out, QStringLiteral("13-first-run"));
    wizard.setHistoryPaths({QDir::homePath() + QStringLiteral("/Downloads/my_spotify_data.zip")});
    wizard.next();
    save(wizard, out, QStringLiteral("13b-first-run-history"));
    wizard.hide();

    // Incognito: the badge in the now-playing bar.
    engine.setIncognito(true);
    window.showPage(MainWindow::Library);
    save(window, out, QStringLiteral("14-incognito"));
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
    save(problems, out, QStringLiteral("15-scan-problems"));
    problems.hide();

    if (!parser.isSet(QStringLiteral("no-matrix"))) {
        window.hide();
        const int matrix = renderViewMatrix(out, work.path(), library, history);
        print(QStringLiteral("# %1 pictures of every view").arg(matrix));
    }
    return 0;
}
