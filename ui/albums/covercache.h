#pragma once

#include <QCache>
#include <QHash>
#include <QImage>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <deque>

namespace encore {

// Album covers for the grid. The GUI thread only looks up and paints: a low-priority pool
// reads the picture (embedded, else cover./folder./front. in the album's folder), decodes the
// centre square at thumbnail size and keeps it in a disk cache (the XDG cache folder) keyed
// by album and by the dates of the file and folder it came from, pruned to a size limit.
// Requests are served newest first and the oldest are dropped past a few screens' worth, so
// a fast scroll decodes what is on screen now, not what flew past.
class CoverCache : public QObject {
    Q_OBJECT

public:
    enum class State { Loading, Ready, None };
    struct Stats {
        int decoded = 0;    // read and decoded from the audio file or folder
        int from_disk = 0;  // thumbnails read back from the disk cache
        int none = 0;       // albums without a cover (or one too large or unreadable)
        int dropped = 0;    // requests dropped before they were served (scrolled past)
    };
    static constexpr qint64 kDefaultDiskLimitBytes = 256LL * 1024 * 1024;
    static constexpr int kMaxPending = 160;  // about three screens of a large window

    // `directory` holds the thumbnails of `side` pixels (made if missing).
    CoverCache(QString directory, int side, qint64 diskLimitBytes = kDefaultDiskLimitBytes,
               QObject* parent = nullptr);
    ~CoverCache() override;

    // <cache>/covers: where Encore keeps thumbnails (QStandardPaths' CacheLocation).
    static QString defaultDirectory();

    int side() const { return side_; }
    const QString& directory() const { return directory_; }

    // The cover of album `albumKey`, whose first track is `audioPath`: Ready with the image,
    // None when it has none (`why` says what was found), Loading after asking the pool.
    State lookup(const QString& albumKey, const QString& audioPath, QImage* image,
                 QString* why = nullptr);
    // Forgets what is held in memory (the library was rescanned: a cover may have changed).
    void clearMemory();

    Stats stats() const;
    bool isIdle() const;  // nothing queued or being decoded
    qint64 diskBytes() const { return disk_bytes_.load(); }

Q_SIGNALS:
    void coverReady(const QString& albumKey);
    void idle();

private:
    struct Request {
        QString album_key;
        QString audio_path;
    };
    struct Loaded {
        QImage image;
        QString why;  // empty when there is an image
        bool from_disk = false;
    };
    void drain();
    Loaded load(const Request& request);
    void deliver(const QString& albumKey, const Loaded& loaded);
    void forget(const QList<QString>& dropped);
    void recordWrite(qint64 bytes);
    void prune();

    const QString directory_;
    const int side_;
    const qint64 disk_limit_;

    // GUI thread only.
    QCache<QString, QImage> images_;  // cost in KiB
    QHash<QString, QString> none_;    // album key -> why there is no cover
    QSet<QString> requested_;
    Stats stats_;

    // Shared with the pool, under mutex_.
    mutable QMutex mutex_;
    std::deque<Request> pending_;
    int running_ = 0;
    bool stopping_ = false;

    std::atomic<qint64> disk_bytes_{-1};  // -1: not summed yet
    QMutex prune_mutex_;
    QThreadPool pool_;
};

}  // namespace encore
