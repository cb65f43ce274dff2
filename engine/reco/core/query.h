#pragma once

// What is known at the moment of a recommendation: who, what just played, when.

#include "reco/core/interactions.h"

#include <cstdint>
#include <vector>

namespace encore::reco {

struct Query {
    int32_t profile = 0;
    int32_t prev_track = kNoTrack;  // playing or last played track
    int32_t hour_of_week = 0;       // 0..167 local
    std::vector<int32_t> history;   // last session songs, most recent first (kNoTrack ignored)
    int64_t timestamp = 0;          // unix seconds, UTC

    // The query side of example i (nothing of the target).
    static Query fromExample(const Interactions& log, size_t i);
};

inline Query Query::fromExample(const Interactions& log, size_t i) {
    Query q;
    q.profile = log.profile[i];
    q.prev_track = log.prev_track[i];
    q.hour_of_week = log.hour_of_week[i];
    const auto first = log.history.begin() + static_cast<std::ptrdiff_t>(i * log.history_length);
    q.history.assign(first, first + log.history_length);
    q.timestamp = log.timestamp[i];
    return q;
}

}  // namespace encore::reco
