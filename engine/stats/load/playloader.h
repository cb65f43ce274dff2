#pragma once

#include "core/result.h"
#include "stats/load/catalogue.h"
#include "stats/load/playcolumns.h"

#include <QSqlDatabase>

#include <atomic>
#include <limits>

namespace encore::stats {

// Reads the listens with afterId < row id <= upToId (every profile, any time) into columns,
// converting each start to local day and hour with the offset stored with it. Stops with an
// error when `cancel` becomes true.
Result<PlayColumns> loadPlays(const QSqlDatabase& db, qint64 afterId,
                              qint64 upToId = std::numeric_limits<qint64>::max(),
                              const std::atomic<bool>* cancel = nullptr);

// The highest row id in plays (0 when empty).
Result<qint64> maxPlayId(const QSqlDatabase& db);

// Fills columns.track from columns.track_id; returns how many listens name an unknown track.
std::size_t assignTrackIndexes(PlayColumns& columns, const Catalogue& catalogue);

}  // namespace encore::stats
