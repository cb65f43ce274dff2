#pragma once

// The title of each dashboard chart: one sentence that states the answer ("You listen most
// on Sunday evenings"), computed from the section's numbers, never claiming more than they do.

#include "stats/report/statsreport.h"

#include <QString>

#include <cstdint>

namespace encore::stats {

QString weekdayName(int weekday);          // Monday = 0
QString monthName(int month);              // 1..12
QString hourText(int hour);                // "07:00"
QString dayText(std::int64_t dayNumber);   // "4 March 2024"
QString monthText(std::int64_t monthKey);  // year * 12 + month - 1 -> "March 2024"
QString durationText(std::int64_t ms);     // "3 h 25 min", "12 min"

QString genreRankingHeadline(const GenreRanking& ranking);
QString heatmapHeadline(const TimePatterns& time);
QString weeksHeadline(const TimePatterns& time);
// "by" names the buckets in a sentence: "at" (hours), "on" (weekdays), "in" (months).
QString genreShareHeadline(const GenreShareTable& table, const QString& by,
                           double minBucketShare = 0.02);
QString trendHeadline(const GenreShareTable& trend);
QString topListsHeadline(const TopLists& top);
QString streaksHeadline(const StreakSummary& streaks);
QString discoveryHeadline(const Discovery& discovery);
QString forgottenHeadline(const ForgottenFavourites& forgotten);
QString skipRatesHeadline(const SkipRates& skips);
QString genrePopularityHeadline(const GenrePopularity& popularity);
QString factorsHeadline(const PopularityFactors& factors);

}  // namespace encore::stats
