#pragma once

#include <QStyledItemDelegate>

namespace encore {

// Draws a browser row as its name with the track count right-aligned in a muted colour.
class CountDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
};

}  // namespace encore
