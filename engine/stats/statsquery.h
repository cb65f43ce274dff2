#pragma once

#include "core/track.h"
#include "stats/summary/findings.h"

#include <QMetaType>

#include <cstddef>
#include <cstdint>
#include <optional>

namespace encore::stats {

// Thresholds and sizes of the dashboards; the defaults are what the page and the CLI show.
struct StatsOptions {
    std::size_t top_count = 10;  // entries in each top list
    // Genres with fewer tracks than this are pooled into "other" in "genre vs popularity".
    std::size_t min_genre_tracks = 10;
    // Genre-share charts show this many genres (most played first); the rest sum to "other".
    std::size_t chart_genres = 8;
    // A skip rate is shown for a genre or an hour only with at least this many listens.
    std::size_t min_skip_listens = 20;
    int forgotten_days = 90;      // "not played in the last N days"
    int forgotten_min_plays = 5;  // "played often": at least this many plays in all
    std::size_t forgotten_count = 20;
    // The popularity model is fitted on a random sample of at most this many tracks (the
    // correlations always use every track); 0 = no limit.
    std::size_t max_model_tracks = 10000;
    std::uint64_t seed = 0x5EED5EED;  // of that sample: same data, same answer
    FindingOptions findings;
};

// StatsQuery::profile_id for "the active profile" (resolved when the statistics are computed).
inline constexpr ProfileId kActiveProfile = -1;

// Which listens the statistics cover.
struct StatsQuery {
    ProfileId profile_id = 0;     // 0: every profile together; kActiveProfile
    std::optional<qint64> since;  // unix seconds UTC, inclusive; none: from the first listen
    std::optional<qint64> until;  // exclusive; none: up to now
    qint64 now_seconds = 0;       // 0: the real time (streaks, forgotten favourites, ages)
    // Local offset of "today" for the current streak; none: that of the newest listen.
    std::optional<int> now_offset_minutes;
    StatsOptions options;
};

}  // namespace encore::stats

Q_DECLARE_METATYPE(encore::stats::StatsQuery)
