#include "albums/covercache.h"

#include "albums/coverthumbnail.h"
#include "library/coverart.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>

namespace encore {

namespace {

constexpr int kMemoryKiB = 128 * 1024;  // decoded thumbnails kept for repainting
constexpr double kPruneTo = 0.8;        // of the disk limit, so pruning is not constant
const auto kImageSuffix = QStringLiteral(".jpg");
const auto kNoneSuffix = QStringLiteral(".none");  // holds why the album has no cover

// The disk key: the album, its first track's file and the dates of the file and its folder
// (a new embedded picture changes the file, a new folder image changes the folder).
QString diskKey(const QString& albumKey, const QString& audioPath, int side) {
    const QFileInfo file(audioPath);
    const QFileInfo folder(file.path());
    const QByteArray identity = albumKey.toUtf8() + '\n' + audioPath.toUtf8() + '\n' +
                                QByteArray::number(file.lastModified().toMSecsSinceEpoch()) + '\n' +
                                QByteArray::number(file.size()) + '\n' +
                                QByteArray::number(folder.lastModified().toMSecsSinceEpoch()) +
                                '\n' + QByteArray::number(side);
    return QString::fromLatin1(
        QCryptographicHash::hash(identity, QCryptographicHash::Sha1).toHex());
}

}  // namespace

CoverCache::CoverCache(QString directory, int side, qint64 diskLimitBytes, QObject* parent)
    : QObject(parent)
    , directory_(std::move(directory))
    , side_(side)
    , disk_limit_(diskLimitBytes)
    , images_(kMemoryKiB) {
    QDir().mkpath(directory_);
    // Leaves a core for the GUI thread and the engine; covers are never urgent.
    pool_.setMaxThreadCount(qBound(1, QThread::idealThreadCount() / 2, 4));
    pool_.setThreadPriority(QThread::LowPriority);
}

CoverCache::~CoverCache() {
    {
        QMutexLocker lock(&mutex_);
        stopping_ = true;
        pending_.clear();
    }
    pool_.waitForDone();
}

QString CoverCache::defaultDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
           QStringLiteral("/covers");
}

CoverCache::State CoverCache::lookup(const QString& albumKey, const QString& audioPath,
                                     QImage* image, QString* why) {
    if (const QImage* held = images_.object(albumKey)) {
        if (image)
            *image = *held;
        return State::Ready;
    }
    if (const auto none = none_.constFind(albumKey); none != none_.cend()) {
        if (why)
            *why = *none;
        return State::None;
    }
    if (requested_.contains(albumKey))
        return State::Loading;
    requested_.insert(albumKey);
    QList<QString> dropped;
    {
        QMutexLocker lock(&mutex_);
        pending_.push_back({albumKey, audioPath});
        while (pending_.size() > size_t(kMaxPending)) {
            dropped.append(pending_.front().album_key);
            pending_.pop_front();
        }
        if (running_ < pool_.maxThreadCount()) {
            ++running_;
            pool_.start([this] { drain(); });
        }
    }
    forget(dropped);
    return State::Loading;
}

void CoverCache::forget(const QList<QString>& dropped) {
    for (const QString& key : dropped)
        requested_.remove(key);
    stats_.dropped += int(dropped.size());
}

void CoverCache::clearMemory() {
    images_.clear();
    none_.clear();
}

CoverCache::Stats CoverCache::stats() const {
    return stats_;
}

bool CoverCache::isIdle() const {
    return requested_.isEmpty();
}

void CoverCache::drain() {
    for (;;) {
        Request request;
        {
            QMutexLocker lock(&mutex_);
            if (stopping_ || pending_.empty()) {
                --running_;
                return;
            }
            request = pending_.back();  // the newest: what is on screen now
            pending_.pop_back();
        }
        const Loaded loaded = load(request);
        QMetaObject::invokeMethod(
            this, [this, key = request.album_key, loaded] { deliver(key, loaded); },
            Qt::QueuedConnection);
    }
}

CoverCache::Loaded CoverCache::load(const Request& request) {
    const QString base =
        directory_ + QLatin1Char('/') + diskKey(request.album_key, request.audio_path, side_);
    if (QImage cached(base + kImageSuffix); !cached.isNull() && cached.width() == side_)
        return {cached, {}, true};
    if (QFile none(base + kNoneSuffix); none.open(QIODevice::ReadOnly))
        return {{}, QString::fromUtf8(none.readAll()), true};

    Loaded loaded;
    const std::optional<CoverArt> art = readCoverArt(request.audio_path);
    if (!art) {
        loaded.why = tr("No picture in the file and no cover image in its folder");
    } else {
        CoverThumbnail thumb = decodeCoverThumbnail(art->data, side_);
        if (thumb.outcome == CoverThumbnail::Outcome::Decoded)
            loaded.image = std::move(thumb.image);
        else
            loaded.why = thumb.detail;
    }
    // Written whole or not at all (QSaveFile renames into place), so no reader sees half.
    QSaveFile out(base + (loaded.image.isNull() ? kNoneSuffix : kImageSuffix));
    if (out.open(QIODevice::WriteOnly)) {
        const bool written = loaded.image.isNull() ? out.write(loaded.why.toUtf8()) >= 0
                                                   : loaded.image.save(&out, "JPEG", 88);
        if (written && out.commit())
            recordWrite(QFileInfo(out.fileName()).size());
        else
            out.cancelWriting();
    }
    return loaded;
}

void CoverCache::deliver(const QString& albumKey, const Loaded& loaded) {
    requested_.remove(albumKey);
    if (loaded.from_disk)
        ++stats_.from_disk;
    if (loaded.image.isNull()) {
        none_.insert(albumKey, loaded.why);
        ++stats_.none;
    } else {
        images_.insert(albumKey, new QImage(loaded.image),
                       qMax<qsizetype>(1, loaded.image.sizeInBytes() / 1024));
        if (!loaded.from_disk)
            ++stats_.decoded;
    }
    Q_EMIT coverReady(albumKey);
    if (requested_.isEmpty())
        Q_EMIT idle();
}

void CoverCache::recordWrite(qint64 bytes) {
    QMutexLocker lock(&prune_mutex_);
    if (disk_bytes_.load() < 0) {  // the first write: what earlier sessions left
        qint64 total = 0;
        const QFileInfoList files = QDir(directory_).entryInfoList(QDir::Files);
        for (const QFileInfo& f : files)
            total += f.size();
        disk_bytes_ = total;
    } else {
        disk_bytes_ += bytes;
    }
    if (disk_bytes_.load() > disk_limit_)
        prune();
}

void CoverCache::prune() {
    // Oldest written first; the thumbnails on screen now are the newest and stay.
    const QFileInfoList files =
        QDir(directory_).entryInfoList(QDir::Files, QDir::Time | QDir::Reversed);
    qint64 total = 0;
    for (const QFileInfo& f : files)
        total += f.size();
    const auto target = qint64(double(disk_limit_) * kPruneTo);
    for (const QFileInfo& f : files) {
        if (total <= target)
            break;
        if (QFile::remove(f.filePath()))
            total -= f.size();
    }
    disk_bytes_ = total;
}

}  // namespace encore
