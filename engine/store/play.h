#pragma once

#include "core/track.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace encore {

// How a listen ended; stored as text in plays.end_reason.
enum class EndReason { Finished, Skipped, Stopped, Error };

inline QString endReasonName(EndReason reason) {
    switch (reason) {
        case EndReason::Finished:
            return QStringLiteral("finished");
        case EndReason::Skipped:
            return QStringLiteral("skipped");
        case EndReason::Stopped:
            return QStringLiteral("stopped");
        case EndReason::Error:
            return QStringLiteral("error");
    }
    return QStringLiteral("stopped");
}

inline std::optional<EndReason> endReasonFromName(const QString& name) {
    const QString folded = name.trimmed().toLower();
    if (folded == QLatin1String("finished"))
        return EndReason::Finished;
    if (folded == QLatin1String("skipped"))
        return EndReason::Skipped;
    if (folded == QLatin1String("stopped"))
        return EndReason::Stopped;
    if (folded == QLatin1String("error"))
        return EndReason::Error;
    return std::nullopt;
}

// A listening session ends after this long without playback (issue 3).
constexpr qint64 kSessionGapMs = 30LL * 60 * 1000;

// True when a listen starting at `nextStartMs` continues the session whose playback last
// ended at `previousEndMs` (both unix ms). Exactly 30 minutes apart is still the same session.
inline bool sameSession(qint64 previousEndMs, qint64 nextStartMs) {
    return nextStartMs - previousEndMs <= kSessionGapMs;
}

// One listen: a row of `plays` (see resources/schema/schema-2.sql for every field).
struct Play {
    qint64 id = 0;
    ProfileId profile_id = 0;  // 0 when appending: the active profile
    TrackId track_id = 0;
    qint64 started_at = 0;  // unix seconds, UTC
    int utc_offset_minutes = 0;
    qint64 ms_played = -1;  // heard time; -1: unknown (scrobbles, ratings)
    int duration_ms = 0;    // track length when played; 0: unknown
    EndReason end_reason = EndReason::Finished;
    bool counted = false;  // reached the play threshold
    qint64 import_id = 0;  // 0: played in Encore
    std::optional<bool> shuffle;
    TrackId previous_track_id = 0;  // assigned by PlayLog
    qint64 session_id = 0;          // assigned by PlayLog
    int rating = 0;                 // 1..5 or 0
    // Among the listens of one imported file with this profile, start second and track, which
    // one this is (0, 1, ...): distinct listens that share a start second are kept apart.
    int occurrence = 0;
};

}  // namespace encore

Q_DECLARE_METATYPE(encore::Play)
