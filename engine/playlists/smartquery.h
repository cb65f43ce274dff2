#pragma once

#include "core/result.h"
#include "core/track.h"
#include "playlists/smartrules.h"

#include <QList>
#include <QSqlDatabase>

namespace encore {

// The moment a smart playlist is evaluated at, and whose log it reads.
struct SmartContext {
    ProfileId profile = 0;
    qint64 now_s = 0;    // unix seconds
    int local_hour = 0;  // the listener's hour of day now (0-23)
};

// The tracks a smart playlist holds now, in its order: library tracks that are available,
// matched against their tags and the profile's listening log. One SQL statement built from the
// registered fragments, every value bound.
Result<QList<TrackId>> evaluateSmartRules(const QSqlDatabase& db, const SmartRules& rules,
                                          const SmartContext& context);

}  // namespace encore
