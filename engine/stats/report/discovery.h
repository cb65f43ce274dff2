#pragma once

#include <QString>

#include <cstdint>
#include <vector>

namespace encore::stats {

struct WeekDiscovery {
    std::int64_t week_start_day = 0;  // local day number of the Monday
    std::int64_t new_tracks = 0;      // tracks first ever played that week
};

// Discovery rate: tracks whose first play ever (by the profile(s), any time) falls in the
// period, counted per local week of that first play.
struct Discovery {
    std::vector<WeekDiscovery> weeks;  // every week of the period's plays, zeros included
    std::int64_t new_tracks = 0;
    std::int64_t distinct_tracks = 0;  // played in the period
    double mean_per_week = 0.0;
    double new_share = 0.0;  // new_tracks / distinct_tracks
    // The profile(s) played something before the period began: only then does "new to you"
    // tell new songs from old ones.
    bool history_before_period = false;
    QString headline;
};

}  // namespace encore::stats
