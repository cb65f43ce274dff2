#pragma once

#include <QStyledItemDelegate>

namespace encore {

// Gives list rows some air (the default row height of tree and list views is cramped).
class PaddedDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    static constexpr int kExtraHeight = 8;

    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(size.height() + kExtraHeight);
        return size;
    }
};

}  // namespace encore
