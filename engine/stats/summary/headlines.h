#pragma once

// The title of each dashboard chart: one sentence that states the answer ("You listen most
// on Sunday evenings"), computed from the section's numbers, never claiming more than they do.

#include "stats/report/statsreport.h"
#include "stats/summary/evidence.h"

#include <QString>

#include <cstdint>

namespace encore::stats {

QString weekdayName(int weekday);          // Monday = 0
QString monthName(int month);              // 1..12
QString hourText(int hour);                // "07:00"
QString dayText(std::int64_t dayNumber);   // "4 March 2024"
QString monthText(std::int64_t monthKey);  // year * 12 + month - 1 -> "March 2024"
QString durationText(std::int64_t ms);     // "3 h 25 min", "12 min"

// "genre known for 12% of these plays".
QString knownGenreText(double knownShare);

// Each headline checks its minimum of evidence (stated beside it in headlines.cpp) against
// `have`; below it, the headline says what it needs.
QString genreRankingHeadline(const GenreRanking& ranking, const Evidence& have);
QString heatmapHeadline(const TimePatterns& time, const Evidence& have);
QString weeksHeadline(const TimePatterns& time, const Evidence& have);
// "by" names the buckets in a sentence: "at" (hours), "on" (weekdays), "in" (months).
QString genreShareHeadline(const GenreShareTable& table, const QString& by, const Evidence& have,
                           double minBucketShare = 0.02);
QString trendHeadline(const GenreShareTable& trend, const Evidence& have);
QString topListsHeadline(const TopLists& top, const Evidence& have);
QString streaksHeadline(const StreakSummary& streaks);
QString discoveryHeadline(const Discovery& discovery, const Evidence& have);
QString forgottenHeadline(const ForgottenFavourites& forgotten);
QString skipRatesHeadline(const SkipRates& skips, const Evidence& have);
QString genrePopularityHeadline(const GenrePopularity& popularity, const Evidence& have);
QString factorsHeadline(const PopularityFactors& factors, const Evidence& have);

}  // namespace encore::stats
