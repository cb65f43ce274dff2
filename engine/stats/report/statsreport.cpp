#include "stats/report/statsreport.h"

#include <algorithm>

namespace encore::stats {

const char* statsPartKey(StatsPart part) {
    switch (part) {
        case StatsPart::Overview:
            return "overview";
        case StatsPart::Genres:
            return "genres";
        case StatsPart::TimePatterns:
            return "time_patterns";
        case StatsPart::TopLists:
            return "top";
        case StatsPart::Streaks:
            return "streaks";
        case StatsPart::Discovery:
            return "discovery";
        case StatsPart::Forgotten:
            return "forgotten_favourites";
        case StatsPart::SkipRates:
            return "skip_rates";
        case StatsPart::GenrePopularity:
            return "genre_popularity";
        case StatsPart::PopularityFactors:
            return "popularity_factors";
    }
    return "";
}

bool StatsReport::complete() const {
    return std::all_of(done.begin(), done.end(), [](bool d) { return d; });
}

}  // namespace encore::stats
