#pragma once

#include <QString>

#include <cstdint>
#include <vector>

namespace encore::stats {

// One genre's share of the period. A track with several genres counts in full for each of
// them (plays, listening_ms, distinct_tracks: "a track with several genres counts for each"),
// so those columns add up to more than the total. The weighted_ columns split each play
// equally between its track's genres (1/k each), so they add up to the plays whose genre is
// known exactly: shares and charts use them. Unknown genre is not a genre: plays of songs
// without one are left out of the rows and counted in unknown_plays, so that a card can say
// "genre known for 12% of these plays". Genres inferred from the artist count as known.
struct GenreRow {
    int genre = 0;  // catalogue genre index
    QString name;
    bool no_genre = false;
    std::int64_t plays = 0;
    double weighted_plays = 0.0;
    double share = 0.0;  // weighted_plays / known_plays
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
    std::int64_t known_plays = 0;     // plays of songs with a genre, tagged or inferred
    std::int64_t inferred_plays = 0;  // of those, genre taken from the artist's library songs
    std::int64_t unknown_plays = 0;   // total_plays - known_plays
    std::int64_t total_listening_ms = 0;

    double knownShare() const {
        return total_plays > 0 ? double(known_plays) / double(total_plays) : 0.0;
    }
    QString headline;
};

}  // namespace encore::stats
