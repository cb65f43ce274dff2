#pragma once

#include "core/result.h"
#include "store/database.h"

namespace encore::bench {

// Where the generated rows live: album folders with a cover image each, no audio files.
QString syntheticLibraryRoot();

// Writes `tracks` library rows straight into a database (no audio files): the tags of
// bench/make-library's deterministic plan, under syntheticLibraryRoot().
Status writeSyntheticLibrary(const Database& database, int tracks, quint64 seed);

}  // namespace encore::bench
