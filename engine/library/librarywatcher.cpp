#include "library/librarywatcher.h"

#include "library/audioformats.h"
#include "library/cuesheet.h"

#include <QSocketNotifier>

#include <dirent.h>
#include <sys/inotify.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace encore {

namespace {

constexpr uint32_t kFolderEvents = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                                   IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;

}  // namespace

LibraryWatcher::LibraryWatcher(QObject* parent) : QObject(parent) {
    debounce_.setSingleShot(true);
    debounce_.setInterval(kDefaultDebounceMs);
    connect(&debounce_, &QTimer::timeout, this, &LibraryWatcher::flush);
    fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) {
        qWarning("Encore: cannot watch the library for changes (inotify: %s); rescan by hand.",
                 std::strerror(errno));
        return;
    }
    notifier_ = new QSocketNotifier(fd_, QSocketNotifier::Read, this);
    connect(notifier_, &QSocketNotifier::activated, this, &LibraryWatcher::readEvents);
}

LibraryWatcher::~LibraryWatcher() {
    if (fd_ >= 0)
        ::close(fd_);
}

void LibraryWatcher::watchFolders(const QList<QByteArray>& folders) {
    for (const QByteArray& folder : folders)
        addWatch(folder);
}

void LibraryWatcher::clear() {
    for (auto it = path_by_watch_.cbegin(); it != path_by_watch_.cend(); ++it)
        ::inotify_rm_watch(fd_, it.key());
    path_by_watch_.clear();
    watch_by_path_.clear();
    changed_.clear();
}

void LibraryWatcher::addWatch(const QByteArray& folder) {
    if (fd_ < 0 || watch_by_path_.contains(folder))
        return;
    const int wd = ::inotify_add_watch(fd_, folder.constData(), kFolderEvents);
    if (wd < 0) {
        if (errno == ENOSPC)
            qWarning(
                "Encore: the inotify watch limit is reached; raise fs.inotify."
                "max_user_watches to follow every library folder.");
        return;
    }
    path_by_watch_.insert(wd, folder);
    watch_by_path_.insert(folder, wd);
}

void LibraryWatcher::addTree(const QByteArray& folder) {
    // A folder moved or copied in: watch it and everything below.
    QList<QByteArray> stack{folder};
    while (!stack.isEmpty()) {
        const QByteArray current = stack.takeLast();
        addWatch(current);
        DIR* dir = ::opendir(current.constData());
        if (!dir)
            continue;
        while (const dirent* entry = ::readdir(dir)) {
            if (entry->d_name[0] == '.' || entry->d_type != DT_DIR)
                continue;
            stack.append(current + '/' + entry->d_name);
        }
        ::closedir(dir);
    }
}

void LibraryWatcher::readEvents() {
    alignas(inotify_event) char buffer[16384];
    for (;;) {
        const ssize_t length = ::read(fd_, buffer, sizeof buffer);
        if (length <= 0)
            break;
        for (ssize_t offset = 0; offset < length;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + offset);
            offset += ssize_t(sizeof(inotify_event) + event->len);
            if (event->mask & IN_Q_OVERFLOW) {
                Q_EMIT overflowed();
                continue;
            }
            const QByteArray folder = path_by_watch_.value(event->wd);
            if (folder.isEmpty())
                continue;
            if (event->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
                // the folder itself went away: its parent is where the change shows
                watch_by_path_.remove(folder);
                path_by_watch_.remove(event->wd);
                const qsizetype slash = folder.lastIndexOf('/');
                if (slash > 0)
                    changed_.insert(folder.left(slash));
                continue;
            }
            const QByteArray name = event->len ? QByteArray(event->name) : QByteArray();
            if (name.startsWith('.'))
                continue;  // hidden files, editors' temporary files
            const bool isFolder = event->mask & IN_ISDIR;
            if (!isFolder && !isAudioFileName(name) &&
                !isCueSheetName(name.constData(), name.size()))
                continue;
            if (isFolder && (event->mask & (IN_CREATE | IN_MOVED_TO)))
                addTree(folder + '/' + name);
            changed_.insert(folder);  // a rescan of the folder is recursive and sees it all
        }
    }
    if (!changed_.isEmpty())
        debounce_.start();  // restarts: a copy of 1,000 files gives one rescan
}

void LibraryWatcher::flush() {
    QStringList folders;
    for (const QByteArray& folder : std::as_const(changed_)) {
        // A rescan is recursive: a folder under another that changed adds nothing.
        bool covered = false;
        for (qsizetype slash = folder.lastIndexOf('/'); slash > 0 && !covered;
             slash = folder.lastIndexOf('/', slash - 1))
            covered = changed_.contains(folder.left(slash));
        if (!covered)
            folders.append(QString::fromUtf8(folder));
    }
    changed_.clear();
    folders.sort();
    if (!folders.isEmpty())
        Q_EMIT foldersChanged(folders);
}

}  // namespace encore
