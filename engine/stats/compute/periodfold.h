#pragma once

#include "stats/compute/trackhistory.h"
#include "stats/load/statsdata.h"
#include "stats/statsquery.h"

#include <array>
#include <cstdint>
#include <vector>

namespace encore::stats {

// Everything the dashboards need from the listens of one query (profile(s) and period),
// gathered in one pass: per-track counts, and plays by local hour, weekday and month, split
// between genres. Listens of tracks missing from the catalogue are counted apart and left out.
struct PeriodFold {
    int genres = 0;  // catalogue genre count (the "no genre" bucket included)

    // Per track index.
    std::vector<std::int32_t> plays;
    std::vector<std::int32_t> listens;
    std::vector<std::int32_t> skips;
    std::vector<std::int64_t> listening_ms;
    // Sum of the unit vectors of each play's local time on a 24-hour clock face: their
    // direction is the track's usual hour (a circular mean, so 23:00 and 01:00 average to 00:00).
    std::vector<double> clock_x;
    std::vector<double> clock_y;

    std::int64_t total_listens = 0;
    std::int64_t total_plays = 0;
    std::int64_t total_skips = 0;
    std::int64_t total_listening_ms = 0;
    std::int64_t unknown_listens = 0;
    std::int64_t first_listen = 0;  // unix seconds, 0 when empty
    std::int64_t last_listen = 0;
    std::int32_t first_day = 0;  // local day numbers of the first and last play
    std::int32_t last_day = 0;

    // Plays by local time; the genre tables are [bucket * genres + genre], weighted 1/k.
    std::array<std::array<std::int64_t, 24>, 7> heatmap{};
    std::vector<double> genre_by_hour;
    std::vector<double> genre_by_weekday;
    std::vector<double> genre_by_month;           // month of the year
    std::int64_t first_month = 0;                 // year * 12 + month - 1 of first_day
    std::vector<double> genre_by_calendar_month;  // from first_month on
    std::vector<std::int64_t> week_plays;         // from the week of first_day on
    std::vector<std::int32_t> play_days;          // distinct local days with a play, sorted

    // Listens and skips (all listens, not only plays).
    std::array<double, 24> hour_listens{};
    std::array<double, 24> hour_skips{};
    std::vector<double> genre_listens;  // weighted 1/k
    std::vector<double> genre_skips;

    std::size_t calendarMonths() const;
    std::size_t weeks() const { return week_plays.size(); }
};

// True when listen i is in the query's profile(s) and period.
bool inScope(const PlayColumns& plays, std::size_t i, const StatsQuery& query);

PeriodFold foldPeriod(const StatsData& data, const StatsQuery& query);

// All-time history of the query's profile(s) (the period is ignored).
TrackHistory foldHistory(const StatsData& data, const StatsQuery& query);

}  // namespace encore::stats
