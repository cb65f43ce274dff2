#include "suggest/suggestionlist.h"

#include "widgets/icons.h"

#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QStyledItemDelegate>

namespace encore {

namespace {

constexpr int kPadding = 4;

// Title and artist on the first line, the reason below in the palette's quiet colour.
class SuggestionDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const override {
        return {option.rect.width(), 2 * option.fontMetrics.height() + 2 * kPadding};
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        QStyleOptionViewItem base = option;
        initStyleOption(&base, index);
        base.text.clear();
        const QWidget* widget = option.widget;
        QStyle* style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &base, painter, widget);
        const bool selected = option.state & QStyle::State_Selected;
        const QRect text = option.rect.adjusted(kPadding + 2, kPadding, -kPadding, -kPadding);
        const int line = option.fontMetrics.height();
        painter->save();
        painter->setPen(
            option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(
            QRect(text.left(), text.top(), text.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
            option.fontMetrics.elidedText(index.data().toString(), Qt::ElideRight, text.width()));
        painter->setPen(
            option.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
        painter->drawText(
            QRect(text.left(), text.top() + line, text.width(), line),
            Qt::AlignLeft | Qt::AlignVCenter,
            option.fontMetrics.elidedText(index.data(SuggestionList::kReasonRole).toString(),
                                          Qt::ElideRight, text.width()));
        painter->restore();
    }
};

}  // namespace

SuggestionList::SuggestionList(QWidget* parent) : QListWidget(parent) {
    setSelectionMode(QAbstractItemView::SingleSelection);
    setContextMenuPolicy(Qt::CustomContextMenu);
    setItemDelegate(new SuggestionDelegate(this));
    setUniformItemSizes(true);
    connect(this, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { Q_EMIT playRequested(row(item)); });
    connect(this, &QListWidget::customContextMenuRequested, this, &SuggestionList::showContextMenu);
}

void SuggestionList::setSuggestions(const QList<Suggestion>& suggestions) {
    const TrackId kept = currentItem() ? currentItem()->data(kTrackIdRole).toLongLong() : 0;
    suggestions_ = suggestions;
    clear();
    for (const Suggestion& s : suggestions) {
        auto* item = new QListWidgetItem(
            s.artist.isEmpty() ? s.title : tr("%1 — %2").arg(s.title, s.artist), this);
        item->setData(kTrackIdRole, s.track_id);
        item->setData(kReasonRole, s.reason);
        item->setToolTip(s.reason);
        if (s.track_id == kept)
            setCurrentItem(item);
    }
}

QList<TrackId> SuggestionList::trackIds() const {
    QList<TrackId> ids;
    for (const Suggestion& s : suggestions_)
        ids << s.track_id;
    return ids;
}

void SuggestionList::showContextMenu(const QPoint& pos) {
    QListWidgetItem* item = itemAt(pos);
    if (!item)
        return;
    const int at = row(item);
    const TrackId id = item->data(kTrackIdRole).toLongLong();
    QMenu menu(this);
    menu.addAction(Icons::get(QStringLiteral("media-playback-start")), tr("Play now"), this,
                   [this, at] { Q_EMIT playRequested(at); });
    menu.addAction(Icons::get(QStringLiteral("list-add")), tr("Add to queue"), this,
                   [this, id] { Q_EMIT enqueueRequested(id); });
    menu.addSeparator();
    menu.addAction(tr("Not for me"), this, [this, id] { Q_EMIT notForMeRequested(id); });
    menu.exec(viewport()->mapToGlobal(pos));
}

}  // namespace encore
