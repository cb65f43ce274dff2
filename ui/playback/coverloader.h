#pragma once

#include <QCache>
#include <QImage>
#include <QObject>
#include <QSize>
#include <QString>

namespace encore {

class Engine;

// Loads cover pictures off the GUI thread: the engine reads the bytes (TagLib or the album
// folder), a pool thread decodes and scales them, the GUI thread only receives a QImage.
class CoverLoader : public QObject {
    Q_OBJECT

public:
    explicit CoverLoader(Engine& engine, QObject* parent = nullptr);

    // The answer comes as coverReady(audioPath, image), a null image when there is none.
    // Only the latest request is answered; older ones are dropped.
    void request(const QString& audioPath, QSize size);

Q_SIGNALS:
    void coverReady(const QString& audioPath, const QImage& image);

private:
    Engine& engine_;
    QString latest_;
    QCache<QString, QImage> cache_;
};

}  // namespace encore
