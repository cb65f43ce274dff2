#include "syntheticcovers.h"

#include <QColor>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>

#include <unistd.h>

namespace encore::bench {

namespace {

constexpr int kDistinctCovers = 16;
constexpr int kCoverPixels = 1000;  // a typical embedded or folder cover's size

// A cover that JPEG cannot shrink to nothing: gradients, shapes and grain.
QImage paintCover(int n) {
    QImage image(kCoverPixels, kCoverPixels, QImage::Format_RGB32);
    QRandomGenerator rng(quint32(n + 1));
    QLinearGradient gradient(0, 0, kCoverPixels, kCoverPixels);
    gradient.setColorAt(0, QColor::fromHsv(n * 360 / kDistinctCovers, 180, 220));
    gradient.setColorAt(1, QColor::fromHsv((n * 360 / kDistinctCovers + 140) % 360, 200, 90));
    QPainter painter(&image);
    painter.fillRect(image.rect(), gradient);
    painter.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < 40; ++i) {
        painter.setBrush(QColor::fromHsv(rng.bounded(360), 160, 200, 140));
        painter.setPen(Qt::NoPen);
        const int size = 40 + rng.bounded(300);
        painter.drawEllipse(rng.bounded(kCoverPixels), rng.bounded(kCoverPixels), size, size);
    }
    painter.end();
    for (int y = 0; y < kCoverPixels; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < kCoverPixels; ++x) {
            const int grain = rng.bounded(24) - 12;
            const QRgb p = line[x];
            line[x] = qRgb(qBound(0, qRed(p) + grain, 255), qBound(0, qGreen(p) + grain, 255),
                           qBound(0, qBlue(p) + grain, 255));
        }
    }
    return image;
}

}  // namespace

Result<CoverFolders> writeSyntheticCovers(const Database& database, const QString& root) {
    const QString sources = root + QStringLiteral("/.covers");
    if (!QDir().mkpath(sources))
        return Error{QStringLiteral("cannot make %1").arg(sources)};
    QStringList covers;
    for (int n = 0; n < kDistinctCovers; ++n) {
        const QString path = sources + QStringLiteral("/cover-%1.jpg").arg(n);
        if (!QFileInfo::exists(path) && !paintCover(n).save(path, "JPEG", 90))
            return Error{QStringLiteral("cannot write %1").arg(path)};
        covers << path;
    }

    QSet<QString> folders;
    {
        ScopedConnection connection(database, QStringLiteral("ui-stall-covers"));
        if (!connection.ok())
            return Error{connection.error()};
        QSqlQuery q(connection.db());
        q.prepare(QStringLiteral("SELECT path FROM tracks WHERE substr(path, 1, ?) = ?"));
        const QString prefix = root + QLatin1Char('/');
        q.addBindValue(prefix.size());
        q.addBindValue(prefix);
        if (!q.exec())
            return Error{QStringLiteral("cannot read the track paths")};
        while (q.next())
            folders.insert(QFileInfo(q.value(0).toString()).path());
    }

    CoverFolders result;
    for (const QString& folder : std::as_const(folders)) {
        const QString cover = folder + QStringLiteral("/cover.jpg");
        ++result.folders;
        if (QFileInfo::exists(cover))
            continue;
        if (!QDir().mkpath(folder))
            return Error{QStringLiteral("cannot make %1").arg(folder)};
        const QString& source = covers[int(qHash(folder) % uint(covers.size()))];
        if (::link(QFile::encodeName(source).constData(), QFile::encodeName(cover).constData()) !=
                0 &&
            !QFile::copy(source, cover))  // another file system: a copy instead
            return Error{QStringLiteral("cannot write %1").arg(cover)};
        ++result.made;
    }
    return result;
}

}  // namespace encore::bench
