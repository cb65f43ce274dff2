#pragma once

#include "core/result.h"
#include "reco/logsnapshot.h"

#include <QSqlDatabase>

#include <atomic>

namespace encore {

// Reads a LogSnapshot in one plain read transaction (never a write lock; with WAL, writers go
// on while it reads). Plays are streamed through SQLite's own API: QSqlQuery's QVariant per
// value would cost seconds at a million plays.
class SnapshotReader {
public:
    explicit SnapshotReader(QSqlDatabase db);

    // Fails with a readable sentence; a set `cancel` flag stops it with "cancelled".
    Result<LogSnapshot> read(const std::atomic<bool>* cancel = nullptr);

    // Counted plays in the log now (cheap: the trainer polls it).
    Result<qint64> playCount();

private:
    Status readProfiles(LogSnapshot& s);
    Status readTracks(LogSnapshot& s, const std::atomic<bool>* cancel);
    Status readListens(LogSnapshot& s, const std::atomic<bool>* cancel);
    Status readFeedback(LogSnapshot& s);

    QSqlDatabase db_;
};

}  // namespace encore
