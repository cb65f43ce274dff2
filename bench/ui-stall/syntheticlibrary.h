#pragma once

#include "core/result.h"
#include "store/database.h"

namespace encore::bench {

// Writes `tracks` library rows straight into a database (no audio files): the tags of
// bench/make-library's deterministic plan, under a folder that does not exist.
Status writeSyntheticLibrary(const Database& database, int tracks, quint64 seed);

}  // namespace encore::bench
