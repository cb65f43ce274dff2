#pragma once

#include <QString>

#include <vector>

namespace encore::stats {

// Skip rate = listens ended by a skip / all listens (plays, skips, stops and errors). By genre
// the listens are split equally between a track's genres, like the weighted genre shares.
struct SkipRateRow {
    QString label;
    double listens = 0.0;
    double skips = 0.0;
    double rate = 0.0;
    bool enough = false;  // at least min_listens listens: rate worth showing
};

struct SkipRates {
    double listens = 0.0;
    double skips = 0.0;
    double rate = 0.0;
    std::size_t min_listens = 0;
    std::vector<SkipRateRow> by_genre;  // most listened first
    std::vector<SkipRateRow> by_hour;   // 24 rows, local hour
    QString headline;
};

}  // namespace encore::stats
