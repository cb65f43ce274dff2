#pragma once

#include "store/playliststore.h"

#include <QWidget>

class QListWidget;
class QMenu;
class QToolButton;

namespace encore {

// The sidebar's Playlists section: a heading with an add menu (new, new smart, import), and the
// playlists by name, smart ones marked with their own icon.
class PlaylistSidebar : public QWidget {
    Q_OBJECT

public:
    explicit PlaylistSidebar(QWidget* parent = nullptr);

    void setPlaylists(const QList<PlaylistSummary>& playlists);
    // Marks this playlist as the open one (0: none, when a page of the window is shown).
    void select(PlaylistId id);
    QListWidget* list() const { return list_; }
    QMenu* addMenu() const { return add_menu_; }
    void refreshIcons();

Q_SIGNALS:
    void playlistActivated(encore::PlaylistId id);
    void newPlaylistRequested();
    void newSmartPlaylistRequested();
    void importRequested();
    void importSmartRequested();

private:
    QListWidget* list_;
    QToolButton* add_;
    QMenu* add_menu_;
    QList<PlaylistSummary> playlists_;
};

}  // namespace encore
