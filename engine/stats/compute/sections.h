#pragma once

// One function per dashboard section; each reads the context only, so they can run in any
// order (the calculator runs them fast ones first and hands each result on as it is done).

#include "stats/compute/statscontext.h"
#include "stats/report/statsreport.h"

namespace encore::stats {

// What the period holds: plays, days, and plays whose genre is known.
Evidence periodEvidence(const Catalogue& catalogue, const PeriodFold& fold);

Overview computeOverview(const StatsContext& context);
GenreRanking computeGenreRanking(const StatsContext& context);
// Chart genres follow the ranking's weighted plays.
TimePatterns computeTimePatterns(const StatsContext& context, const GenreRanking& ranking);
TopLists computeTopLists(const StatsContext& context);
StreakSummary computeStreaks(const StatsContext& context);
Discovery computeDiscovery(const StatsContext& context);
ForgottenFavourites computeForgotten(const StatsContext& context);
SkipRates computeSkipRates(const StatsContext& context);
GenrePopularity computeGenrePopularity(const StatsContext& context);
PopularityFactors computePopularityFactors(const StatsContext& context);

// Which tracks the popularity sections study: the library's files when there are any, else
// every track the profile(s) ever listened to. Returns track indexes.
std::vector<std::int32_t> populationTracks(const StatsContext& context, Population* population);

}  // namespace encore::stats
