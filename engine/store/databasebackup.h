#pragma once

#include "core/result.h"
#include "store/database.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace encore {

// One finished backup file: <folder>/<db name>-<UTC yyyyMMddTHHmmsszzz>Z-schema<N>.sqlite.
struct BackupFile {
    QString path;
    QDateTime taken_at;  // UTC, from the name
    int schema_version = 0;
    qint64 bytes = 0;
};

// What backUp() wrote and how long it took.
struct BackupReport {
    BackupFile file;
    double seconds = 0;
    QStringList pruned;  // older backups deleted to keep the newest `keep`
};

// What restore() put back.
struct RestoreReport {
    QString backup;
    QString set_aside;  // where the replaced database now lies; empty when there was none
    qint64 plays = 0;   // listens in the restored database
    int schema_version = 0;
};

// The result of PRAGMA integrity_check (or quick_check) on a database file.
struct IntegrityReport {
    bool ok = false;
    bool quick = false;    // quick_check: the file is over kQuickCheckBytes
    QStringList problems;  // SQLite's lines (at most a few), or why it could not be read
};

// Backups of the library database with SQLite's online backup API (a consistent copy while
// other connections read and write; a file copy could catch a half-written WAL), in a
// backups/ folder beside the database, the newest `keep` kept.
class DatabaseBackup {
public:
    static constexpr int kDefaultKeep = 5;
    static constexpr qint64 kQuickCheckBytes = 256LL * 1024 * 1024;
    static constexpr qint64 kDailySeconds = 24 * 60 * 60;

    explicit DatabaseBackup(Database database, int keep = kDefaultKeep);

    // <folder of the database>/backups.
    QString folder() const;

    // Copies the database into a new backup (temporary name, integrity_check, rename), then
    // deletes all but the newest `keep`. Opens its own connection on the calling thread.
    Result<BackupReport> backUp() const;
    // The same from an open connection of the calling thread (the writer's, mid-turn).
    Result<BackupReport> backUpFrom(const QSqlDatabase& source) const;

    // Finished backups, newest first.
    QList<BackupFile> list() const;
    std::optional<BackupFile> newest() const;
    // True when there is none or the newest is older than kDailySeconds at `nowUtc`.
    bool dailyDue(const QDateTime& nowUtc) const;

    // Replaces the database with `backupPath` after checking the backup's integrity; the
    // current file (and its -wal) is renamed to <name>.before-restore-<UTC time>, never deleted.
    // Nothing may have the database open meanwhile.
    Result<RestoreReport> restore(const QString& backupPath) const;

    // integrity_check, or quick_check when the file is over kQuickCheckBytes (forceFull: never).
    static IntegrityReport check(const QString& path, bool forceFull = false);

private:
    Result<BackupReport> copyFrom(void* sourceHandle) const;
    QStringList prune() const;

    Database database_;
    int keep_;
};

// Counts of listens in a database file that SQLite can still read; nullopt when it cannot.
std::optional<qint64> countPlays(const QString& path, qint64 afterId = 0);
std::optional<qint64> maxPlayId(const QString& path);

}  // namespace encore
