#include "albums/albumgrid.h"

#include "albums/albumgridmodel.h"
#include "albums/covercache.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QToolTip>

namespace encore {

namespace {

constexpr int kPadding = 8;
constexpr int kRadius = 6;

// A colour of the album's own (the same every time), muted to sit with covers.
QColor placeholderColour(const QString& key, const QPalette& palette) {
    const int hue = int(qHash(key) % 360);
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return QColor::fromHsl(hue, 60, dark ? 70 : 190);
}

}  // namespace

AlbumTileDelegate::AlbumTileDelegate(CoverCache* covers, int coverSide, QObject* parent)
    : QStyledItemDelegate(parent), covers_(covers), side_(coverSide) {}

QSize AlbumTileDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const {
    const int lines = 2 * option.fontMetrics.height() + 4;
    return {side_ + 2 * kPadding, side_ + lines + 2 * kPadding};
}

void AlbumTileDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const {
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect tile = option.rect.adjusted(2, 2, -2, -2);
    const bool selected = option.state & QStyle::State_Selected;
    if (selected || option.state & QStyle::State_MouseOver) {
        QColor fill = option.palette.color(QPalette::Highlight);
        fill.setAlpha(selected ? 90 : 35);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(tile, kRadius, kRadius);
    }
    const QRect cover(option.rect.x() + (option.rect.width() - side_) / 2,
                      option.rect.y() + kPadding, side_, side_);
    QPainterPath clip;
    clip.addRoundedRect(cover, kRadius, kRadius);
    painter->setClipPath(clip);
    const QString key = index.data(AlbumGridModel::kCoverKeyRole).toString();
    QImage image;
    if (covers_->lookup(key, index.data(AlbumGridModel::kCoverPathRole).toString(), &image) ==
        CoverCache::State::Ready) {
        painter->drawImage(cover, image);
    } else {
        painter->fillRect(cover, placeholderColour(key, option.palette));
        QFont big = option.font;
        big.setPixelSize(side_ / 3);
        big.setBold(true);
        painter->setFont(big);
        painter->setPen(QColor(255, 255, 255, 200));
        const QString title = index.data(Qt::DisplayRole).toString();
        painter->drawText(cover, Qt::AlignCenter, title.left(1).toUpper());
    }
    painter->setClipping(false);

    const QRect text(cover.x(), cover.bottom() + 4, side_, option.fontMetrics.height());
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(option.palette.color(QPalette::Text));
    const QString title = index.data(Qt::DisplayRole).toString();
    painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(title, Qt::ElideRight, side_));
    painter->setFont(option.font);
    painter->setPen(option.palette.color(QPalette::PlaceholderText));
    painter->drawText(
        text.translated(0, option.fontMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
        option.fontMetrics.elidedText(index.data(AlbumGridModel::kArtistRole).toString(),
                                      Qt::ElideRight, side_));
    painter->restore();
}

bool AlbumTileDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view,
                                  const QStyleOptionViewItem& option, const QModelIndex& index) {
    if (event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QString tip = index.data(Qt::ToolTipRole).toString();
    QString why;
    if (covers_->lookup(index.data(AlbumGridModel::kCoverKeyRole).toString(),
                        index.data(AlbumGridModel::kCoverPathRole).toString(), nullptr,
                        &why) == CoverCache::State::None)
        tip += QLatin1Char('\n') + why;
    QToolTip::showText(event->globalPos(), tip, view);
    return true;
}

AlbumGrid::AlbumGrid(AlbumGridModel* model, CoverCache* covers, QWidget* parent)
    : QListView(parent), model_(model), covers_(covers) {
    setModel(model);
    setItemDelegate(new AlbumTileDelegate(covers, kCoverSide, this));
    setViewMode(QListView::ListMode);  // list mode lays out uniform tiles by arithmetic
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(true);
    setMovement(QListView::Static);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setMouseTracking(true);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setContextMenuPolicy(Qt::CustomContextMenu);
    setSpacing(4);
    verticalScrollBar()->setSingleStep(24);
    connect(this, &QListView::doubleClicked, this,
            [this](const QModelIndex& index) { Q_EMIT albumActivated(index.row()); });
    // A cover arrived: repaint what is on screen (Qt folds the updates into one paint).
    connect(covers, &CoverCache::coverReady, viewport(), [this] { viewport()->update(); });
}

void AlbumGrid::keyPressEvent(QKeyEvent* event) {
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        currentIndex().isValid()) {
        Q_EMIT albumActivated(currentIndex().row());
        return;
    }
    QListView::keyPressEvent(event);
}

}  // namespace encore
