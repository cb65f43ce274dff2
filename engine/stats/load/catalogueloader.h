#pragma once

#include "core/result.h"
#include "stats/load/catalogue.h"

#include <QSqlDatabase>

namespace encore::stats {

// Reads every track with its genres, artist and album (interned), on the caller's connection.
Result<Catalogue> loadCatalogue(const QSqlDatabase& db);

}  // namespace encore::stats
