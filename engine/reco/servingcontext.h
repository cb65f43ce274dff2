#pragma once

#include "core/result.h"
#include "core/track.h"
#include "reco/recommendation.h"

#include <QSet>
#include <QSqlDatabase>
#include <QVector>

namespace encore {

// A listen of the requesting profile in the last day, newest first.
struct RecentListen {
    TrackId track = 0;
    qint64 started_at = 0;
    qint64 ended_at = 0;  // started_at + heard time (or + duration when unknown)
    int utc_offset_minutes = 0;
    bool counted = false;
};

// What a "recommended next" request knows at this moment: read fresh from the log for every
// request (the published model may be half an hour old; the last hour's plays are not).
struct ServingContext {
    ProfileId profile = 0;
    qint64 now = 0;
    int utc_offset_minutes = 0;
    TrackId current_track = 0;     // playing, else the last played; 0: nothing yet
    QVector<RecentListen> recent;  // last 24 hours, newest first
    QVector<TrackId> session;      // plays of the running session, newest first
    QSet<TrackId> not_for_me;

    static constexpr qint64 kRecentSeconds = 24 * 3600;
    static constexpr qint64 kExcludeSeconds = 3600;  // "tracks played in the last hour"

    // Resolves the profile (0: active), fills the defaults of `request` and reads the log.
    static Result<ServingContext> read(QSqlDatabase db, const RecommendRequest& request);
};

}  // namespace encore
