#pragma once

#include <QIcon>
#include <QPalette>
#include <QString>

namespace encore {

// Icons from the desktop theme, else Encore's bundled SVGs (resources/icons) drawn in the
// palette's text colour, so they suit light and dark palettes alike.
class Icons {
public:
    // `name` is a freedesktop icon name with a bundled fallback of the same name, drawn in
    // the palette colour `role` (muted decorations use PlaceholderText).
    static QIcon get(const QString& name, QPalette::ColorRole role = QPalette::WindowText);
    // Forgets tinted fallbacks, e.g. after the palette changed.
    static void clearCache();
};

}  // namespace encore
