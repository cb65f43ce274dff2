#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

class QSocketNotifier;

namespace encore {

// Follows the library folders with inotify and reports, debounced, which folders changed:
// files created, written, deleted or moved, and folders created or removed. New folders are
// watched as they appear. Lives on the scanner's thread.
class LibraryWatcher : public QObject {
    Q_OBJECT

public:
    static constexpr int kDefaultDebounceMs = 2000;

    explicit LibraryWatcher(QObject* parent = nullptr);
    ~LibraryWatcher() override;

    bool isActive() const { return fd_ >= 0; }
    void setDebounceMs(int ms) { debounce_.setInterval(ms); }

    // Starts watching these folders (what the scanner walked); already watched ones are kept.
    void watchFolders(const QList<QByteArray>& folders);
    void clear();
    int watchedFolderCount() const { return int(path_by_watch_.size()); }

Q_SIGNALS:
    // Folders whose contents changed since the last signal (deduplicated).
    void foldersChanged(const QStringList& folders);
    // The kernel dropped events (queue overflow): everything must be rescanned.
    void overflowed();

private:
    void readEvents();
    void addWatch(const QByteArray& folder);
    void addTree(const QByteArray& folder);
    void flush();

    int fd_ = -1;
    QSocketNotifier* notifier_ = nullptr;
    QHash<int, QByteArray> path_by_watch_;
    QHash<QByteArray, int> watch_by_path_;
    QSet<QByteArray> changed_;
    QTimer debounce_;
};

}  // namespace encore
