#pragma once

#include "library/scanreport.h"
#include "store/trackstore.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QStringList>

#include <atomic>
#include <functional>

class QThreadPool;

namespace encore {

// One incremental scan, run synchronously on the calling thread, which is the only writer.
// Walks the folders, opens only new or changed files (in parallel on `pool`), recognises moved
// files by their identity key, marks vanished files unavailable, and writes in transactions of
// at least kBatchRows rows. Checks `cancel` between files.
class ScanJob {
public:
    static constexpr int kBatchRows = 1000;

    using ProgressCallback = std::function<void(const ScanProgress&)>;

    ScanJob(QSqlDatabase db, const std::atomic<bool>& cancel, QThreadPool* pool);

    void setProgressCallback(ProgressCallback callback) { progress_ = std::move(callback); }

    // Registers `roots` as library folders and scans them. With `onlyUnder` set, only those
    // folders (inside the roots) are walked and only files under them can vanish.
    ScanReport run(const QStringList& roots, const QStringList& onlyUnder = {});

    // Every folder the last run walked, for the watcher.
    const QList<QByteArray>& walkedFolders() const { return walked_folders_; }

private:
    struct Plan;
    struct ParseItem;

    bool walk(Plan& plan, ScanReport& report);
    void splitBySheets(Plan& plan, ScanReport& report);
    void readAndWrite(Plan& plan, ScanReport& report);
    QList<Track> tracksOf(Plan& plan, ScanReport& report, const ParseItem& item,
                          const TrackTags& tags);
    static QList<TrackId>* moveCandidates(Plan& plan, const QString& key);
    void finish(Plan& plan, ScanReport& report);
    void reportProgress(const ScanProgress& progress, bool force);
    // Marks a cancelled scan as such (not as failed) on every way out of run().
    ScanReport& ended(ScanReport& report, const QElapsedTimer& timer) const;

    QSqlDatabase db_;
    TrackStore store_;
    const std::atomic<bool>& cancel_;
    QThreadPool* pool_;
    ProgressCallback progress_;
    qint64 last_progress_ms_ = -1;
    QList<QByteArray> walked_folders_;
};

}  // namespace encore
