#pragma once

#include "core/result.h"
#include "core/track.h"

#include <QList>
#include <QSqlDatabase>

#include <atomic>

namespace encore {

// What linking did.
struct LinkReport {
    int keys_filled = 0;    // library tracks that got their match key
    int tracks_linked = 0;  // external tracks merged into a library track
};

// Keeps history and library joined: fills match keys of library tracks and merges external
// tracks (known only from history) into the library track that now has their match key,
// plays, statistics and session links included. The scanner calls run() after writing
// tracks; imports call it before matching.
class ExternalTrackLinker {
public:
    explicit ExternalTrackLinker(QSqlDatabase db);

    // In one transaction of its own: fillMatchKeys() then linkExternalTracks().
    // `cancel` ends a wait for another writer (a scan or an import) early.
    Result<LinkReport> run(const std::atomic<bool>* cancel = nullptr);
    // Both below run inside the caller's transaction, if any.
    // Library tracks whose key is '' (new rows, or rows from before schema 2).
    Result<int> fillMatchKeys();
    // Recomputes the keys of these tracks (after their tags changed).
    Status updateMatchKeys(const QList<TrackId>& ids);
    Result<int> linkExternalTracks();

private:
    QSqlDatabase db_;
};

}  // namespace encore
