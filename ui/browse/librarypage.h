#pragma once

#include "browse/librarymodel.h"

#include <QList>
#include <QWidget>

#include <functional>

#include <vector>

class QLabel;
class QMenu;
class QLineEdit;
class QListView;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace encore {

class AlbumGrid;
class AlbumGridModel;
class BrowserModel;
class ColumnFitter;
class CoverCache;
class EmptyState;

// The Library page: a filter box, the genre / artist / album browser and under it the track
// table or the album grid (the Songs / Albums switch), and on its right an optional side panel
// (the similar-songs list, when a recommender is there).
class LibraryPage : public QWidget {
    Q_OBJECT

public:
    explicit LibraryPage(QWidget* parent = nullptr);

    LibraryModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    QLineEdit* filterEdit() const { return filter_; }
    BrowserModel* genres() const { return genres_; }
    BrowserModel* artists() const { return artists_; }
    BrowserModel* albums() const { return albums_; }
    QListView* genreList() const { return genre_list_; }
    QListView* artistList() const { return artist_list_; }
    QListView* albumList() const { return album_list_; }
    AlbumGrid* albumGrid() const { return album_grid_; }
    AlbumGridModel* albumModel() const { return album_model_; }
    CoverCache* covers() const { return covers_; }

    // Albums as a grid of covers instead of the track table (the filter and picks apply).
    void showAlbums(bool albums);
    bool showingAlbums() const;
    // The filter matches nothing: "No tracks match …" with a button that clears it.
    bool showingNoMatch() const;
    EmptyState* noMatch() const { return no_match_; }
    ColumnFitter* columnFitter() const { return fitter_; }

    void setIndex(std::shared_ptr<const LibraryIndex> index);
    void focusFilter();
    QList<TrackId> selectedTrackIds() const;
    // Plays the table from this view row (what a double-click does).
    void playRow(int row);

    // Puts `panel` to the right of the table (the page owns it); null removes nothing.
    void setSidePanel(QWidget* panel);
    QWidget* sidePanel() const { return side_panel_; }

    // Another room's entries in the table's context menu (playlists, the tag editor), added
    // after the page's own for the selected tracks.
    using MenuExtension = std::function<void(QMenu& menu, const QList<TrackId>& selected)>;
    void addMenuExtension(MenuExtension extension) {
        menu_extensions_.append(std::move(extension));
    }

    void saveState(QSettings& settings) const;
    void restoreState(const QSettings& settings);

Q_SIGNALS:
    // Play `context` (the table as shown) from position `start`.
    void playRequested(const std::vector<encore::TrackId>& context, int start);
    void enqueueRequested(const QList<encore::TrackId>& ids, bool playNext);
    void addFolderRequested();
    // The table's current row moved to this track (0: none).
    void currentTrackChanged(encore::TrackId track);
    // "Show similar" on a track (offered only while there is a side panel).
    void similarRequested(encore::TrackId track);

private:
    QListView* makeList(BrowserModel* model);
    void pickChanged(BrowserModel* model, QListView* list);
    void showFacets();
    void rememberSelection();
    void restoreSelection();
    void showContextMenu(const QPoint& pos);
    void showAlbumMenu(const QPoint& pos);
    void addTrackActions(QMenu& menu, const QList<TrackId>& ids, const QString& path);
    QList<TrackId> selectedAlbumTracks() const;
    // Brings the album grid up to the snapshot and the filter, only while it is shown: the
    // songs view does not pay for it.
    void syncAlbumGrid();
    // The table, the album grid or, when the filter matches nothing, no_match_.
    void showCentre();

    QList<MenuExtension> menu_extensions_;
    void updateCount();

    LibraryModel* model_;
    BrowserModel* genres_;
    BrowserModel* artists_;
    BrowserModel* albums_;
    QLineEdit* filter_;
    QLabel* count_;
    QListView* genre_list_;
    QListView* artist_list_;
    QListView* album_list_;
    QTableView* view_;
    CoverCache* covers_;
    AlbumGridModel* album_model_;
    AlbumGrid* album_grid_;
    QStackedWidget* centre_;
    QToolButton* songs_button_;
    QToolButton* albums_button_;
    QSplitter* vertical_;
    QSplitter* side_;
    QWidget* side_panel_ = nullptr;
    QSplitter* browser_;
    QStackedWidget* stack_;
    EmptyState* empty_;
    EmptyState* no_match_;
    ColumnFitter* fitter_ = nullptr;
    bool updating_ = false;
    bool album_grid_stale_ = true;  // a new snapshot the hidden grid has not taken yet
    QList<TrackId> kept_selection_;
    TrackId kept_current_ = 0;
};

}  // namespace encore
