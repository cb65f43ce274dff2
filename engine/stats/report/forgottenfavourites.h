#pragma once

#include "core/track.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace encore::stats {

struct ForgottenTrack {
    TrackId track_id = 0;
    QString title;
    QString artist;
    std::int64_t plays = 0;        // in the whole history
    std::int64_t last_played = 0;  // unix seconds
    std::int64_t days_since = 0;
};

// Tracks once played often (at least min_plays plays in the whole history) but not in the
// last `days` days before now, most played first. Independent of the period.
struct ForgottenFavourites {
    int days = 90;
    int min_plays = 5;
    std::int64_t total = 0;  // how many qualify (the list holds the first ones)
    std::vector<ForgottenTrack> tracks;
    QString headline;
};

}  // namespace encore::stats
