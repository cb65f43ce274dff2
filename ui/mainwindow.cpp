#include "mainwindow.h"

#include "albums/covercache.h"

#include "browse/librarypage.h"
#include "dashboards/dashboardspage.h"
#include "desktop/pathopener.h"
#include "engine.h"
#include "firstrunwizard.h"
#include "pages/historypage.h"
#include "pages/settingspage.h"
#include "pages/upnextpage.h"
#include "playback/coverloader.h"
#include "playback/listenwiring.h"
#include "playback/lyricspanel.h"
#include "playback/nowplayingbar.h"
#include "playback/playbackcontroller.h"
#include "playback/playbacksessionsettings.h"
#include "playback/playerfactory.h"
#include "playback/playqueue.h"
#include "playlists/playlistfile.h"
#include "playlists/playlistpage.h"
#include "playlists/playlistscontroller.h"
#include "playlists/playlistsidebar.h"
#include "settings/historysection.h"
#include "status/importstatus.h"
#include "status/loudnessstatus.h"
#include "status/modelstatus.h"
#include "status/scanstatus.h"
#include "status/statusmessages.h"
#include "suggest/recommenderprovider.h"
#include "suggest/similarpanel.h"
#include "suggest/suggestionlist.h"
#include "tags/tageditcontroller.h"
#include "widgets/formatting.h"
#include "widgets/icons.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFrame>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QShortcut>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace encore {

namespace {

const auto kGeometryKey = QStringLiteral("window/geometry");
const auto kPageKey = QStringLiteral("window/page");
constexpr int kMessageMs = 10000;
constexpr int kSidebarWidth = 190;
constexpr int kDashboardsPreloadDelayMs = 5000;  // after startup's own reads and the first paint
// The Dashboards page is built after the populated table's first paint, in a turn of its own.
constexpr int kDashboardsBuildDelayMs = 300;

struct PageInfo {
    const char* icon;
    const char* title;
};
// In Page order.
constexpr PageInfo kPages[] = {
    {"folder-music", QT_TRANSLATE_NOOP("MainWindow", "Library")},
    {"media-playlist-consecutive", QT_TRANSLATE_NOOP("MainWindow", "Up Next")},
    {"view-statistics", QT_TRANSLATE_NOOP("MainWindow", "Dashboards")},
    {"document-open-recent", QT_TRANSLATE_NOOP("MainWindow", "History")},
    {"preferences-system", QT_TRANSLATE_NOOP("MainWindow", "Settings")},
};

QFrame* separator(QFrame::Shape shape, QWidget* parent) {
    auto* line = new QFrame(parent);
    line->setFrameShape(shape);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

}  // namespace

MainWindow::MainWindow(Engine& engine, std::unique_ptr<Player> player, QWidget* parent)
    : QMainWindow(parent)
    , engine_(engine)
    , queue_(new PlayQueue(this))
    , playback_(new PlaybackController(player ? std::move(player) : PlayerFactory::create(), queue_,
                                       this))
    , covers_(new CoverLoader(engine, this))
    , pages_(new QStackedWidget(this))
    , library_(new LibraryPage(this))
    , up_next_(new UpNextPage(*playback_, this))
    , dashboards_(new QWidget(this))  // the real page is built after the window shows
    , history_(new HistoryPage(engine, this))
    , settings_(new SettingsPage(engine, *playback_->player(), this))
    , now_playing_(new NowPlayingBar(*playback_, *covers_, this))
    , scan_status_(new ScanStatus(engine, this))
    , import_status_(new ImportStatus(engine, this))
    , loudness_status_(new LoudnessStatus(engine, this))
    , library_count_(new QLabel(this))
    , opener_(new PathOpener(engine, *playback_, this))
    , tag_editor_(new TagEditController(engine, *library_, this)) {
    setWindowTitle(tr("Encore"));
    setAcceptDrops(true);
    setWindowIcon(Icons::get(QStringLiteral("folder-music")));

    pages_->addWidget(library_);
    pages_->addWidget(up_next_);
    pages_->addWidget(dashboards_);
    pages_->addWidget(history_);
    pages_->addWidget(settings_);
    if (engine_.playlists()) {
        playlists_ = new PlaylistsController(*engine_.playlists(), *playback_, *library_, this);
        pages_->addWidget(playlists_->page());  // after the pages of Page, never one of them
    }

    auto* body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(0);
    body->addWidget(buildSidebar());
    body->addWidget(separator(QFrame::VLine, this));
    body->addWidget(pages_, 1);
    auto* central = new QWidget(this);
    auto* column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addLayout(body, 1);
    column->addWidget(separator(QFrame::HLine, this));
    column->addWidget(now_playing_);
    setCentralWidget(central);

    messages_ = new StatusMessages(statusBar());
    statusBar()->addWidget(scan_status_, 1);
    statusBar()->addWidget(import_status_, 1);
    statusBar()->addWidget(loudness_status_, 1);
    if (engine_.recommender()) {
        recommender_ = new RecommenderProvider(engine_, this);
        model_status_ = new ModelStatus(*recommender_, this);
        statusBar()->addPermanentWidget(model_status_, 2);
        messages_->addPermanentWidget(model_status_);
    }
    statusBar()->addPermanentWidget(library_count_);
    messages_->addPermanentWidget(library_count_);
    now_playing_->setIncognito(engine_.incognito());
    connect(&engine_, &Engine::incognitoChanged, now_playing_, &NowPlayingBar::setIncognito);
    connectListening();
    if (recommender_)
        setSuggestionProvider(recommender_);

    connect(&engine_, &Engine::libraryChanged, this, &MainWindow::reloadLibrary);
    // The background check found damage the library opened with: say it now; the next start
    // checks first and offers the backup.
    connect(&engine_, &Engine::databaseDamaged, this, [this] {
        auto* box = new QMessageBox(
            QMessageBox::Warning, tr("The library database is damaged"),
            engine_.health().message + QStringLiteral("\n\n") +
                tr("Encore keeps working on it for now. Quit and start Encore again to restore "
                   "the backup, or keep going and restore later."),
            QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("databaseDamagedDialog"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    buildLyricsDock();
    connect(opener_, &PathOpener::message, this,
            [this](const QString& text) { messages_->show(text, kMessageMs); });
    // New measures reach the player through the index (nothing else depends on them).
    connect(&engine_, &Engine::loudnessMeasured, this, &MainWindow::reloadLevels);
    connect(library_, &LibraryPage::playRequested, playback_, &PlaybackController::playContext);
    connect(library_, &LibraryPage::enqueueRequested, this,
            [this](const QList<TrackId>& ids, bool next) {
                playback_->enqueue(ids, next);
                messages_->show(next ? tr("%n tracks will play next", nullptr, int(ids.size()))
                                     : tr("%n tracks added to the queue", nullptr, int(ids.size())),
                                kMessageMs / 2);
            });
    connect(library_, &LibraryPage::addFolderRequested, this, &MainWindow::addFolder);
    connect(settings_, &SettingsPage::addFolderRequested, this, &MainWindow::addFolder);
    connect(settings_, &SettingsPage::importRequested, this, &MainWindow::importHistory);
    connect(history_, &HistoryPage::importRequested, this, &MainWindow::chooseHistoryToImport);
    connect(history_, &HistoryPage::playRequested, this,
            [this](TrackId id) { playback_->playContext({id}, 0); });
    connect(playback_, &PlaybackController::currentChanged, this,
            [this](const std::optional<TrackInfo>& track) {
                library_->model()->setNowPlaying(track ? track->id : 0);
                setWindowTitle(track ? tr("%1 — Encore").arg(track->title) : tr("Encore"));
            });
    connect(playback_, &PlaybackController::message, this,
            [this](const QString& text) { messages_->show(text, kMessageMs); });
    connect(up_next_, &UpNextPage::openPlaylistRequested, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Add a playlist to the queue"), QDir::homePath(),
                                         tr("Playlists (*.m3u *.m3u8 *.pls *.xspf)"));
        if (!path.isEmpty())
            opener_->open({path});
    });
    connect(up_next_, &UpNextPage::saveQueueRequested, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the queue as a playlist"),
                                                          QDir::homePath() + tr("/Queue.m3u8"),
                                                          tr("M3U8 playlist (*.m3u8)"));
        if (!path.isEmpty())
            saveQueueAs(path);
    });
    offerSavingAsPlaylist(up_next_->suggestionList(), tr("Recommended.m3u8"));
    connect(up_next_, &UpNextPage::message, this,
            [this](const QString& text) { messages_->show(text, kMessageMs); });
    connectPlaylists();
    connect(tag_editor_, &TagEditController::message, this,
            [this](const QString& text) { messages_->show(text, kMessageMs); });

    installShortcuts();
    refreshIcons();
    resize(1280, 800);
    restoreState();
}

MainWindow::~MainWindow() = default;

// An opened playlist takes the page area; a page of the window gives it back.
void MainWindow::connectPlaylists() {
    if (!playlists_)
        return;
    connect(playlists_, &PlaylistsController::pageRequested, this, [this] {
        const QSignalBlocker quiet(sidebar_);
        sidebar_->setCurrentRow(-1);
        pages_->setCurrentWidget(playlists_->page());
    });
    connect(sidebar_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            playlists_->sidebar()->select(0);
    });
    connect(playlists_, &PlaylistsController::exportRequested, this,
            [this](const QString& path, const QList<TrackId>& ids) {
                saveTracksAs(path, resolveAll(ids));
            });
    connect(playlists_, &PlaylistsController::message, this,
            [this](const QString& text) { messages_->show(text, kMessageMs); });
}

// Every listen goes through the engine's rules to the database writer; the library columns
// and the messages follow what the writer did.
void MainWindow::connectListening() {
    connectListenTracker(playback_->events(), engine_.listenTracker(), playback_->player());
    connect(&engine_, &Engine::playLogged, this,
            [this](const Play& play, const TrackPlayStats& stats) {
                if (play.profile_id != engine_.activeProfile().id)
                    return;
                if (stats_loading_)
                    stats_pending_ = true;  // the running read may predate this listen
                library_->model()->setTrackPlayStats(play.track_id, stats);
                up_next_->refreshSuggestions();  // "played in the last hour" changed
            });
    connect(&engine_, &Engine::historyChanged, this, &MainWindow::reloadPlayStats);
    connect(&engine_, &Engine::activeProfileChanged, this, &MainWindow::reloadPlayStats);
    connect(&engine_, &Engine::importFinished, this, [this] {
        if (report_pending_) {
            report_pending_ = false;
            import_status_->showDetails();
        }
    });
    connect(&engine_, &Engine::historyForgotten, this, [this](qint64 count) {
        messages_->show(count == 1 ? tr("1 listen deleted")
                                   : tr("%1 listens deleted").arg(Formatting::count(count)),
                        kMessageMs);
    });
    connect(&engine_, &Engine::writeFailed, this,
            [this](const QString& text) { messages_->show(text, kMessageMs); });
}

// Charts follow the log and the library; "See recommendations" opens Up Next.
void MainWindow::connectDashboards() {
    auto* page = qobject_cast<dashboards::DashboardsPage*>(dashboards_);
    if (!page)
        return;
    connect(&engine_, &Engine::playLogged, page, &dashboards::DashboardsPage::refresh);
    connect(&engine_, &Engine::historyChanged, page, &dashboards::DashboardsPage::refresh);
    connect(&engine_, &Engine::libraryChanged, page, &dashboards::DashboardsPage::libraryChanged);
    connect(&engine_, &Engine::activeProfileChanged, page,
            [page](const Profile& profile) { page->setProfile(profile.id); });
    connect(page, &dashboards::DashboardsPage::recommendationsRequested, this,
            [this] { showPage(UpNext); });
    // The recap's covers come from the album grid's cache (thumbnails on disk, off the GUI
    // thread); a cover that arrives repaints the recap.
    page->setCoverSource([this](TrackId id) {
        const std::optional<TrackInfo> track = playback_->resolve(id);
        QImage image;
        if (track && !track->path.isEmpty())
            library_->covers()->lookup(track->artist + QChar(0x1f) + track->album, track->path,
                                       &image);
        return image;
    });
    connect(library_->covers(), &CoverCache::coverReady, page,
            &dashboards::DashboardsPage::coversChanged);
}

void MainWindow::setSuggestionProvider(SuggestionProvider* provider) {
    provider_ = provider;
    up_next_->setProvider(provider);
    if (similar_) {
        similar_->setProvider(provider);
        return;
    }
    if (!provider)
        return;
    similar_ = new SimilarPanel(provider, this);
    library_->setSidePanel(similar_);
    offerSavingAsPlaylist(similar_->list(), tr("Similar.m3u8"));
    auto show = [this](TrackId id) {
        const std::optional<TrackInfo> track = id ? playback_->resolve(id) : std::nullopt;
        similar_->showSimilar(track ? id : 0, track ? track->title : QString());
    };
    connect(library_, &LibraryPage::currentTrackChanged, similar_, show);
    connect(library_, &LibraryPage::similarRequested, similar_, show);
    connect(similar_, &SimilarPanel::playRequested, playback_, &PlaybackController::playContext);
    connect(similar_, &SimilarPanel::enqueueRequested, this,
            [this](const QList<TrackId>& ids, bool next) { playback_->enqueue(ids, next); });
    connect(similar_, &SimilarPanel::message, this,
            [this](const QString& text) { messages_->show(text, kMessageMs); });
}

QWidget* MainWindow::dashboardsPage() {
    ensureDashboards();
    return dashboards_;
}

// The Dashboards page (a dozen charts) costs the GUI thread more to build than the rest of the
// window: it is built in a turn of its own after the window shows, or when first asked for.
void MainWindow::ensureDashboards() {
    if (dashboards_built_)
        return;
    setDashboardsPage(new dashboards::DashboardsPage(engine_.database(), this));
}

void MainWindow::setDashboardsPage(QWidget* page) {
    if (!page || page == dashboards_)
        return;
    dashboards_built_ = true;
    const int index = pages_->indexOf(dashboards_);
    const bool current = pages_->currentIndex() == index;
    pages_->insertWidget(index, page);
    pages_->removeWidget(dashboards_);
    dashboards_->deleteLater();
    dashboards_ = page;
    connectDashboards();
    if (current)
        pages_->setCurrentIndex(index);
}

QWidget* MainWindow::buildSidebar() {
    sidebar_ = new QListWidget(this);
    sidebar_->setFrameShape(QFrame::NoFrame);
    sidebar_->setFixedWidth(kSidebarWidth);
    sidebar_->setIconSize(QSize(20, 20));
    sidebar_->setSpacing(2);
    sidebar_->setFocusPolicy(Qt::NoFocus);
    sidebar_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    sidebar_->viewport()->setBackgroundRole(QPalette::Window);  // part of the window, not a list
    QFont font = sidebar_->font();
    font.setPointSizeF(font.pointSizeF() * 1.08);
    sidebar_->setFont(font);
    for (int page = 0; page < PageCount; ++page) {
        auto* item = new QListWidgetItem(tr(kPages[page].title), sidebar_);
        item->setSizeHint(QSize(kSidebarWidth - 8, fontMetrics().height() + 18));
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(tr(kPages[page].title)).arg(page + 1));
    }
    connect(sidebar_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row == Dashboards)
            ensureDashboards();
        pages_->setCurrentIndex(row);
    });
    sidebar_->setCurrentRow(Library);

    auto* holder = new QWidget(this);
    auto* layout = new QVBoxLayout(holder);
    layout->setContentsMargins(6, 12, 6, 12);
    layout->addWidget(sidebar_);
    if (playlists_) {
        // The pages keep their rows' height; the playlists get the rest of the column.
        int height = 2 * sidebar_->frameWidth();
        for (int row = 0; row < sidebar_->count(); ++row)
            height += sidebar_->item(row)->sizeHint().height() + 2 * sidebar_->spacing();
        sidebar_->setFixedHeight(height);
        layout->addWidget(playlists_->sidebar(), 1);
    }
    holder->setFixedWidth(kSidebarWidth + 12);
    return holder;
}

// Lyrics beside the pages, hidden until asked for (Ctrl+L, or the Lyrics button by the volume).
void MainWindow::buildLyricsDock() {
    lyrics_ = new LyricsPanel(*playback_, this);
    lyrics_dock_ = new QDockWidget(tr("Lyrics"), this);
    lyrics_dock_->setObjectName(QStringLiteral("lyrics"));
    lyrics_dock_->setWidget(lyrics_);
    lyrics_dock_->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::RightDockWidgetArea, lyrics_dock_);
    lyrics_dock_->setVisible(QSettings().value(QStringLiteral("window/lyrics"), false).toBool());
    QAction* toggle = lyrics_dock_->toggleViewAction();
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    toggle->setToolTip(tr("Lyrics (Ctrl+L)"));
    addAction(toggle);
    connect(toggle, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(QStringLiteral("window/lyrics"), on); });
    auto* button = new QToolButton(this);
    button->setDefaultAction(toggle);
    button->setAutoRaise(true);
    now_playing_->addControl(button);
}

void MainWindow::installShortcuts() {
    auto shortcut = [this](const QKeySequence& keys, auto slot) {
        auto* s = new QShortcut(keys, this);
        s->setContext(Qt::WindowShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::Key_Space), [this] { playback_->togglePlayPause(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Right), [this] { playback_->next(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Left), [this] { playback_->previous(); });
    shortcut(QKeySequence::Find, [this] {
        showPage(Library);
        library_->focusFilter();
    });
    shortcut(QKeySequence(Qt::Key_MediaTogglePlayPause), [this] { playback_->togglePlayPause(); });
    shortcut(QKeySequence(Qt::Key_MediaPlay), [this] { playback_->play(); });
    shortcut(QKeySequence(Qt::Key_MediaPause), [this] { playback_->pause(); });
    shortcut(QKeySequence(Qt::Key_MediaStop), [this] { playback_->stop(); });
    shortcut(QKeySequence(Qt::Key_MediaNext), [this] { playback_->next(); });
    shortcut(QKeySequence(Qt::Key_MediaPrevious), [this] { playback_->previous(); });
    shortcut(QKeySequence::Quit, [this] { close(); });
    for (int page = 0; page < PageCount; ++page)
        shortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + page)),
                 [this, page] { showPage(Page(page)); });
}

void MainWindow::showPage(Page page) {
    sidebar_->setCurrentRow(page);
}

MainWindow::Page MainWindow::currentPage() const {
    const int index = pages_->currentIndex();
    return index < PageCount ? Page(index) : Library;  // a playlist: the Library next time
}

void MainWindow::reloadLibrary() {
    if (loading_) {
        reload_pending_ = true;
        return;
    }
    loading_ = true;
    if (!library_loaded_)
        library_count_->setText(tr("Loading the library…"));
    using Loaded = Result<std::shared_ptr<const LibraryIndex>>;
    auto* watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher] {
        const Loaded loaded = watcher->result();
        watcher->deleteLater();
        loading_ = false;
        if (loaded)
            showLibrary(loaded.value());
        else
            messages_->show(loaded.error(), kMessageMs);
        if (reload_pending_) {
            reload_pending_ = false;
            reloadLibrary();
        }
    });
    watcher->setFuture(engine_.loadLibraryIndex());
}

// New loudness measures change what the player levels, not what the table shows: the player
// gets the new snapshot; the table (a model reset and sort of every row on this thread) does
// not. A full reload under way or due carries the measures anyway.
void MainWindow::reloadLevels() {
    if (loading_ || !library_loaded_) {
        reloadLibrary();
        return;
    }
    using Loaded = Result<std::shared_ptr<const LibraryIndex>>;
    auto* watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher] {
        const Loaded loaded = watcher->result();
        watcher->deleteLater();
        if (loaded && !loading_)
            playback_->setLibrary(loaded.value());
        Q_EMIT levelsReloaded();
    });
    watcher->setFuture(engine_.loadLibraryIndex());
}

void MainWindow::showLibrary(std::shared_ptr<const LibraryIndex> index) {
    const int tracks = index ? index->size() : 0;
    playback_->setLibrary(index);
    if (playlists_)
        playlists_->setIndex(index);
    tag_editor_->setIndex(index);
    library_->setIndex(std::move(index));
    library_count_->setText(tracks == 1 ? tr("1 track")
                                        : tr("%1 tracks").arg(Formatting::count(tracks)));
    if (!library_loaded_) {
        reloadPlayStats();  // later snapshots keep the figures the model has
        playback_->restore(loadPlaybackSession(QSettings()));  // ids resolve from now on
        QTimer::singleShot(kDashboardsBuildDelayMs, this, &MainWindow::ensureDashboards);
        QTimer::singleShot(kDashboardsPreloadDelayMs, this, [this] {
            if (auto* page = qobject_cast<dashboards::DashboardsPage*>(dashboardsPage()))
                page->preload();
        });
    }
    library_loaded_ = true;
    opener_->libraryLoaded();
    Q_EMIT libraryLoaded(tracks);
}

void MainWindow::openPaths(const QStringList& paths) {
    showNormal();
    raise();
    activateWindow();
    opener_->open(paths);
}

void MainWindow::offerFirstRun() {
    if (FirstRunWizard::wasShown())
        return;
    auto* watcher = new QFutureWatcher<Result<QStringList>>(this);
    connect(watcher, &QFutureWatcher<Result<QStringList>>::finished, this, [this, watcher] {
        const Result<QStringList> folders = watcher->result();
        watcher->deleteLater();
        if (!folders || !folders->isEmpty())
            return;
        FirstRunWizard::markShown();
        auto* wizard = new FirstRunWizard(this);
        wizard->setAttribute(Qt::WA_DeleteOnClose);
        connect(wizard, &QWizard::accepted, this,
                [this, wizard] { startFirstRun(wizard->folders(), wizard->historyPaths()); });
        wizard->open();
    });
    watcher->setFuture(engine_.libraryFolders());
}

// The scan first, then the history: its listens then find their songs in the library.
void MainWindow::startFirstRun(const QStringList& folders, const QStringList& histories) {
    if (folders.isEmpty()) {
        importHistory(histories);
        return;
    }
    engine_.scan(folders);
    if (histories.isEmpty())
        return;
    auto* once = new QObject(this);
    connect(&engine_, &Engine::scanFinished, once, [this, once, histories] {
        once->deleteLater();
        importHistory(histories);
    });
}

void MainWindow::importHistory(const QStringList& paths) {
    if (paths.isEmpty())
        return;
    const QList<Profile>& profiles = engine_.profiles();
    if (profiles.size() <= 1) {
        report_pending_ = true;
        engine_.importHistory(paths);
        return;
    }
    // Several listeners share this library: whose history is it?
    QStringList names;
    for (const Profile& p : profiles)
        names << p.name;
    auto* ask = new QInputDialog(this);
    ask->setObjectName(QStringLiteral("importProfileDialog"));
    ask->setWindowTitle(tr("Import listening history"));
    ask->setLabelText(tr("Whose listening history is this?"));
    ask->setComboBoxItems(names);
    ask->setComboBoxEditable(false);
    ask->setTextValue(engine_.activeProfile().name);
    ask->setOkButtonText(tr("Import"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QInputDialog::textValueSelected, this, [this, paths](const QString& profile) {
        report_pending_ = true;
        engine_.importHistory(paths, profile);
    });
    ask->open();  // window-modal, never a nested event loop
}

void MainWindow::chooseHistoryToImport() {
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import listening history"), QDir::homePath(), HistorySection::fileFilter());
    importHistory(files);
}

void MainWindow::reloadPlayStats() {
    if (stats_loading_) {
        stats_pending_ = true;
        return;
    }
    stats_loading_ = true;
    using Loaded = Result<QHash<TrackId, TrackPlayStats>>;
    auto* watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher] {
        const Loaded loaded = watcher->result();
        watcher->deleteLater();
        stats_loading_ = false;
        if (loaded)
            library_->model()->setPlayStats(loaded.value());
        else
            messages_->show(loaded.error(), kMessageMs);
        if (stats_pending_) {
            stats_pending_ = false;
            reloadPlayStats();
        }
    });
    watcher->setFuture(engine_.playStats());
}

// "Recommended next" and "Similar to" kept as playlist files, from their context menus.
void MainWindow::offerSavingAsPlaylist(SuggestionList* list, const QString& fileName) {
    connect(list, &SuggestionList::saveRequested, this, [this, list, fileName] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save the list as a playlist"), QDir::homePath() + QLatin1Char('/') + fileName,
            tr("M3U8 playlist (*.m3u8)"));
        if (!path.isEmpty())
            saveTracksAs(path, resolveAll(list->trackIds()));
    });
}

QList<TrackInfo> MainWindow::resolveAll(const QList<TrackId>& ids) const {
    QList<TrackInfo> tracks;
    for (const TrackId id : ids) {
        if (const std::optional<TrackInfo> t = playback_->resolve(id))
            tracks.append(*t);
    }
    return tracks;
}

void MainWindow::saveQueueAs(const QString& path) {
    QList<TrackInfo> tracks;
    for (int row = 0; row < queue_->size(); ++row)
        tracks.append(queue_->at(row));
    saveTracksAs(path, tracks);
}

void MainWindow::saveTracksAs(const QString& path, const QList<TrackInfo>& tracks) {
    QList<PlaylistEntry> entries;
    for (const TrackInfo& t : tracks) {
        if (t.start_ms > 0 || t.end_ms >= 0)
            continue;  // a CUE sheet's track is no file of its own that an M3U can name
        entries.append({t.path,
                        t.artist.isEmpty() ? t.title : t.artist + QStringLiteral(" - ") + t.title,
                        t.duration_ms});
    }
    auto* watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const Status saved = watcher->result();
        messages_->show(saved ? tr("Saved the playlist %1").arg(path) : saved.error(), kMessageMs);
        Q_EMIT queueSaved(path, saved.ok());
    });
    watcher->setFuture(QtConcurrent::run([path, entries] { return writeM3u8(path, entries); }));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() &&
        std::all_of(urls.begin(), urls.end(), [](const QUrl& url) { return url.isLocalFile(); }))
        event->acceptProposedAction();  // files and folders from a file manager
}

void MainWindow::dropEvent(QDropEvent* event) {
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        paths << url.toLocalFile();
    event->acceptProposedAction();
    opener_->open(paths);
}

void MainWindow::addFolder() {
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Add a music folder"), QDir::homePath());
    if (!dir.isEmpty())
        engine_.scan({dir});
}

void MainWindow::refreshIcons() {
    for (int page = 0; page < PageCount; ++page)
        sidebar_->item(page)->setIcon(Icons::get(QString::fromLatin1(kPages[page].icon)));
    if (playlists_)
        playlists_->sidebar()->refreshIcons();
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) {
        Icons::clearCache();
        refreshIcons();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveState();
    playback_->stop();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveState() const {
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kPageKey, int(currentPage()));
    library_->saveState(settings);
    savePlaybackSession(settings, playback_->session());
}

void MainWindow::restoreState() {
    const QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    library_->restoreState(settings);
    const int page = settings.value(kPageKey, int(Library)).toInt();
    showPage(page >= 0 && page < PageCount ? Page(page) : Library);
}

}  // namespace encore
