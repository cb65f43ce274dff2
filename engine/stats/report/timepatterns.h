#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <vector>

namespace encore::stats {

// Genre shares over buckets (hours of the day, weekdays, months): plays per bucket and genre,
// each play split equally between its track's genres, so a row sums to the bucket's plays.
// Columns are the chart's genres (most played in the period) and, when there are more,
// "other" for the rest together. Plays of songs with no known genre are left out (totals are
// the plays whose genre is known); known_share says how many of the plays that is.
struct GenreShareTable {
    QStringList genres;
    QStringList buckets;  // "00:00" ... / "Monday" ... / "January" ... / "2024-03"
    std::vector<std::int64_t>
        bucket_keys;  // hour, weekday (Monday 0), month 1..12, year*12+month-1
    std::vector<std::vector<double>> plays;  // [bucket][genre]
    std::vector<double> totals;              // plays with a known genre per bucket
    double known_share = 0.0;                // of every play in the buckets
    QString headline;

    double share(std::size_t bucket, std::size_t genre) const {
        return totals[bucket] > 0.0 ? plays[bucket][genre] / totals[bucket] : 0.0;
    }
};

struct WeekCount {
    std::int64_t week_start_day = 0;  // local day number of the week's Monday
    std::int64_t plays = 0;
};

// When you listen, in the local time of each listen (the UTC offset stored with it).
struct TimePatterns {
    std::array<std::array<std::int64_t, 24>, 7> heatmap{};  // plays, [weekday Monday=0][hour]
    std::int64_t total_plays = 0;                           // == the sum of the heatmap
    int peak_weekday = -1;     // the busiest part of the week (weekday x part of day)
    int peak_daypart = -1;     // 0 morning 05-12, 1 afternoon 12-17, 2 evening 17-22, 3 night 22-05
    QString heatmap_headline;  // "You listen most on Sunday evenings."
    GenreShareTable by_hour;
    GenreShareTable by_weekday;
    GenreShareTable by_month;      // month of the year
    GenreShareTable trend;         // every calendar month of the period, in order
    std::vector<WeekCount> weeks;  // every week from the first listen to the last, zeros included
    double mean_plays_per_week = 0.0;
    QString weeks_headline;
};

// "morning", "afternoon", "evening", "night".
QString daypartName(int daypart);
// The part of day a local hour belongs to.
int daypartOfHour(int hour);

}  // namespace encore::stats
