#pragma once

#include <QLabel>

namespace encore {

// The bold, slightly larger title over a section of a page ("Queue", "History").
inline QLabel* pageHeading(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    font.setBold(true);
    label->setFont(font);
    return label;
}

}  // namespace encore
