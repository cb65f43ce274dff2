#pragma once

#include "stats/math/streaks.h"

#include <QString>

namespace encore::stats {

// Days in a row with at least one play, in local days, within the period.
struct StreakSummary {
    Streaks streaks;
    std::int64_t today = 0;  // the local day number "current" is measured against
    QString headline;
};

}  // namespace encore::stats
