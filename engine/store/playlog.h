#pragma once

#include "core/result.h"
#include "store/play.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace encore {

class SqliteStatement;

// Which plays to read. Times are unix seconds, UTC; `until` is exclusive.
struct PlayQuery {
    ProfileId profile_id = 0;  // 0: every profile
    std::optional<qint64> since;
    std::optional<qint64> until;
    TrackId track_id = 0;  // 0: every track
    bool counted_only = false;
    int limit = -1;  // -1: no limit
    bool newest_first = true;
};

// A play with what listings and exports show of its track and profile.
struct PlayRecord {
    Play play;
    QString artist;
    QString title;
    QString album;
    bool has_file = false;  // false: an external track, known only from history
    QString profile_name;
};

// The derived per-profile, per-track counts (track_stats).
struct TrackStats {
    qint64 listen_count = 0;
    qint64 play_count = 0;
    qint64 skip_count = 0;
    qint64 ms_played = 0;
    std::optional<qint64> first_played_at;
    std::optional<qint64> last_played_at;
    qint64 last_listened_at = 0;
};

// What to delete (privacy): a time range, a track, or everything of one profile.
struct ForgetQuery {
    ProfileId profile_id = 0;  // required
    std::optional<qint64> since;
    std::optional<qint64> until;  // exclusive
    TrackId track_id = 0;
    bool everything = false;  // all plays of the profile; the other filters must be empty
};

// SQL for the listening log (plays). Statistics follow by trigger in the same transaction;
// sessions and previous-track links are assigned here from the 30-minute rule (play.h).
class PlayLog {
public:
    explicit PlayLog(QSqlDatabase db);
    ~PlayLog();
    PlayLog(const PlayLog&) = delete;
    PlayLog& operator=(const PlayLog&) = delete;

    // Logs one listen played in Encore in its own transaction; profile_id 0 means the active
    // profile. Returns the new row id, or 0 when the same listen was already logged.
    Result<qint64> append(Play play);

    // Inside a transaction the caller holds (imports): inserts one listen; false when
    // profile + started_at + track is already logged. session_id / previous_track_id are
    // provisional (0: a session of its own) until assignSessions() runs over the range.
    Result<bool> insert(const Play& play);
    // Row id of the last listen insert() added.
    qint64 lastInsertedId() const;
    // Recomputes session_id and previous_track_id of a profile's listens around
    // [fromSeconds, toSeconds] after inserts or deletes there.
    Status assignSessions(ProfileId profile, qint64 fromSeconds, qint64 toSeconds);

    // Streams plays to `visit` (which returns false to stop) without holding them all.
    Status forEach(const PlayQuery& query, const std::function<bool(const PlayRecord&)>& visit);
    Result<QList<PlayRecord>> plays(const PlayQuery& query);
    Result<qint64> count(const PlayQuery& query);
    // nullopt when the profile never listened to the track.
    Result<std::optional<TrackStats>> stats(ProfileId profile, TrackId track);

    // Deletes plays in one transaction, repairs the sessions around them; returns how many.
    Result<qint64> forget(const ForgetQuery& query);

private:
    Result<ProfileId> activeProfile();

    QSqlDatabase db_;
    std::unique_ptr<SqliteStatement> insert_;  // prepared once: imports insert row after row
};

}  // namespace encore
