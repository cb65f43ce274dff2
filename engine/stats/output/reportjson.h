#pragma once

#include "stats/report/statsreport.h"

#include <QJsonObject>

namespace encore::stats {

// Every statistic of a report as one JSON document (the parts done so far). Instants are ISO
// 8601 UTC strings, local days "YYYY-MM-DD", shares in [0, 1], durations in ms; a finding is
// given with its numbers and the sentence the dashboards show.
QJsonObject reportToJson(const StatsReport& report);

}  // namespace encore::stats
