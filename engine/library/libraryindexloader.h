#pragma once

#include "core/result.h"
#include "library/libraryindex.h"

#include <QList>
#include <QSqlDatabase>

#include <memory>

namespace encore {

// Reads what the library browser shows straight from SQLite (without a QVariant per value,
// only the columns the index needs, no ORDER BY: the index sorts) and builds the index.
// At 100,000 tracks this is the difference between a table that fills at once and one that
// keeps the listener waiting.
class LibraryIndexLoader {
public:
    // Available tracks with id, path, title, artist, album, album artist, genres, year, disc,
    // track number and duration set (the rest left empty), in id order.
    static Result<QList<Track>> readBrowsingRows(const QSqlDatabase& db);
    // The same rows, read on this thread while a pool thread builds the index from them.
    static Result<std::shared_ptr<const LibraryIndex>> load(const QSqlDatabase& db);
};

}  // namespace encore
