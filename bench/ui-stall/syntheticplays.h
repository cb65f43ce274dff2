#pragma once

#include "core/result.h"
#include "store/database.h"

#include <QIODevice>

namespace encore::bench {

// Writes `plays` listens of the active profile straight into the log (one transaction, through
// PlayLog so that track_stats follows), spread over the library's tracks a few minutes apart,
// ending now. Deterministic for a given seed. Sessions are left provisional (not displayed).
Status writeSyntheticPlays(const Database& database, int plays, quint64 seed);

// A Spotify extended-history export of `listens` generated listens (bench/import's plan).
void writeListenExport(int listens, QIODevice& out);

}  // namespace encore::bench
