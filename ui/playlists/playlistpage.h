#pragma once

#include "library/libraryindex.h"
#include "playlists/playlistservice.h"

#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QTableView;

namespace encore {

class PlaylistTrackModel;

// One playlist, opened from the sidebar: its name, what it holds in plain words (a smart
// playlist's rules; a saved one's length), its songs, and what can be done with it. A smart
// playlist is read again whenever the log or the library changes while it is shown.
class PlaylistPage : public QWidget {
    Q_OBJECT

public:
    PlaylistPage(PlaylistService& service, QWidget* parent = nullptr);

    void setIndex(std::shared_ptr<const LibraryIndex> index);
    // Shows this playlist (reads it off the GUI thread).
    void showPlaylist(PlaylistId id);
    PlaylistId playlistId() const { return id_; }
    const std::optional<PlaylistContents>& contents() const { return contents_; }
    PlaylistTrackModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    QLabel* summary() const { return summary_; }
    // Reads the shown playlist again.
    void reload();

Q_SIGNALS:
    void playRequested(const std::vector<encore::TrackId>& context, int start);
    void enqueueRequested(const QList<encore::TrackId>& ids, bool playNext);
    void editRequested(encore::PlaylistId id);
    void renameRequested(encore::PlaylistId id);
    void deleteRequested(encore::PlaylistId id);
    void exportRequested(encore::PlaylistId id);
    void exportRulesRequested(encore::PlaylistId id);
    // Read with the newest contents (tests wait for it).
    void shown(encore::PlaylistId id);
    void message(const QString& text);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void show(const PlaylistContents& contents);
    void showContextMenu(const QPoint& pos);
    void removeSelected();
    std::vector<TrackId> playable() const;

    PlaylistService& service_;
    PlaylistId id_ = 0;
    std::optional<PlaylistContents> contents_;
    PlaylistTrackModel* model_;
    QLabel* heading_;
    QLabel* summary_;
    QPushButton* play_;
    QPushButton* edit_;
    QPushButton* rename_;
    QPushButton* export_;
    QPushButton* export_rules_;
    QPushButton* delete_;
    QTableView* view_;
    bool stale_ = false;  // changed while hidden: read again when shown
    int generation_ = 0;
};

}  // namespace encore
