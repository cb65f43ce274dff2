#pragma once

#include "stats/report/statsreport.h"

#include <QString>

namespace encore::stats {

// The report as readable text for a terminal: each section's headline, then its numbers.
QString reportToText(const StatsReport& report);

}  // namespace encore::stats
