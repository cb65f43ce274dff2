#pragma once

#include "core/track.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace encore::stats {

struct TopEntry {
    QString name;    // artist, album title or track title
    QString artist;  // of the album or track; empty for artists
    // The track; for an artist or album its most played track in the period (a file in the
    // library first), whose cover stands for it.
    TrackId track_id = 0;
    std::int64_t plays = 0;
    std::int64_t listening_ms = 0;
};

// Most played in the period (ties: more listening time, then name).
struct TopLists {
    std::vector<TopEntry> artists;
    std::vector<TopEntry> albums;
    std::vector<TopEntry> tracks;
    // Plays whose track names its album: top albums count only those (an export such as
    // Spotify's basic history names no albums), and the card says how many that is.
    std::int64_t album_known_plays = 0;
    std::int64_t total_plays = 0;
    QString headline;
};

}  // namespace encore::stats
