#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace encore {

// An audio file found on disk, with what a rescan compares.
struct WalkedFile {
    QByteArray path;  // local 8-bit path, exactly as the file system has it
    qint64 size = 0;
    qint64 mtime_ms = 0;
    bool cue_sheet = false;  // a .cue: the scanner reads it to split the audio it describes
};

// Something the walk could not look at, and why.
struct WalkProblem {
    QString path;
    QString reason;
};

// Walks folders recursively with readdir/stat: follows symbolic links to folders but visits
// every folder once (symlink loops end), skips hidden entries and files that are neither audio nor
// CUE sheets, and never stops at an unreadable folder. Checks `cancel` between entries.
class FileWalker {
public:
    using FileSink = std::function<void(WalkedFile&&)>;
    using FolderSink = std::function<void(const QByteArray& folder)>;

    explicit FileWalker(const std::atomic<bool>& cancel);

    // Returns false when `root` is not a readable folder (the reason is in problems()).
    bool walk(const QByteArray& root, const FileSink& onFile, const FolderSink& onFolder);

    const QList<WalkProblem>& problems() const { return problems_; }
    const QList<QByteArray>& folders() const { return folders_; }

private:
    void problem(const QByteArray& path, const QString& reason);

    const std::atomic<bool>& cancel_;
    QList<WalkProblem> problems_;
    QList<QByteArray> folders_;  // every folder visited, for the watcher
};

// Decodes a local path; false when the bytes are not UTF-8 (Qt and URLs would mangle them).
bool decodeLocalPath(const QByteArray& bytes, QString& out);

}  // namespace encore
