#pragma once

#include "stats/load/statsdata.h"
#include "stats/report/statsreport.h"
#include "stats/statsquery.h"

#include <atomic>
#include <functional>

namespace encore::stats {

// Called after each part with the report so far (the part's fields just filled in).
using PartReady = std::function<void(StatsPart part, const StatsReport& report)>;

// Computes every statistic of `query` from `data`, fast parts first. Pure: no database, no
// threads of its own. Stops between parts when `cancel` becomes true (the report then holds
// the parts done so far).
StatsReport computeStats(const StatsData& data, const StatsQuery& query,
                         const PartReady& ready = {}, const std::atomic<bool>* cancel = nullptr);

}  // namespace encore::stats
