#include "suggest/suggestionlist.h"

#include "suggest/suggestionmodel.h"
#include "widgets/icons.h"

#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QToolTip>

namespace encore {

namespace {

constexpr int kPadding = 5;
constexpr int kButton = 26;  // square action buttons
constexpr int kIcon = 16;
constexpr int kButtonGap = 2;

struct ActionInfo {
    const char* icon;
    const char* tip;
};
// In SuggestionList::Action order.
constexpr ActionInfo kActions[SuggestionList::kActionCount] = {
    {"media-playback-start", QT_TRANSLATE_NOOP("SuggestionList", "Play now")},
    {"list-add", QT_TRANSLATE_NOOP("SuggestionList", "Add to the queue")},
    {"list-remove", QT_TRANSLATE_NOOP("SuggestionList", "Not for me: never suggest it again")},
};

int actionsWidth() {
    return SuggestionList::kActionCount * (kButton + kButtonGap);
}

QRect actionRectIn(const QRect& item, int action) {
    const int left =
        item.right() - kPadding - actionsWidth() + kButtonGap + action * (kButton + kButtonGap);
    return {left, item.center().y() - kButton / 2, kButton, kButton};
}

// Title and artist on the first line, the reason below in the palette's quiet colour; the
// action buttons on the right of the hovered or selected row.
class SuggestionDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const override {
        const int lines = 2 * option.fontMetrics.height() + 2 * kPadding + 2;
        return {option.rect.width(), qMax(lines, kButton + 2 * kPadding)};
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
        const bool active = selected || (option.state & QStyle::State_MouseOver);
        const QPalette::ColorGroup group =
            option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
        // The buttons take the right end of the row while they show.
        const QRect text = option.rect.adjusted(
            kPadding + 2, kPadding, -kPadding - (active ? actionsWidth() : 0), -kPadding);
        const int line = option.fontMetrics.height();
        const QString title = index.data(SuggestionModel::TitleRole).toString();
        const QString artist = index.data(SuggestionModel::ArtistRole).toString();
        const QString reason = index.data(SuggestionModel::ReasonRole).toString();
        const QColor strong =
            option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
        const QColor quiet = option.palette.color(
            group, selected ? QPalette::HighlightedText : QPalette::PlaceholderText);

        painter->save();
        QFont bold = option.font;
        bold.setWeight(QFont::DemiBold);
        const QFontMetrics boldMetrics(bold);
        const QString shownTitle = boldMetrics.elidedText(title, Qt::ElideRight, text.width());
        painter->setFont(bold);
        painter->setPen(strong);
        const QRect first(text.left(), text.top(), text.width(), line);
        painter->drawText(first, Qt::AlignLeft | Qt::AlignVCenter, shownTitle);
        const int used = boldMetrics.horizontalAdvance(shownTitle);
        if (!artist.isEmpty() && used < text.width()) {
            painter->setFont(option.font);
            painter->setPen(quiet);
            const QString tail = QStringLiteral("  ") + artist;
            painter->drawText(
                first.adjusted(used, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                option.fontMetrics.elidedText(tail, Qt::ElideRight, text.width() - used));
        }
        painter->setFont(option.font);
        painter->setPen(quiet);
        painter->drawText(QRect(text.left(), text.top() + line + 2, text.width(), line),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          option.fontMetrics.elidedText(reason, Qt::ElideRight, text.width()));
        if (active) {
            const QPalette::ColorRole role =
                selected ? QPalette::HighlightedText : QPalette::WindowText;
            for (int a = 0; a < SuggestionList::kActionCount; ++a) {
                const QRect button = actionRectIn(option.rect, a);
                const QIcon icon = Icons::get(QString::fromLatin1(kActions[a].icon), role);
                icon.paint(painter,
                           button.adjusted((kButton - kIcon) / 2, (kButton - kIcon) / 2,
                                           -(kButton - kIcon) / 2, -(kButton - kIcon) / 2));
            }
        }
        painter->restore();
    }
};

}  // namespace

SuggestionList::SuggestionList(QWidget* parent)
    : QListView(parent), model_(new SuggestionModel(this)) {
    setModel(model_);
    setItemDelegate(new SuggestionDelegate(this));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setContextMenuPolicy(Qt::CustomContextMenu);
    setUniformItemSizes(true);
    setMouseTracking(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    viewport()->setAttribute(Qt::WA_Hover);
    connect(this, &QListView::activated, this,
            [this](const QModelIndex& index) { Q_EMIT playRequested(index.row()); });
    connect(this, &QListView::customContextMenuRequested, this, &SuggestionList::showContextMenu);
}

void SuggestionList::setSuggestions(const QList<Suggestion>& suggestions) {
    model_->setSuggestions(suggestions);
}

const QList<Suggestion>& SuggestionList::suggestions() const {
    return model_->suggestions();
}

QList<TrackId> SuggestionList::trackIds() const {
    return model_->trackIds();
}

int SuggestionList::count() const {
    return model_->rowCount();
}

TrackId SuggestionList::currentTrackId() const {
    return model_->trackIdAt(currentIndex().row());
}

void SuggestionList::setCurrentRow(int row) {
    setCurrentIndex(model_->index(row, 0));
}

QRect SuggestionList::actionRect(int row, Action action) const {
    const QRect item = visualRect(model_->index(row, 0));
    return item.isValid() ? actionRectIn(item, int(action)) : QRect();
}

void SuggestionList::trigger(int row, Action action) {
    const TrackId id = model_->trackIdAt(row);
    if (!id)
        return;
    switch (action) {
        case Action::Play:
            Q_EMIT playRequested(row);
            break;
        case Action::Queue:
            Q_EMIT enqueueRequested(id);
            break;
        case Action::NotForMe:
            Q_EMIT notForMeRequested(id);
            break;
    }
}

SuggestionList::Hit SuggestionList::hitAt(const QPoint& pos) const {
    const QModelIndex index = indexAt(pos);
    if (!index.isValid())
        return {};
    const QRect item = visualRect(index);
    for (int a = 0; a < kActionCount; ++a) {
        if (actionRectIn(item, a).contains(pos))
            return {QPersistentModelIndex(index), a};
    }
    return {QPersistentModelIndex(index), -1};
}

// Buttons act on release over the button they were pressed on; a press there neither selects
// nor starts a drag.
void SuggestionList::mousePressEvent(QMouseEvent* event) {
    pressed_ = {};
    if (event->button() == Qt::LeftButton) {
        const Hit hit = hitAt(event->position().toPoint());
        if (hit.action >= 0) {
            pressed_ = hit;
            setCurrentIndex(hit.index);
            event->accept();
            return;
        }
    }
    QListView::mousePressEvent(event);
}

void SuggestionList::mouseReleaseEvent(QMouseEvent* event) {
    if (pressed_.action >= 0) {
        const Hit hit = hitAt(event->position().toPoint());
        const Hit pressed = pressed_;
        pressed_ = {};
        if (hit.index.isValid() && hit.index == pressed.index && hit.action == pressed.action)
            trigger(hit.index.row(), Action(hit.action));
        event->accept();
        return;
    }
    QListView::mouseReleaseEvent(event);
}

// A double-click on a button is not two clicks: "not for me" twice would hit the next row.
void SuggestionList::mouseDoubleClickEvent(QMouseEvent* event) {
    if (hitAt(event->position().toPoint()).action >= 0) {
        event->accept();
        return;
    }
    QListView::mouseDoubleClickEvent(event);
}

void SuggestionList::keyPressEvent(QKeyEvent* event) {
    if (event->matches(QKeySequence::Delete) || event->key() == Qt::Key_Backspace) {
        if (currentIndex().isValid()) {
            trigger(currentIndex().row(), Action::NotForMe);
            event->accept();
            return;
        }
    }
    QListView::keyPressEvent(event);
}

bool SuggestionList::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const Hit hit = hitAt(help->pos());
        if (hit.action >= 0) {
            QToolTip::showText(help->globalPos(), tr(kActions[hit.action].tip), viewport(),
                               actionRectIn(visualRect(hit.index), hit.action));
            return true;
        }
    }
    return QListView::viewportEvent(event);
}

void SuggestionList::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        viewport()->update();  // the buttons' icons follow the palette
    QListView::changeEvent(event);
}

void SuggestionList::showContextMenu(const QPoint& pos) {
    const QModelIndex index = indexAt(pos);
    if (!index.isValid())
        return;
    const int at = index.row();
    QMenu menu(this);
    for (int a = 0; a < kActionCount; ++a) {
        if (a == int(Action::NotForMe))
            menu.addSeparator();
        menu.addAction(Icons::get(QString::fromLatin1(kActions[a].icon)), tr(kActions[a].tip), this,
                       [this, at, a] { trigger(at, Action(a)); });
    }
    menu.addSeparator();
    menu.addAction(Icons::get(QStringLiteral("document-save")), tr("Save this list as a playlist…"),
                   this, &SuggestionList::saveRequested);
    menu.exec(viewport()->mapToGlobal(pos));
}

}  // namespace encore
