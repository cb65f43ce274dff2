#pragma once

#include "listens/listenrules.h"
#include "store/play.h"

#include <QString>

#include <optional>

namespace encore {

// One listen as an export states it, before matching and the play rules.
struct ImportedListen {
    QString artist;
    QString title;
    QString album;
    qint64 started_at = 0;                  // unix seconds, UTC
    std::optional<int> utc_offset_minutes;  // when the record says; else the import's zone
    qint64 ms_played = -1;                  // -1: unknown (scrobbles)
    int duration_ms = 0;                    // 0: unknown
    EndCause cause = EndCause::Unknown;
    // The source only records plays (a scrobble): it counts unless `cause` says skipped.
    bool scrobble = false;
    // Encore's own exports carry the outcome: re-importing them keeps it as it was.
    std::optional<EndReason> exact_reason;
    std::optional<bool> exact_counted;
    std::optional<bool> shuffle;
    int rating = 0;        // 1..5 (seed)
    QString profile;       // a record that names its listener (seed: "user 12"); else empty
    qint64 seed_song = 0;  // seed ratings: the song id of songs.csv
};

}  // namespace encore
