#pragma once

#include "core/track.h"

#include <cstdint>
#include <vector>

namespace encore::stats {

// The whole listening log as columns, one entry per listen in the order read (row id): a
// million listens take about 35 MB, and one pass over them computes every time-based
// statistic of a period in a few milliseconds.
struct PlayColumns {
    static constexpr std::uint8_t kCounted = 1;  // reached the play threshold: a play
    static constexpr std::uint8_t kSkipped = 2;  // ended by a skip

    std::vector<ProfileId> profile;
    std::vector<TrackId> track_id;
    std::vector<std::int32_t> track;       // catalogue index (assignTrackIndexes); -1: unknown
    std::vector<std::int64_t> started_at;  // unix seconds UTC
    std::vector<std::int32_t> local_day;   // local days since 1970-01-01 (stored offset)
    std::vector<std::uint8_t> hour;        // local hour 0..23
    std::vector<std::uint8_t> flags;
    std::vector<std::int32_t> ms_played;  // -1: unknown
    std::vector<std::int16_t> offset_minutes;
    qint64 max_id = 0;  // highest row id read: the next refresh reads only rows after it

    std::size_t size() const { return started_at.size(); }
    bool counted(std::size_t i) const { return (flags[i] & kCounted) != 0; }
    bool skipped(std::size_t i) const { return (flags[i] & kSkipped) != 0; }
    void append(const PlayColumns& more);
    void clear() { *this = PlayColumns(); }
};

}  // namespace encore::stats
