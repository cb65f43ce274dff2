#pragma once

#include <cstdint>
#include <vector>

namespace encore::stats {

// Runs of consecutive local days with at least one listen.
struct Streaks {
    int longest = 0;                     // days in the longest run (the earliest if tied)
    std::int64_t longest_first_day = 0;  // day numbers (localDayNumber), valid if longest > 0
    std::int64_t longest_last_day = 0;
    // The run that is still alive: it ends today, or yesterday when nothing was played yet
    // today (a streak is not broken until a whole day passes without listening). 0 if none.
    int current = 0;
    std::int64_t current_first_day = 0;  // valid if current > 0
    int active_days = 0;                 // distinct days with listening
};

// days: local day numbers of listens, in any order, duplicates allowed. today: the local day
// number now. Days after today (clock skew) count for longest and active_days, not current.
Streaks listeningStreaks(std::vector<std::int64_t> days, std::int64_t today);

}  // namespace encore::stats
