#include "playback/coverloader.h"

#include "engine.h"

#include <QFutureWatcher>

namespace encore {

namespace {
constexpr int kCachedCovers = 64;
}  // namespace

CoverLoader::CoverLoader(Engine& engine, QObject* parent)
    : QObject(parent), engine_(engine), cache_(kCachedCovers) {}

void CoverLoader::request(const QString& audioPath, QSize size) {
    latest_ = audioPath;
    const QString key = audioPath + QLatin1Char('@') + QString::number(size.width());
    if (const QImage* cached = cache_.object(key)) {
        Q_EMIT coverReady(audioPath, *cached);
        return;
    }
    QFuture<QImage> decoded = engine_.coverArt(audioPath).then([size](const QByteArray& bytes) {
        QImage image;
        if (bytes.isEmpty() || !image.loadFromData(bytes))
            return QImage();
        return image.scaled(size, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
    });
    auto* watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, audioPath, key] {
        const QImage image = watcher->result();
        watcher->deleteLater();
        cache_.insert(key, new QImage(image));
        if (audioPath == latest_)
            Q_EMIT coverReady(audioPath, image);
    });
    watcher->setFuture(decoded);
}

}  // namespace encore
