#include "widgets/icons.h"

#include <QApplication>
#include <QBuffer>
#include <QFile>
#include <QHash>
#include <QImageReader>
#include <QPalette>
#include <QPixmap>

namespace encore {

namespace {

// Sizes a toolbar, a list and a high-density screen ask for.
constexpr int kSizes[] = {16, 22, 24, 32, 48, 64};

QHash<QString, QIcon>& cache() {
    static QHash<QString, QIcon> icons;
    return icons;
}

QIcon bundled(const QString& name, const QColor& color) {
    QFile file(QStringLiteral(":/icons/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray svg = file.readAll();
    svg.replace("currentColor", color.name().toLatin1());
    QIcon icon;
    for (const int size : kSizes) {
        QBuffer buffer(&svg);
        QImageReader reader(&buffer, "svg");
        reader.setScaledSize(QSize(size, size));
        const QImage image = reader.read();
        if (!image.isNull())
            icon.addPixmap(QPixmap::fromImage(image));
    }
    return icon;
}

}  // namespace

QIcon Icons::get(const QString& name, QPalette::ColorRole role) {
    if (QIcon::hasThemeIcon(name))
        return QIcon::fromTheme(name);
    const QColor color = QApplication::palette().color(QPalette::Active, role);
    const QString key = name + QLatin1Char('@') + color.name();
    auto it = cache().constFind(key);
    if (it != cache().constEnd())
        return it.value();
    const QIcon icon = bundled(name, color);
    cache().insert(key, icon);
    return icon;
}

void Icons::clearCache() {
    cache().clear();
}

}  // namespace encore
