#include "browse/countdelegate.h"

#include "browse/browsermodel.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>

namespace encore {

void CountDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString name = opt.text;
    const QVariant count = index.data(BrowserModel::kCountRole);
    opt.text.clear();
    const QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const QRect text =
        style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget).adjusted(2, 0, -4, 0);
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        opt.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    const QString countText = count.isValid() ? QLocale().toString(count.toInt()) : QString();
    const int countWidth = countText.isEmpty() ? 0 : opt.fontMetrics.horizontalAdvance(countText);

    painter->save();
    painter->setFont(opt.font);
    if (!countText.isEmpty()) {
        painter->setPen(opt.palette.color(
            group, selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
        painter->drawText(text, Qt::AlignRight | Qt::AlignVCenter, countText);
    }
    painter->setPen(
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect nameRect = text.adjusted(0, 0, countWidth > 0 ? -(countWidth + 8) : 0, 0);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      opt.fontMetrics.elidedText(name, Qt::ElideRight, nameRect.width()));
    painter->restore();
}

}  // namespace encore
