#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace encore {

// Where a scan is; emitted at most every few tens of milliseconds.
struct ScanProgress {
    enum class Phase { Walking, Reading, Finishing };
    Phase phase = Phase::Walking;
    qint64 files_seen = 0;    // audio files found so far
    qint64 files_done = 0;    // files read (Reading phase)
    qint64 files_total = -1;  // files to read, -1 until the walk is over
    QString current_folder;
};

// A file or folder the scan could not handle, and why.
struct ScanProblem {
    QString path;
    QString reason;
};

// What a scan did. Problems are listed up to kMaxListedProblems; `errors` counts them all.
struct ScanReport {
    static constexpr int kMaxListedProblems = 10000;

    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int moved = 0;
    int removed = 0;   // marked unavailable, never deleted
    int restored = 0;  // came back unchanged after being unavailable
    int errors = 0;
    int damaged_tags = 0;    // files read, but with a tag TagLib could not read whole
    int history_linked = 0;  // tracks known only from imported history that found their file
    qint64 files_seen = 0;
    qint64 files_read = 0;
    qint64 elapsed_ms = 0;
    bool cancelled = false;
    QString fatal_error;  // set when the scan could not run at all (database unusable)
    QList<ScanProblem> problems;

    bool changedLibrary() const { return added + updated + moved + removed + restored > 0; }
    double filesPerSecond() const {
        return elapsed_ms > 0 ? double(files_seen) * 1000.0 / double(elapsed_ms) : 0.0;
    }
    void addProblem(const QString& path, const QString& reason) {
        ++errors;
        if (problems.size() < kMaxListedProblems)
            problems.append({path, reason});
    }
    // A file that was read, though not all of its tags: listed, but no error.
    void addTagProblem(const QString& path, const QString& reason) {
        ++damaged_tags;
        if (problems.size() < kMaxListedProblems)
            problems.append({path, reason});
    }
};

}  // namespace encore

Q_DECLARE_METATYPE(encore::ScanProgress)
Q_DECLARE_METATYPE(encore::ScanReport)
