#include "stats/load/playcolumns.h"

#include <algorithm>

namespace encore::stats {

namespace {

template <typename T>
void extend(std::vector<T>& to, const std::vector<T>& from) {
    to.insert(to.end(), from.begin(), from.end());
}

}  // namespace

void PlayColumns::append(const PlayColumns& more) {
    extend(profile, more.profile);
    extend(track_id, more.track_id);
    extend(track, more.track);
    extend(started_at, more.started_at);
    extend(local_day, more.local_day);
    extend(hour, more.hour);
    extend(flags, more.flags);
    extend(ms_played, more.ms_played);
    extend(offset_minutes, more.offset_minutes);
    max_id = std::max(max_id, more.max_id);
}

}  // namespace encore::stats
