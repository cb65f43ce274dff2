#include "playlistsidebar.h"

#include "widgets/formatting.h"
#include "widgets/icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

namespace encore {

PlaylistSidebar::PlaylistSidebar(QWidget* parent)
    : QWidget(parent)
    , list_(new QListWidget(this))
    , add_(new QToolButton(this))
    , add_menu_(new QMenu(this)) {
    auto* heading = new QLabel(tr("Playlists"), this);
    QFont font = heading->font();
    font.setBold(true);
    heading->setFont(font);
    heading->setForegroundRole(QPalette::PlaceholderText);
    add_->setAutoRaise(true);
    add_->setToolTip(tr("New or imported playlist"));
    add_->setObjectName(QStringLiteral("addPlaylist"));
    add_->setPopupMode(QToolButton::InstantPopup);
    add_->setMenu(add_menu_);
    add_menu_->addAction(tr("New playlist…"), this, &PlaylistSidebar::newPlaylistRequested);
    add_menu_->addAction(tr("New smart playlist…"), this,
                         &PlaylistSidebar::newSmartPlaylistRequested);
    add_menu_->addSeparator();
    add_menu_->addAction(tr("Import a playlist file (M3U, PLS, XSPF)…"), this,
                         &PlaylistSidebar::importRequested);
    add_menu_->addAction(tr("Import a smart playlist…"), this,
                         &PlaylistSidebar::importSmartRequested);

    list_->setFrameShape(QFrame::NoFrame);
    list_->setFocusPolicy(Qt::NoFocus);
    list_->setIconSize(QSize(18, 18));
    list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list_->setTextElideMode(Qt::ElideRight);
    list_->viewport()->setBackgroundRole(QPalette::Window);
    connect(list_, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item)
            Q_EMIT playlistActivated(item->data(Qt::UserRole).toLongLong());
    });

    auto* top = new QHBoxLayout;
    top->setContentsMargins(8, 0, 0, 0);
    top->addWidget(heading, 1);
    top->addWidget(add_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(list_, 1);
    refreshIcons();
}

void PlaylistSidebar::setPlaylists(const QList<PlaylistSummary>& playlists) {
    const PlaylistId current =
        list_->currentItem() ? list_->currentItem()->data(Qt::UserRole).toLongLong() : 0;
    playlists_ = playlists;
    const QSignalBlocker quiet(list_);
    list_->clear();
    for (const PlaylistSummary& p : playlists) {
        auto* item = new QListWidgetItem(p.name, list_);
        item->setData(Qt::UserRole, p.id);
        item->setToolTip(p.isSmart() ? tr("%1 (smart playlist)").arg(p.name)
                                     : tr("%1 (%2)").arg(p.name, Formatting::songs(p.track_count)));
        item->setSizeHint(QSize(0, fontMetrics().height() + 12));
    }
    refreshIcons();
    select(current);
}

void PlaylistSidebar::select(PlaylistId id) {
    const QSignalBlocker quiet(list_);
    list_->setCurrentItem(nullptr);
    for (int row = 0; row < list_->count(); ++row) {
        if (list_->item(row)->data(Qt::UserRole).toLongLong() == id && id > 0)
            list_->setCurrentRow(row);
    }
}

void PlaylistSidebar::refreshIcons() {
    add_->setIcon(Icons::get(QStringLiteral("list-add")));
    for (int row = 0; row < list_->count() && row < playlists_.size(); ++row)
        list_->item(row)->setIcon(Icons::get(playlists_[row].isSmart()
                                                 ? QStringLiteral("playlist-automatic")
                                                 : QStringLiteral("view-media-playlist")));
}

}  // namespace encore
