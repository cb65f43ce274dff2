#pragma once

#include "core/track.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace encore::stats {

struct TopEntry {
    QString name;          // artist, album title or track title
    QString artist;        // of the album or track; empty for artists
    TrackId track_id = 0;  // tracks only
    std::int64_t plays = 0;
    std::int64_t listening_ms = 0;
};

// Most played in the period (ties: more listening time, then name).
struct TopLists {
    std::vector<TopEntry> artists;
    std::vector<TopEntry> albums;
    std::vector<TopEntry> tracks;
    QString headline;
};

}  // namespace encore::stats
