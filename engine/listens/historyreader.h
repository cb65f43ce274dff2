#pragma once

#include "core/result.h"
#include "core/track.h"
#include "store/play.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace encore {

// One row of the History page: a listen with what the page shows of its track and source.
struct HistoryEntry {
    qint64 play_id = 0;
    TrackId track_id = 0;
    qint64 started_at = 0;  // unix seconds, UTC
    int utc_offset_minutes = 0;
    qint64 ms_played = -1;  // -1: unknown
    int duration_ms = 0;    // 0: unknown
    EndReason end_reason = EndReason::Finished;
    bool counted = false;
    QString title;
    QString artist;
    QString album;
    bool has_file = false;  // false: a track known only from an imported history
    qint64 import_id = 0;   // 0: played in Encore
    QString import_path;    // the imported file ("archive.zip!/member")
    QString import_format;  // HistoryFormat id ("spotify-basic", ...)
};

// Where a page of history ends: the next page starts strictly below this listen (plays are
// unique on profile + started_at + track, so the pair orders them completely).
struct HistoryCursor {
    qint64 started_at = 0;
    TrackId track_id = 0;
};

// Play count and last play of one track for one profile (the Library's two columns).
struct TrackPlayStats {
    int plays = 0;
    qint64 last_played_at = 0;  // unix seconds, UTC; 0: never
};

// The reads the listening-history views need, all on the plays_by_profile_time index (no sort,
// no scan of plays), so that paging through 1,000,000 listens stays as fast as the first page.
class HistoryReader {
public:
    explicit HistoryReader(QSqlDatabase db);

    // A profile's listens newest first, starting below `after` (none: from the newest).
    Result<QList<HistoryEntry>> page(ProfileId profile, const std::optional<HistoryCursor>& after,
                                     int limit);
    // Listens above `top` (newer than the newest one shown), newest first.
    Result<QList<HistoryEntry>> newerThan(ProfileId profile, const HistoryCursor& top, int limit);
    // Listens of a profile in [since, until) (unix seconds; none: open).
    Result<qint64> count(ProfileId profile, std::optional<qint64> since = std::nullopt,
                         std::optional<qint64> until = std::nullopt);
    // Every track the profile has played (counted plays) with its count and last play.
    Result<QHash<TrackId, TrackPlayStats>> playStats(ProfileId profile);
    // One track's figures (zeros when never played).
    Result<TrackPlayStats> playStats(ProfileId profile, TrackId track);

private:
    Result<QList<HistoryEntry>> select(const QString& where, const QVariantList& values, int limit);

    QSqlDatabase db_;
};

}  // namespace encore

Q_DECLARE_METATYPE(encore::HistoryEntry)
Q_DECLARE_METATYPE(encore::TrackPlayStats)
