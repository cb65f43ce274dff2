#include "playlistpage.h"

#include "playlists/playlisttrackmodel.h"
#include "widgets/formatting.h"
#include "widgets/icons.h"
#include "widgets/pageheading.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace encore {

PlaylistPage::PlaylistPage(PlaylistService& service, QWidget* parent)
    : QWidget(parent)
    , service_(service)
    , model_(new PlaylistTrackModel(this))
    , heading_(pageHeading(QString(), this))
    , summary_(new QLabel(this))
    , play_(new QPushButton(Icons::get(QStringLiteral("media-playback-start")), tr("Play"), this))
    , edit_(new QPushButton(Icons::get(QStringLiteral("document-edit")), tr("Edit rules…"), this))
    , rename_(new QPushButton(tr("Rename…"), this))
    , export_(
          new QPushButton(Icons::get(QStringLiteral("document-save")), tr("Export as M3U8…"), this))
    , export_rules_(new QPushButton(tr("Export rules…"), this))
    , delete_(new QPushButton(Icons::get(QStringLiteral("edit-delete")), tr("Delete"), this))
    , view_(new QTableView(this)) {
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summary_->setObjectName(QStringLiteral("playlistSummary"));
    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setShowGrid(false);
    view_->setAlternatingRowColors(true);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setSectionResizeMode(PlaylistTrackModel::Title,
                                                    QHeaderView::Stretch);
    view_->horizontalHeader()->setSectionResizeMode(PlaylistTrackModel::Number,
                                                    QHeaderView::ResizeToContents);
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    view_->setColumnWidth(PlaylistTrackModel::Artist, 220);
    view_->setColumnWidth(PlaylistTrackModel::Album, 220);

    auto* actions = new QHBoxLayout;
    for (QPushButton* b : {play_, edit_, rename_, export_, export_rules_, delete_})
        actions->addWidget(b);
    actions->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 8);
    layout->addWidget(heading_);
    layout->addWidget(summary_);
    layout->addLayout(actions);
    layout->addWidget(view_, 1);

    connect(play_, &QPushButton::clicked, this, [this] {
        if (!playable().empty())
            Q_EMIT playRequested(playable(), 0);
    });
    connect(view_, &QTableView::doubleClicked, this,
            [this](const QModelIndex& index) { Q_EMIT playRequested(playable(), index.row()); });
    connect(view_, &QTableView::customContextMenuRequested, this, &PlaylistPage::showContextMenu);
    connect(edit_, &QPushButton::clicked, this, [this] { Q_EMIT editRequested(id_); });
    connect(rename_, &QPushButton::clicked, this, [this] { Q_EMIT renameRequested(id_); });
    connect(export_, &QPushButton::clicked, this, [this] { Q_EMIT exportRequested(id_); });
    connect(export_rules_, &QPushButton::clicked, this,
            [this] { Q_EMIT exportRulesRequested(id_); });
    connect(delete_, &QPushButton::clicked, this, [this] { Q_EMIT deleteRequested(id_); });
    auto refresh = [this] {
        if (isVisible())
            reload();
        else
            stale_ = true;
    };
    connect(&service_, &PlaylistService::playlistsChanged, this, refresh);
    connect(&service_, &PlaylistService::contentsChanged, this, [this, refresh] {
        if (contents_ && contents_->playlist.isSmart())
            refresh();
    });
}

void PlaylistPage::setIndex(std::shared_ptr<const LibraryIndex> index) {
    model_->setIndex(std::move(index));
}

void PlaylistPage::showPlaylist(PlaylistId id) {
    if (id != id_) {
        contents_.reset();
        model_->setTracks({});
        heading_->setText(QString());
        summary_->setText(tr("Reading the playlist…"));
    }
    id_ = id;
    reload();
}

void PlaylistPage::reload() {
    stale_ = false;
    if (id_ <= 0)
        return;
    const int generation = ++generation_;
    using Read = Result<PlaylistContents>;
    auto* watcher = new QFutureWatcher<Read>(this);
    connect(watcher, &QFutureWatcher<Read>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != generation_)
            return;  // another playlist, or a newer read, is on its way
        const Read read = watcher->result();
        if (!read) {
            contents_.reset();
            model_->setTracks({});
            summary_->setText(read.error());
            Q_EMIT message(read.error());
            return;
        }
        show(read.value());
    });
    watcher->setFuture(service_.contents(id_));
}

void PlaylistPage::show(const PlaylistContents& contents) {
    contents_ = contents;
    const bool smart = contents.playlist.isSmart();
    heading_->setText(contents.playlist.name);
    model_->setTracks(contents.tracks);
    const int count = model_->rowCount();
    const QString size =
        count == 0 ? tr("No songs")
        : count == 1
            ? tr("1 song, %1").arg(Formatting::duration(model_->totalDurationMs()))
            : tr("%1 songs, %2")
                  .arg(Formatting::count(count), Formatting::duration(model_->totalDurationMs()));
    QString text = size;
    if (smart && contents.rules) {
        text = tr("%1. Smart playlist: %2. It follows your listening and your library.")
                   .arg(size, describeSmartRules(*contents.rules));
        if (count == 0)
            text += QLatin1Char(' ') + tr("Nothing matches yet; it fills as you listen.");
    }
    summary_->setText(text);
    edit_->setVisible(smart);
    export_rules_->setVisible(smart);
    play_->setEnabled(count > 0);
    export_->setEnabled(count > 0);
    Q_EMIT shown(contents.playlist.id);
}

std::vector<TrackId> PlaylistPage::playable() const {
    return {model_->tracks().begin(), model_->tracks().end()};
}

void PlaylistPage::showContextMenu(const QPoint& pos) {
    const QModelIndex at = view_->indexAt(pos);
    if (!at.isValid())
        return;
    QList<TrackId> ids;
    for (const QModelIndex& index : view_->selectionModel()->selectedRows())
        ids.append(index.data(PlaylistTrackModel::kTrackIdRole).toLongLong());
    QMenu menu(this);
    menu.addAction(Icons::get(QStringLiteral("media-playback-start")), tr("Play from here"), this,
                   [this, at] { Q_EMIT playRequested(playable(), at.row()); });
    menu.addAction(tr("Play next"), this, [this, ids] { Q_EMIT enqueueRequested(ids, true); });
    menu.addAction(Icons::get(QStringLiteral("list-add")), tr("Add to queue"), this,
                   [this, ids] { Q_EMIT enqueueRequested(ids, false); });
    if (contents_ && !contents_->playlist.isSmart()) {
        menu.addSeparator();
        menu.addAction(Icons::get(QStringLiteral("list-remove")), tr("Remove from this playlist"),
                       this, &PlaylistPage::removeSelected);
    }
    menu.exec(view_->viewport()->mapToGlobal(pos));
}

// A saved playlist without the selected rows (by position: a song listed twice keeps its
// other place).
void PlaylistPage::removeSelected() {
    if (!contents_ || contents_->playlist.isSmart())
        return;
    QSet<int> gone;
    for (const QModelIndex& index : view_->selectionModel()->selectedRows())
        gone.insert(index.row());
    if (gone.isEmpty())
        return;
    QList<TrackId> kept;
    for (int row = 0; row < model_->tracks().size(); ++row) {
        if (!gone.contains(row))
            kept.append(model_->tracks()[row]);
    }
    auto* watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (const Status saved = watcher->result(); !saved)
            Q_EMIT message(saved.error());
    });
    watcher->setFuture(service_.setTracks(id_, kept));
}

void PlaylistPage::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Delete && view_->hasFocus()) {
        removeSelected();
        return;
    }
    QWidget::keyPressEvent(event);
}

void PlaylistPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (stale_)
        reload();
}

}  // namespace encore
