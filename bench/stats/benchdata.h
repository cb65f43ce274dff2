#pragma once

// A deterministic listening log for bench_stats: a library of generated tracks with genres,
// several profiles and their plays, written straight into a migrated database.

#include "core/result.h"

#include <QSqlDatabase>

#include <cstdint>

namespace encore::bench {

struct BenchPlan {
    int tracks = 100000;
    int plays = 1000000;
    int profiles = 3;
    int genres = 40;
    int artists = 10000;
    std::uint64_t seed = 20240601;
    // The log ends here (2025-01-01T00:00Z), so "forgotten favourites" has a fixed "now".
    std::int64_t end_seconds = 1735689600;
};

// Fills an empty, migrated database in one transaction. Same plan, same rows.
Status writeBenchData(QSqlDatabase db, const BenchPlan& plan);

}  // namespace encore::bench
