#pragma once

#include <cstdint>
#include <vector>

namespace encore::stats {

// Each track's whole history for the selected profile(s), whatever the period: what "new to
// you" and "forgotten favourites" are measured against.
struct TrackHistory {
    std::vector<std::int32_t> listens;       // per track index: listens of any kind, all time
    std::vector<std::int32_t> plays;         // counted plays, all time
    std::vector<std::int64_t> first_played;  // earliest counted play, unix seconds; 0: never
    std::vector<std::int32_t> first_day;     // its local day number
    std::vector<std::int64_t> last_played;   // latest counted play; 0: never
    // The newest listen of the profile(s): its offset is "the listener's time zone now".
    std::int64_t newest_started_at = 0;
    int newest_offset_minutes = 0;
};

}  // namespace encore::stats
