#pragma once

#include "stats/compute/periodfold.h"
#include "stats/compute/trackhistory.h"
#include "stats/load/statsdata.h"
#include "stats/statsquery.h"
#include "stats/summary/evidence.h"

namespace encore::stats {

// What every section is computed from: the data, the query, and the two passes over the log.
struct StatsContext {
    const StatsData& data;
    const StatsQuery& query;
    const PeriodFold& fold;
    const TrackHistory& history;
    qint64 now = 0;     // query.now_seconds, or the real time
    Evidence evidence;  // what the period holds, for the headlines' minimums
    const StatsOptions& options() const { return query.options; }
};

}  // namespace encore::stats
