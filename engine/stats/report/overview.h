#pragma once

#include "core/track.h"
#include "stats/summary/evidence.h"

#include <QString>

#include <optional>

namespace encore::stats {

// What the period holds, in totals. "Listens" are every row of the log (skips and short
// ones included); "plays" are the listens that reached the play threshold (counted = 1).
struct Overview {
    ProfileId profile_id = 0;  // 0: every profile
    QString profile;           // its name, or "every profile"
    std::optional<qint64> since;
    std::optional<qint64> until;
    qint64 now_seconds = 0;
    qint64 first_listen = 0;  // unix seconds; 0 when the period is empty
    qint64 last_listen = 0;
    qint64 listens = 0;
    qint64 plays = 0;
    qint64 skips = 0;
    qint64 listening_ms = 0;      // heard time of every listen with a known one
    qint64 distinct_tracks = 0;   // with at least one play
    qint64 distinct_artists = 0;  // with at least one play
    qint64 external_plays = 0;    // plays of tracks known only from history (no file)
    qint64 library_tracks = 0;    // files in the library
    qint64 unknown_listens = 0;   // listens whose track was not in the catalogue (left out)
    Evidence evidence;            // what the headlines' minimums are checked against
};

}  // namespace encore::stats
