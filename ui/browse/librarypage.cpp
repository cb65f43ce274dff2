#include "browse/librarypage.h"

#include "albums/albumgrid.h"
#include "albums/albumgridmodel.h"
#include "albums/covercache.h"
#include "browse/browsermodel.h"
#include "browse/columnfitter.h"
#include "browse/countdelegate.h"
#include "widgets/emptystate.h"
#include "widgets/formatting.h"
#include "widgets/icons.h"

#include <QAction>
#include <QButtonGroup>
#include <QDateTime>
#include <QDesktopServices>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace encore {

namespace {

// Restoring more selected rows than this after a filter would cost more than it helps.
constexpr int kMaxKeptSelection = 2000;

const auto kHeaderKey = QStringLiteral("library/header");
// Whether the listener sized the columns (else they are fitted to the window's width).
const auto kColumnsSizedKey = QStringLiteral("library/columnsSized");
const auto kSplitterKey = QStringLiteral("library/splitter");
const auto kBrowserKey = QStringLiteral("library/browser");
const auto kSideKey = QStringLiteral("library/side");
const auto kViewKey = QStringLiteral("library/view");  // "albums" or "songs"

// Opens the view's current row on Enter, like a double-click.
class EnterFilter : public QObject {
public:
    EnterFilter(LibraryPage* page, QTableView* view) : QObject(view), page_(page), view_(view) {}

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::KeyPress) {
            const int key = static_cast<QKeyEvent*>(event)->key();
            if ((key == Qt::Key_Return || key == Qt::Key_Enter) &&
                view_->currentIndex().isValid()) {
                page_->playRow(view_->currentIndex().row());
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    LibraryPage* page_;
    QTableView* view_;
};

// Escape in the filter box clears it (with nothing typed, Escape goes on as usual).
class EscapeClears : public QObject {
public:
    explicit EscapeClears(QLineEdit* edit) : QObject(edit), edit_(edit) {}

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::KeyPress &&
            static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape && !edit_->text().isEmpty()) {
            edit_->clear();
            return true;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QLineEdit* edit_;
};

}  // namespace

LibraryPage::LibraryPage(QWidget* parent)
    : QWidget(parent)
    , model_(new LibraryModel(this))
    , genres_(new BrowserModel(BrowserModel::Kind::Genre, this))
    , artists_(new BrowserModel(BrowserModel::Kind::Artist, this))
    , albums_(new BrowserModel(BrowserModel::Kind::Album, this))
    , filter_(new QLineEdit(this))
    , count_(new QLabel(this))
    , view_(new QTableView(this))
    , covers_(new CoverCache(CoverCache::defaultDirectory(),
                             qRound(AlbumGrid::kCoverSide * devicePixelRatioF()),
                             CoverCache::kDefaultDiskLimitBytes, this))
    , album_model_(new AlbumGridModel(this))
    , album_grid_(new AlbumGrid(album_model_, covers_, this))
    , centre_(new QStackedWidget(this))
    , songs_button_(new QToolButton(this))
    , albums_button_(new QToolButton(this))
    , vertical_(new QSplitter(Qt::Vertical, this))
    , side_(new QSplitter(Qt::Horizontal, this))
    , browser_(new QSplitter(Qt::Horizontal, this))
    , stack_(new QStackedWidget(this))
    , empty_(new EmptyState(QStringLiteral("folder-music"), tr("Your library is empty"),
                            tr("Add the folders where your music lives. Encore reads their tags "
                               "and keeps watching them, so new albums show up by themselves."),
                            this))
    , no_match_(new EmptyState(QStringLiteral("edit-find"), QString(),
                               tr("Every word must appear in the title, artist, album or genre."),
                               this)) {
    filter_->setPlaceholderText(tr("Search titles, artists, albums and genres"));
    filter_->setClearButtonEnabled(true);
    filter_->addAction(Icons::get(QStringLiteral("edit-find")), QLineEdit::LeadingPosition);
    filter_->setToolTip(tr("Every word must match (Ctrl+F)"));
    connect(filter_, &QLineEdit::textChanged, model_, &LibraryModel::setFilterText);
    filter_->installEventFilter(new EscapeClears(filter_));
    connect(no_match_->setAction(tr("Clear search")), &QPushButton::clicked, filter_,
            &QLineEdit::clear);
    count_->setForegroundRole(QPalette::PlaceholderText);

    genre_list_ = makeList(genres_);
    artist_list_ = makeList(artists_);
    album_list_ = makeList(albums_);
    browser_->addWidget(genre_list_);
    browser_->addWidget(artist_list_);
    browser_->addWidget(album_list_);
    browser_->setChildrenCollapsible(false);
    browser_->setSizes({200, 300, 300});

    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->setAlternatingRowColors(true);
    view_->setShowGrid(false);
    view_->setWordWrap(false);
    view_->setDragEnabled(true);
    view_->setDragDropMode(QAbstractItemView::DragOnly);
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    QHeaderView* header = view_->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);  // never ResizeToContents here
    header->setStretchLastSection(false);  // the fitter fills the width, and a drag stays put
    header->setHighlightSections(false);
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);  // album order until a column is picked
    fitter_ = new ColumnFitter(view_);
    fitter_->setShare(LibraryModel::Title, 3);
    fitter_->setShare(LibraryModel::Artist, 2);
    fitter_->setShare(LibraryModel::Album, 2);
    fitter_->setShare(LibraryModel::Genre, 1);
    fitter_->setSampleTexts(LibraryModel::Year, {QStringLiteral("2000")});
    fitter_->setSampleTexts(LibraryModel::Duration, {QStringLiteral("00:00")});
    fitter_->setSampleTexts(LibraryModel::Plays, {QStringLiteral("000")});
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    // today's and yesterday's words, and a date with two-digit day and month
    fitter_->setSampleTexts(
        LibraryModel::LastPlayed,
        {Formatting::when(now), Formatting::when(now - 86400),
         Formatting::when(QDateTime(QDate(2000, 12, 28), QTime(23, 59)).toSecsSinceEpoch())});
    fitter_->measure();
    view_->installEventFilter(new EnterFilter(this, view_));
    connect(view_, &QTableView::doubleClicked, this,
            [this](const QModelIndex& index) { playRow(index.row()); });
    connect(view_, &QTableView::customContextMenuRequested, this, &LibraryPage::showContextMenu);

    connect(album_grid_, &AlbumGrid::albumActivated, this, [this](int row) {
        const QList<TrackId> ids = album_model_->tracksAt(row);
        if (!ids.isEmpty())
            Q_EMIT playRequested(std::vector<TrackId>(ids.begin(), ids.end()), 0);
    });
    connect(album_grid_, &AlbumGrid::customContextMenuRequested, this, &LibraryPage::showAlbumMenu);
    centre_->addWidget(view_);
    centre_->addWidget(album_grid_);
    centre_->addWidget(no_match_);

    vertical_->addWidget(browser_);
    vertical_->addWidget(centre_);
    vertical_->setStretchFactor(0, 1);
    vertical_->setStretchFactor(1, 3);
    vertical_->setChildrenCollapsible(true);
    vertical_->setSizes({180, 520});

    side_->addWidget(vertical_);
    side_->setChildrenCollapsible(false);
    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(side_);
    stack_->addWidget(content);
    stack_->addWidget(empty_);
    connect(empty_->setAction(tr("Add a music folder…")), &QPushButton::clicked, this,
            &LibraryPage::addFolderRequested);

    const struct {
        QToolButton* button;
        const char* icon;
        QString text;
        QString tip;
    } modes[] = {{songs_button_, "view-list-details", tr("Songs"), tr("Every song as a table")},
                 {albums_button_, "view-list-icons", tr("Albums"), tr("Albums by their covers")}};
    auto* modeGroup = new QButtonGroup(this);
    for (const auto& m : modes) {
        m.button->setIcon(Icons::get(QString::fromLatin1(m.icon)));
        m.button->setText(m.text);
        m.button->setToolTip(m.tip);
        m.button->setCheckable(true);
        m.button->setAutoRaise(true);
        m.button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        modeGroup->addButton(m.button);
    }
    songs_button_->setChecked(true);
    connect(albums_button_, &QToolButton::toggled, this, &LibraryPage::showAlbums);

    auto* top = new QHBoxLayout;
    top->addWidget(filter_, 1);
    top->addSpacing(8);
    top->addWidget(count_);
    top->addSpacing(8);
    top->addWidget(songs_button_);
    top->addWidget(albums_button_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 0);
    layout->setSpacing(8);
    layout->addLayout(top);
    layout->addWidget(stack_, 1);

    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                Q_EMIT currentTrackChanged(current.isValid() ? model_->trackIdAt(current.row())
                                                             : TrackId(0));
            });
    connect(model_, &LibraryModel::facetsChanged, this, &LibraryPage::showFacets);
    connect(model_, &LibraryModel::modelAboutToBeReset, this, &LibraryPage::rememberSelection);
    connect(model_, &LibraryModel::modelReset, this, &LibraryPage::restoreSelection);
    view_->setSortingEnabled(true);
}

QListView* LibraryPage::makeList(BrowserModel* model) {
    auto* list = new QListView(this);
    list->setModel(model);
    list->setItemDelegate(new CountDelegate(list));
    list->setUniformItemSizes(true);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    list->setMinimumWidth(120);
    connect(list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this, model, list] { pickChanged(model, list); });
    return list;
}

void LibraryPage::setIndex(std::shared_ptr<const LibraryIndex> index) {
    const bool empty = !index || index->size() == 0;
    genres_->setIndex(index);
    artists_->setIndex(index);
    albums_->setIndex(index);
    covers_->clearMemory();  // a rescan may have brought new covers
    model_->setIndex(std::move(index));
    fitter_->measure();
    album_grid_stale_ = true;
    syncAlbumGrid();
    stack_->setCurrentIndex(empty ? 1 : 0);
}

void LibraryPage::focusFilter() {
    filter_->setFocus(Qt::ShortcutFocusReason);
    filter_->selectAll();
}

void LibraryPage::pickChanged(BrowserModel* model, QListView* list) {
    if (updating_)
        return;
    const QModelIndexList rows = list->selectionModel()->selectedRows();
    const int facet = rows.isEmpty() ? -1 : model->facetAt(rows.first().row());
    LibrarySelection s = model_->selection();
    switch (model->kind()) {
        case BrowserModel::Kind::Genre:  // a new genre starts the narrower picks over
            s = {facet, -1, -1};
            break;
        case BrowserModel::Kind::Artist:
            s.artist = facet;
            s.album = -1;
            break;
        case BrowserModel::Kind::Album:
            s.album = facet;
            break;
    }
    if (s == model_->selection())
        return;
    model_->setSelection(s);
}

void LibraryPage::showFacets() {
    updating_ = true;
    const FacetCounts& c = model_->facetCounts();
    const LibrarySelection& s = model_->selection();
    const struct {
        BrowserModel* model;
        QListView* list;
        const std::vector<int>& counts;
        int total;
        int pick;
    } lists[] = {{genres_, genre_list_, c.genres, c.genre_total, s.genre},
                 {artists_, artist_list_, c.artists, c.artist_total, s.artist},
                 {albums_, album_list_, c.albums, c.album_total, s.album}};
    for (const auto& l : lists) {
        l.model->setCounts(l.counts, l.total, l.pick);
        const QModelIndex row = l.model->index(qMax(0, l.model->rowOfFacet(l.pick)));
        if (row.isValid() && !l.list->selectionModel()->isSelected(row)) {
            l.list->selectionModel()->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect);
            l.list->scrollTo(row);
        }
    }
    updating_ = false;
    syncAlbumGrid();
    updateCount();
}

void LibraryPage::syncAlbumGrid() {
    if (!showingAlbums())
        return;
    if (album_grid_stale_) {
        album_model_->setIndex(model_->libraryIndex());
        album_grid_stale_ = false;
    }
    album_model_->setCounts(model_->facetCounts().albums);
}

void LibraryPage::showAlbums(bool albums) {
    if (albums != albums_button_->isChecked()) {
        (albums ? albums_button_ : songs_button_)->setChecked(true);  // comes back here
        return;
    }
    // The album list above would repeat the grid; genres and artists still narrow it.
    album_list_->setVisible(!albums);
    syncAlbumGrid();
    updateCount();
}

bool LibraryPage::showingAlbums() const {
    return albums_button_->isChecked();
}

bool LibraryPage::showingNoMatch() const {
    return centre_->currentWidget() == no_match_;
}

void LibraryPage::showCentre() {
    const bool albums = showingAlbums();
    const QString text = filter_->text().trimmed();
    const bool nothing = !text.isEmpty() && model_->totalCount() > 0 &&
                         (albums ? album_model_->rowCount() : model_->rowCount()) == 0;
    if (nothing)
        no_match_->setTitle(tr("No tracks match “%1”").arg(text));
    centre_->setCurrentWidget(nothing  ? static_cast<QWidget*>(no_match_)
                              : albums ? static_cast<QWidget*>(album_grid_)
                                       : view_);
}

void LibraryPage::updateCount() {
    showCentre();
    const int shown = model_->rowCount();
    const int total = model_->totalCount();
    if (showingAlbums()) {
        const int albums = album_model_->rowCount();
        count_->setText(albums == 1 ? tr("1 album")
                                    : tr("%1 albums").arg(Formatting::count(albums)));
        return;
    }
    count_->setText(
        shown == total
            ? tr("%1 tracks").arg(Formatting::count(total))
            : tr("%1 of %2 tracks").arg(Formatting::count(shown), Formatting::count(total)));
}

void LibraryPage::rememberSelection() {
    kept_selection_.clear();
    const QModelIndexList rows = view_->selectionModel()->selectedRows();
    for (const QModelIndex& row : rows) {
        if (kept_selection_.size() >= kMaxKeptSelection)
            break;
        kept_selection_.append(model_->trackIdAt(row.row()));
    }
    kept_current_ = model_->trackIdAt(view_->currentIndex().row());
}

void LibraryPage::restoreSelection() {
    QItemSelection selection;
    for (const TrackId id : std::as_const(kept_selection_)) {
        const int row = model_->rowOfTrack(id);
        if (row >= 0)
            selection.select(model_->index(row, 0),
                             model_->index(row, LibraryModel::ColumnCount - 1));
    }
    if (!selection.isEmpty())
        view_->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    const int current = model_->rowOfTrack(kept_current_);
    if (current >= 0) {
        view_->selectionModel()->setCurrentIndex(model_->index(current, 0),
                                                 QItemSelectionModel::NoUpdate);
        view_->scrollTo(model_->index(current, 0));
    }
}

QList<TrackId> LibraryPage::selectedTrackIds() const {
    QList<int> rows;
    for (const QModelIndex& index : view_->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    QList<TrackId> ids;
    for (const int row : rows)
        ids.append(model_->trackIdAt(row));
    return ids;
}

void LibraryPage::playRow(int row) {
    if (row < 0 || row >= model_->rowCount())
        return;
    Q_EMIT playRequested(model_->visibleTrackIds(), row);
}

void LibraryPage::showContextMenu(const QPoint& pos) {
    const QModelIndex at = view_->indexAt(pos);
    if (!at.isValid())
        return;
    const QList<TrackId> ids = selectedTrackIds();
    QMenu menu(this);
    menu.addAction(Icons::get(QStringLiteral("media-playback-start")), tr("Play"), this,
                   [this, at] { playRow(at.row()); });
    if (side_panel_) {
        const TrackId id = model_->trackIdAt(at.row());
        menu.addAction(tr("Show similar"), this, [this, id] { Q_EMIT similarRequested(id); });
    }
    addTrackActions(menu, ids, at.data(LibraryModel::kPathRole).toString());
    menu.exec(view_->viewport()->mapToGlobal(pos));
}

QList<TrackId> LibraryPage::selectedAlbumTracks() const {
    QList<int> rows;
    for (const QModelIndex& index : album_grid_->selectionModel()->selectedIndexes())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    QList<TrackId> ids;
    for (const int row : rows)
        ids += album_model_->tracksAt(row);
    return ids;
}

void LibraryPage::showAlbumMenu(const QPoint& pos) {
    const QModelIndex at = album_grid_->indexAt(pos);
    if (!at.isValid())
        return;
    if (!album_grid_->selectionModel()->isSelected(at))
        album_grid_->selectionModel()->select(at, QItemSelectionModel::ClearAndSelect);
    const QList<TrackId> ids = selectedAlbumTracks();
    QMenu menu(this);
    menu.addAction(
        Icons::get(QStringLiteral("media-playback-start")), tr("Play"), this,
        [this, ids] { Q_EMIT playRequested(std::vector<TrackId>(ids.begin(), ids.end()), 0); });
    const int album = album_model_->albumAt(at.row());
    menu.addAction(tr("Show songs"), this, [this, album] {
        LibrarySelection s = model_->selection();
        s.album = album;
        model_->setSelection(s);
        showAlbums(false);
    });
    addTrackActions(menu, ids, at.data(AlbumGridModel::kCoverPathRole).toString());
    menu.exec(album_grid_->viewport()->mapToGlobal(pos));
}

void LibraryPage::addTrackActions(QMenu& menu, const QList<TrackId>& ids, const QString& path) {
    menu.addAction(tr("Play next"), this, [this, ids] { Q_EMIT enqueueRequested(ids, true); });
    menu.addAction(Icons::get(QStringLiteral("list-add")), tr("Add to queue"), this,
                   [this, ids] { Q_EMIT enqueueRequested(ids, false); });
    menu.addSeparator();
    for (const MenuExtension& extend : menu_extensions_)
        extend(menu, ids);
    menu.addAction(
        Icons::get(QStringLiteral("folder")), tr("Open containing folder"), this,
        [path] { QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath())); });
}

void LibraryPage::setSidePanel(QWidget* panel) {
    if (!panel || panel == side_panel_)
        return;
    if (side_panel_)
        side_panel_->deleteLater();
    side_panel_ = panel;
    side_->addWidget(panel);
    // The panel keeps its width (its size hint, or what the listener dragged it to).
    side_->setStretchFactor(0, 1);
    side_->setStretchFactor(1, 0);
}

void LibraryPage::saveState(QSettings& settings) const {
    settings.setValue(kHeaderKey, view_->horizontalHeader()->saveState());
    settings.setValue(kColumnsSizedKey, fitter_->isUserSized());
    settings.setValue(kSplitterKey, vertical_->saveState());
    settings.setValue(kBrowserKey, browser_->saveState());
    settings.setValue(kViewKey,
                      showingAlbums() ? QStringLiteral("albums") : QStringLiteral("songs"));
    if (side_panel_)
        settings.setValue(kSideKey, side_->saveState());
}

void LibraryPage::restoreState(const QSettings& settings) {
    QHeaderView* header = view_->horizontalHeader();
    if (header->restoreState(settings.value(kHeaderKey).toByteArray()))
        view_->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    header->setStretchLastSection(false);  // a state saved before the fitter stretched it
    fitter_->setUserSized(settings.value(kColumnsSizedKey, false).toBool());
    vertical_->restoreState(settings.value(kSplitterKey).toByteArray());
    browser_->restoreState(settings.value(kBrowserKey).toByteArray());
    showAlbums(settings.value(kViewKey).toString() == QLatin1String("albums"));
    if (side_panel_)
        side_->restoreState(settings.value(kSideKey).toByteArray());
}

}  // namespace encore
