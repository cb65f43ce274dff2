#pragma once

#include <QString>

#include <cstdint>
#include <vector>

namespace encore::stats {

// One genre's share of the period. A track with several genres counts in full for each of
// them (plays, listening_ms, distinct_tracks: "a track with several genres counts for each"),
// so those columns add up to more than the total. The weighted_ columns split each play
// equally between its track's genres (1/k each), so they add up to the total exactly: shares
// and charts use them. Tracks without a genre tag (external tracks mostly) form the
// "(no genre)" bucket.
struct GenreRow {
    int genre = 0;  // catalogue genre index
    QString name;
    bool no_genre = false;
    std::int64_t plays = 0;
    double weighted_plays = 0.0;
    double share = 0.0;  // weighted_plays / total plays
    std::int64_t listening_ms = 0;
    double weighted_listening_ms = 0.0;
    std::int64_t distinct_tracks = 0;
    int rank_by_plays = 0;  // 1 = first
    int rank_by_time = 0;
    int rank_by_tracks = 0;
};

struct GenreRanking {
    // Genres with a play or heard time (skips count for time), most plays first.
    std::vector<GenreRow> rows;
    std::int64_t total_plays = 0;
    std::int64_t total_listening_ms = 0;
    QString headline;
};

}  // namespace encore::stats
