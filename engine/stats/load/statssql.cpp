#include "stats/load/statssql.h"

namespace encore::stats::sql {

const char* const kPlaysAfterId =
    "SELECT id, profile_id, track_id, started_at, utc_offset_minutes, counted, "
    "end_reason = 'skipped', coalesce(ms_played, -1) FROM plays WHERE id > ?1 AND id <= ?2";

const char* const kMaxPlayId = "SELECT coalesce(max(id), 0) FROM plays";

const char* const kLogFingerprint =
    "SELECT total(listen_count), total(listen_count * track_id) FROM track_stats";

const char* const kDataVersion = "PRAGMA data_version";

const char* const kTracks =
    "SELECT id, path IS NOT NULL AND available = 1, artist, album_artist, album, title, "
    "duration_ms, coalesce(year, 0), coalesce(bitrate, 0), added_at FROM tracks";

const char* const kGenres = "SELECT id, name FROM genres";

const char* const kTrackGenres = "SELECT track_id, genre_id, position FROM track_genres";

const char* const kProfiles = "SELECT id, name, is_active FROM profiles ORDER BY name";

std::vector<Statement> mainStatements() {
    return {
        {"listens after a row id", kPlaysAfterId, 2},
        {"last listen id", kMaxPlayId, 0},
        {"log fingerprint", kLogFingerprint, 0},
        {"data version", kDataVersion, 0},
        {"tracks", kTracks, 0},
        {"genres", kGenres, 0},
        {"track genres", kTrackGenres, 0},
        {"profiles", kProfiles, 0},
    };
}

}  // namespace encore::stats::sql
