#include "widgets/appearance.h"

#include "widgets/icons.h"

#include <QApplication>
#include <QPalette>
#include <QSettings>
#include <QStyle>

namespace encore {

namespace {

const auto kModeKey = QStringLiteral("appearance/mode");

QPalette darkPalette() {
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1f, 0x20, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor muted(0x8c, 0x8f, 0x94);
    const QColor accent(0x3d, 0x8e, 0xe0);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2c));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, muted);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, accent.lighter(130));
    p.setColor(QPalette::Light, QColor(0x45, 0x47, 0x4b));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3c, 0x40));
    p.setColor(QPalette::Mid, QColor(0x25, 0x26, 0x28));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1a));
    p.setColor(QPalette::Shadow, Qt::black);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, muted.darker(120));
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x45, 0x47, 0x4b));
    return p;
}

}  // namespace

Appearance::Mode Appearance::stored() {
    const int mode = QSettings().value(kModeKey, int(Mode::System)).toInt();
    return mode == int(Mode::Light)  ? Mode::Light
           : mode == int(Mode::Dark) ? Mode::Dark
                                     : Mode::System;
}

void Appearance::store(Mode mode) {
    QSettings().setValue(kModeKey, int(mode));
}

void Appearance::apply(Mode mode) {
    Icons::clearCache();
    switch (mode) {
        case Mode::System:
            QApplication::setPalette(QPalette());  // nothing set: the platform's palette
            break;
        case Mode::Light:
            QApplication::setPalette(QApplication::style()->standardPalette());
            break;
        case Mode::Dark:
            QApplication::setPalette(darkPalette());
            break;
    }
}

}  // namespace encore
