#pragma once

#include "library/libraryindex.h"
#include "store/playliststore.h"

#include <QFuture>
#include <QObject>

#include <functional>

class QMenu;

namespace encore {

class LibraryPage;
class PlaybackController;
class PlaylistPage;
class PlaylistService;
class PlaylistSidebar;

// Playlists in the window: the sidebar section, the page of the open playlist, the editor and
// the file dialogs, and "Add to playlist" in the Library's menu. Every change goes through the
// engine's PlaylistService; the window only places the two widgets.
class PlaylistsController : public QObject {
    Q_OBJECT

public:
    PlaylistsController(PlaylistService& service, PlaybackController& playback,
                        LibraryPage& library, QWidget* window);

    PlaylistSidebar* sidebar() const { return sidebar_; }
    PlaylistPage* page() const { return page_; }
    const QList<PlaylistSummary>& playlists() const { return playlists_; }

    void setIndex(std::shared_ptr<const LibraryIndex> index);
    // Opens the playlist's page.
    void open(PlaylistId id);
    // Reads the list of playlists again (after every change; tests call it too).
    void reloadList();

    // The dialogs' work, callable without them (the dialogs call these; so do tests).
    void createPlaylist(const QString& name, const QList<TrackId>& tracks);
    void importFile(const QString& path);
    void importSmart(const QString& path);
    void exportRules(PlaylistId id, const QString& path);

Q_SIGNALS:
    // The window should show the playlist page (a playlist was opened).
    void pageRequested();
    // The songs of a playlist to write as M3U8 at `path` (the window writes playlist files).
    void exportRequested(const QString& path, const QList<encore::TrackId>& tracks);
    void message(const QString& text);
    // The list of playlists was read (tests wait for it).
    void listReloaded();

private:
    void askName(const QString& title, const QString& initial,
                 std::function<void(const QString&)> then);
    void newPlaylist(const QList<TrackId>& tracks);
    void newSmart();
    void edit(PlaylistId id);
    void rename(PlaylistId id);
    void remove(PlaylistId id);
    void chooseExport(PlaylistId id);
    void chooseRulesExport(PlaylistId id);
    void extendLibraryMenu(QMenu& menu, const QList<TrackId>& selected);
    const PlaylistSummary* summary(PlaylistId id) const;
    template <typename T, typename Then>
    void whenDone(const QFuture<T>& future, Then then);

    PlaylistService& service_;
    PlaybackController& playback_;
    QWidget* window_;
    PlaylistSidebar* sidebar_;
    PlaylistPage* page_;
    QList<PlaylistSummary> playlists_;
    PlaylistId open_after_reload_ = 0;
};

}  // namespace encore
