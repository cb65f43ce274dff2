#pragma once

#include "library/libraryindex.h"
#include "playback/player.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace encore {

class CoverLoader;
class DashboardsPage;
class Engine;
class HistoryPage;
class LibraryPage;
class NowPlayingBar;
class PlayQueue;
class PlaybackController;
class ScanStatus;
class SettingsPage;
class UpNextPage;

// Encore's window: a sidebar of pages (Library, Up Next, Dashboards, History, Settings), the
// now-playing strip below them and the scan status at the bottom. It only wires widgets to
// the engine and to playback; the work is in the pages and the engine.
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
    DashboardsPage* dashboardsPage() const { return dashboards_; }
    SettingsPage* settingsPage() const { return settings_; }
    PlaybackController* playback() const { return playback_; }
    NowPlayingBar* nowPlaying() const { return now_playing_; }
    ScanStatus* scanStatus() const { return scan_status_; }
    QListWidget* sidebar() const { return sidebar_; }

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

Q_SIGNALS:
    // A library snapshot reached the table.
    void libraryLoaded(int tracks);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QWidget* buildSidebar();
    void installShortcuts();
    void showLibrary(std::shared_ptr<const LibraryIndex> index);
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
    DashboardsPage* dashboards_;
    HistoryPage* history_;
    SettingsPage* settings_;
    NowPlayingBar* now_playing_;
    ScanStatus* scan_status_;
    QLabel* library_count_;
    QLabel* incognito_;
    bool loading_ = false;
    bool reload_pending_ = false;
    bool library_loaded_ = false;
};

}  // namespace encore
