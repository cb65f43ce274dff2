#include "stats/math/streaks.h"

#include <algorithm>

namespace encore::stats {

Streaks listeningStreaks(std::vector<std::int64_t> days, std::int64_t today) {
    Streaks streaks;
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    streaks.active_days = static_cast<int>(days.size());
    std::size_t start = 0;
    while (start < days.size()) {
        std::size_t end = start + 1;
        while (end < days.size() && days[end] == days[end - 1] + 1)
            ++end;
        const int length = static_cast<int>(end - start);
        if (length > streaks.longest) {
            streaks.longest = length;
            streaks.longest_first_day = days[start];
            streaks.longest_last_day = days[end - 1];
        }
        // The current run is the one holding today or, failing that, yesterday.
        const std::int64_t first = days[start];
        const std::int64_t last = days[end - 1];
        const std::int64_t alive_until = std::min(last, today);
        if (first <= today && alive_until >= today - 1) {
            streaks.current = static_cast<int>(alive_until - first + 1);
            streaks.current_first_day = first;
        }
        start = end;
    }
    return streaks;
}

}  // namespace encore::stats
