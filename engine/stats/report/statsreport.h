#pragma once

#include "stats/load/profileref.h"
#include "stats/report/discovery.h"
#include "stats/report/forgottenfavourites.h"
#include "stats/report/genrepopularity.h"
#include "stats/report/genreranking.h"
#include "stats/report/overview.h"
#include "stats/report/popularityfactors.h"
#include "stats/report/skiprates.h"
#include "stats/report/streaksummary.h"
#include "stats/report/timepatterns.h"
#include "stats/report/toplists.h"

#include <QMetaType>

#include <array>
#include <memory>
#include <utility>
#include <vector>

namespace encore::stats {

// The sections of the dashboards, in the order they are computed (fast ones first).
enum class StatsPart {
    Overview,
    Genres,
    TimePatterns,
    TopLists,
    Streaks,
    Discovery,
    Forgotten,
    SkipRates,
    GenrePopularity,
    PopularityFactors,
};
inline constexpr int kStatsPartCount = 10;

// "overview", "genres", ... (JSON keys and bench labels).
const char* statsPartKey(StatsPart part);

// Every statistic of one query. A part's fields are valid once has(part) is true; the page
// receives copies of the report as parts are added.
struct StatsReport {
    Overview overview;
    GenreRanking genres;
    TimePatterns time;
    TopLists top;
    StreakSummary streaks;
    Discovery discovery;
    ForgottenFavourites forgotten;
    SkipRates skips;
    GenrePopularity genre_popularity;
    PopularityFactors factors;

    // Every profile at the time of the report, for the page's profile selector.
    std::vector<ProfileRef> profiles;

    std::array<bool, kStatsPartCount> done{};
    std::array<double, kStatsPartCount> compute_ms{};  // wall time of each part
    double fold_ms = 0.0;                              // the pass over the period's listens
    double history_ms = 0.0;                           // the pass over the profile's whole history

    bool has(StatsPart part) const { return done[static_cast<std::size_t>(part)]; }
    bool complete() const;
};

using StatsReportPtr = std::shared_ptr<const StatsReport>;

}  // namespace encore::stats

Q_DECLARE_METATYPE(encore::stats::StatsPart)
Q_DECLARE_METATYPE(encore::stats::StatsReportPtr)
