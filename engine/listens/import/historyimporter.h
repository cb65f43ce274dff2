#pragma once

#include "core/result.h"
#include "listens/import/importreport.h"

#include <QHash>
#include <QIODevice>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <atomic>
#include <functional>
#include <memory>

namespace encore {

class TrackMatcher;
struct ImportSource;
struct DetectedFormat;

struct ImportOptions {
    QString profile;  // empty: the active profile; created when it does not exist
    // Skip records with a missing or bad field (listed as warnings) instead of refusing the file.
    bool skip_invalid = false;
    // Zone of the listener, for utc_offset_minutes and for exports in local time.
    QTimeZone time_zone = QTimeZone::systemTimeZone();
    qint64 now_seconds = 0;  // 0: the real time (listens after now + 1 day are refused)
    QString seed_profile_prefix = QStringLiteral("user ");  // seed ratings: "user 12"
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(const QString& file, qint64 records)> progress;
};

// Imports listening histories: every file is detected from its content, parsed as a stream,
// matched to tracks, classified by the play rules and written in one transaction of its own,
// so a bad file leaves nothing behind and the files before it stay imported. Re-importing
// adds nothing (plays are unique on profile + time + track).
class HistoryImporter {
public:
    static constexpr qint64 kEarliestSeconds = 631152000;  // 1990-01-01 UTC
    static constexpr qint64 kFutureToleranceSeconds = 86400;
    static constexpr int kMaxWarnings = 20;

    explicit HistoryImporter(QSqlDatabase db);
    ~HistoryImporter();

    // Files, folders and .zip archives.
    ImportReport importPaths(const QStringList& paths, const ImportOptions& options);

private:
    struct FileRun;
    Status prepare(const std::atomic<bool>* cancel);
    FileImportReport importSource(const ImportSource& source, const DetectedFormat& detected,
                                  const ImportOptions& options);
    Status importListens(FileRun& run, QIODevice& device, const DetectedFormat& detected,
                         const ImportOptions& options);
    Status nameProfiles(FileRun& run);
    Status importSeedSongs(FileRun& run, QIODevice& device);
    Result<qint64> profileId(FileRun& run, const QString& name);
    int utcOffsetMinutes(qint64 utcSeconds, const QTimeZone& zone);

    QSqlDatabase db_;
    std::unique_ptr<TrackMatcher> matcher_;
    QHash<QString, qint64> profiles_;  // committed: name (case-folded) -> id
    QHash<qint64, int> offsets_;       // quarter-hour -> utc offset minutes
    QByteArray offsets_zone_;
};

}  // namespace encore
