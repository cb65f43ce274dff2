#include "library/filewalker.h"

#include "library/audioformats.h"
#include "library/cuesheet.h"

#include <QSet>
#include <QStringDecoder>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace encore {

namespace {

constexpr int kMaxDepth = 128;  // deeper than any real library; stops pathological trees

struct FolderIdentity {
    dev_t device;
    ino_t inode;
    bool operator==(const FolderIdentity& o) const {
        return device == o.device && inode == o.inode;
    }
};

size_t qHash(const FolderIdentity& id, size_t seed = 0) {
    return ::qHash(quint64(id.inode), seed) ^ ::qHash(quint64(id.device), seed);
}

qint64 mtimeMs(const struct stat& st) {
    return qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
}

QString errnoText(int error) {
    return QString::fromLocal8Bit(std::strerror(error));
}

}  // namespace

bool decodeLocalPath(const QByteArray& bytes, QString& out) {
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    out = decoder.decode(bytes);
    return !decoder.hasError();
}

FileWalker::FileWalker(const std::atomic<bool>& cancel) : cancel_(cancel) {}

void FileWalker::problem(const QByteArray& path, const QString& reason) {
    QString text;
    decodeLocalPath(path, text);
    problems_.append({text, reason});
}

bool FileWalker::walk(const QByteArray& root, const FileSink& onFile, const FolderSink& onFolder) {
    struct stat rootStat {};
    if (::stat(root.constData(), &rootStat) != 0 || !S_ISDIR(rootStat.st_mode)) {
        problem(root, QStringLiteral("library folder is not reachable (%1); its tracks were left "
                                     "as they were. Mount or restore it, or remove it from the "
                                     "library.")
                          .arg(errno ? errnoText(errno) : QStringLiteral("not a folder")));
        return false;
    }
    QSet<FolderIdentity> visited;
    struct Pending {
        QByteArray path;
        int depth;
    };
    QList<Pending> stack{{root, 0}};
    visited.insert({rootStat.st_dev, rootStat.st_ino});

    while (!stack.isEmpty() && !cancel_.load(std::memory_order_relaxed)) {
        const Pending folder = stack.takeLast();
        DIR* dir = ::opendir(folder.path.constData());
        if (!dir) {
            // A folder that vanished mid-scan or has no read permission: note it and go on.
            problem(folder.path, QStringLiteral("cannot read folder: %1").arg(errnoText(errno)));
            continue;
        }
        folders_.append(folder.path);
        if (onFolder)
            onFolder(folder.path);
        const int dirFd = ::dirfd(dir);
        while (const dirent* entry = ::readdir(dir)) {
            if (cancel_.load(std::memory_order_relaxed))
                break;
            const char* name = entry->d_name;
            if (name[0] == '.')
                continue;  // hidden files and folders, "." and ".."
            const qsizetype nameLength = qsizetype(std::strlen(name));
            const unsigned char type = entry->d_type;
            const bool maybeAudio = isAudioFileName(name, nameLength);
            const bool cueSheet = !maybeAudio && isCueSheetName(name, nameLength);
            if (type == DT_REG && !maybeAudio && !cueSheet)
                continue;  // the common case costs no stat
            if (type != DT_DIR && type != DT_REG && type != DT_LNK && type != DT_UNKNOWN)
                continue;  // sockets, fifos, devices

            QByteArray path = folder.path;
            if (!path.endsWith('/'))
                path.append('/');
            path.append(name, nameLength);

            struct stat st {};
            if (::fstatat(dirFd, name, &st, 0) != 0) {  // follows links
                if (maybeAudio || type == DT_DIR)
                    problem(path, errno == ENOENT && type == DT_LNK
                                      ? QStringLiteral("symbolic link points to nothing")
                                      : QStringLiteral("cannot stat: %1").arg(errnoText(errno)));
                continue;
            }
            if (S_ISDIR(st.st_mode)) {
                const FolderIdentity id{st.st_dev, st.st_ino};
                if (visited.contains(id))
                    continue;  // a symlink loop or a second link to a folder already walked
                if (folder.depth + 1 > kMaxDepth) {
                    problem(path, QStringLiteral("folder nesting deeper than %1 levels; not "
                                                 "scanned")
                                      .arg(kMaxDepth));
                    continue;
                }
                visited.insert(id);
                stack.append({std::move(path), folder.depth + 1});
            } else if (S_ISREG(st.st_mode) && (maybeAudio || cueSheet)) {
                onFile(WalkedFile{std::move(path), qint64(st.st_size), mtimeMs(st), cueSheet});
            }
        }
        ::closedir(dir);
    }
    return true;
}

}  // namespace encore
