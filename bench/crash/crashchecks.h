#pragma once

// What bench_crash reads back from a database after a kill: the checks of issue 16 §3.

#include <QString>

namespace encore::bench {

struct DatabaseFacts {
    QString integrity;  // PRAGMA integrity_check's first row: "ok" when sound
    qint64 tracks = 0;  // library files (not the tracks known only from imported history)
    qint64 plays = 0;
    qint64 imports = 0;
    QString error;  // the database could not be read at all
};

// Opens `path` read-only on its own connection and reads the facts above.
DatabaseFacts readFacts(const QString& path);

// Library tracks whose file the scanner read with this mtime (unix seconds).
qint64 tracksWithMtime(const QString& databasePath, qint64 second);

// Plays in the database that came from the import of `file` (0 when it was not imported).
qint64 playsImportedFrom(const QString& databasePath, const QString& file);

// "" when the checkpoint at `path` is absent or verifies; else what is wrong with it.
QString checkpointProblem(const QString& path);

}  // namespace encore::bench
