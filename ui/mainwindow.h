#pragma once

#include "library/libraryindex.h"
#include "playback/player.h"

#include <QMainWindow>

#include <memory>

class QDockWidget;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace encore {

class CoverLoader;
class Engine;
class HistoryPage;
class ImportStatus;
class LibraryPage;
class LoudnessStatus;
class LyricsPanel;
class ModelStatus;
class NowPlayingBar;
class PathOpener;
class PlayQueue;
class PlaybackController;
class PlaylistsController;
class TagEditController;
class RecommenderProvider;
class ScanStatus;
class SettingsPage;
class SimilarPanel;
class StatusMessages;
class SuggestionList;
class SuggestionProvider;
class UpNextPage;

// Encore's window: a sidebar of pages (Library, Up Next, Dashboards, History, Settings), the
// now-playing strip below them and the scan, import and recommender status at the bottom. It
// only wires widgets to the engine and to playback (every listen goes through the engine's
// play and skip rules to the database writer; suggestions come from the engine's recommender,
// the dashboards from their own statistics worker); the work is in the pages and the engine.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    enum Page { Library, UpNext, Dashboards, History, Settings, PageCount };

    // `player`: null picks one for this machine (PlayerFactory); tests pass a ClockedPlayer.
    explicit MainWindow(Engine& engine, std::unique_ptr<Player> player = nullptr,
                        QWidget* parent = nullptr);
    ~MainWindow() override;

    LibraryPage* libraryPage() const { return library_; }
    UpNextPage* upNextPage() const { return up_next_; }
    HistoryPage* historyPage() const { return history_; }
    // The Dashboards page (encore::dashboards::DashboardsPage unless replaced), built now if the
    // window has not built it yet (it does so once the library is shown).
    QWidget* dashboardsPage();
    // Puts `page` in the Dashboards slot; the window owns it and drops the page it replaces.
    void setDashboardsPage(QWidget* page);
    // Where "Recommended next" and "Similar to" come from. The window starts with the engine's
    // recommender (when the engine is started); another provider (kept alive by the caller)
    // replaces it. The similar-songs panel sits on the right of the Library page.
    void setSuggestionProvider(SuggestionProvider* provider);
    SuggestionProvider* suggestionProvider() const { return provider_; }
    // The recommender's line in the status bar (null without a started engine).
    ModelStatus* modelStatus() const { return model_status_; }
    // The status bar's passing messages (their whole text, the bar may show them shortened).
    StatusMessages* statusMessages() const { return messages_; }
    SimilarPanel* similarPanel() const { return similar_; }
    SettingsPage* settingsPage() const { return settings_; }
    PlaybackController* playback() const { return playback_; }
    NowPlayingBar* nowPlaying() const { return now_playing_; }
    ScanStatus* scanStatus() const { return scan_status_; }
    ImportStatus* importStatus() const { return import_status_; }
    LoudnessStatus* loudnessStatus() const { return loudness_status_; }
    QListWidget* sidebar() const { return sidebar_; }
    // Saved and smart playlists: the sidebar section and its page (null without a started engine).
    PlaylistsController* playlists() const { return playlists_; }
    TagEditController* tagEditor() const { return tag_editor_; }
    LyricsPanel* lyricsPanel() const { return lyrics_; }
    QDockWidget* lyricsDock() const { return lyrics_dock_; }

    void showPage(Page page);
    Page currentPage() const;

    // Loads the library off the GUI thread; the table fills when it arrives. Calls while a
    // load runs are folded into one more load after it.
    void reloadLibrary();
    bool isLibraryLoaded() const { return library_loaded_; }

    // Shows the first-run wizard if it was never shown and the library has no folders.
    void offerFirstRun();
    // Asks for a folder and scans it.
    void addFolder();
    // Imports listening histories into the active profile; the report opens when it is done.
    void importHistory(const QStringList& paths);
    // Asks for history files, then imports them.
    void chooseHistoryToImport();
    // Reads the Plays and Last played columns again (off the GUI thread).
    void reloadPlayStats();
    // Files and folders from the desktop (a second start, `encore FILE... DIR...`): folders join
    // the library, songs play or queue (see PathOpener); the window comes to the front.
    void openPaths(const QStringList& paths);
    PathOpener* pathOpener() const { return opener_; }
    // Writes the queue as an M3U8 at `path` off the GUI thread; queueSaved follows (also for
    // saveTracksAs).
    void saveQueueAs(const QString& path);
    // Writes these tracks as an M3U8 (CUE sheets' tracks are left out: no file of their own).
    void saveTracksAs(const QString& path, const QList<TrackInfo>& tracks);

Q_SIGNALS:
    // A library snapshot reached the table.
    void libraryLoaded(int tracks);
    void queueSaved(const QString& path, bool ok);
    // The player has the library's newest loudness measures (see reloadLevels).
    void levelsReloaded();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    QWidget* buildSidebar();
    QList<TrackInfo> resolveAll(const QList<TrackId>& ids) const;
    void offerSavingAsPlaylist(SuggestionList* list, const QString& fileName);
    void reloadLevels();
    void buildLyricsDock();
    void installShortcuts();
    void showLibrary(std::shared_ptr<const LibraryIndex> index);
    void connectListening();
    void connectPlaylists();
    void connectDashboards();
    void ensureDashboards();
    void startFirstRun(const QStringList& folders, const QStringList& histories);
    void refreshIcons();
    void saveState() const;
    void restoreState();

    Engine& engine_;
    PlayQueue* queue_;
    PlaybackController* playback_;
    CoverLoader* covers_;
    QListWidget* sidebar_;
    QStackedWidget* pages_;
    LibraryPage* library_;
    UpNextPage* up_next_;
    QWidget* dashboards_;
    bool dashboards_built_ = false;
    HistoryPage* history_;
    SettingsPage* settings_;
    NowPlayingBar* now_playing_;
    ScanStatus* scan_status_;
    ImportStatus* import_status_;
    LoudnessStatus* loudness_status_;
    SimilarPanel* similar_ = nullptr;
    SuggestionProvider* provider_ = nullptr;
    RecommenderProvider* recommender_ = nullptr;
    ModelStatus* model_status_ = nullptr;
    StatusMessages* messages_ = nullptr;
    QLabel* library_count_;
    LyricsPanel* lyrics_ = nullptr;
    QDockWidget* lyrics_dock_ = nullptr;
    PathOpener* opener_;
    PlaylistsController* playlists_ = nullptr;
    TagEditController* tag_editor_;
    bool loading_ = false;
    bool reload_pending_ = false;
    bool library_loaded_ = false;
    bool stats_loading_ = false;
    bool stats_pending_ = false;
    bool report_pending_ = false;  // the import was asked for here: show its report
};

}  // namespace encore
