#pragma once

#include "core/result.h"
#include "store/database.h"

namespace encore::bench {

struct CoverFolders {
    int folders = 0;  // album folders with a cover.jpg
    int made = 0;     // of them, linked in this run (the rest were there from an earlier one)
};

// Gives every folder that holds a library row under `root` a cover.jpg: hard links to a few
// generated 1000x1000 JPEGs (made once in `root`/.covers), so that the album grid decodes
// full-size folder covers as it would in a real library, without gigabytes on disk.
Result<CoverFolders> writeSyntheticCovers(const Database& database, const QString& root);

}  // namespace encore::bench
