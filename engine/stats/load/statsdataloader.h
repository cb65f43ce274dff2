#pragma once

#include "core/result.h"
#include "stats/load/logfingerprint.h"
#include "stats/load/statsdata.h"
#include "store/database.h"

#include <QSqlDatabase>

#include <atomic>

namespace encore::stats {

// How the last refresh went, for the benchmark and the logs.
struct LoadReport {
    bool full_reload = false;  // the whole log was read (first time, or it had changed)
    bool catalogue_reloaded = false;
    bool unchanged = false;  // nothing was written since the last refresh: nothing was read
    qint64 listens_read = 0;
    qint64 unknown_tracks = 0;  // listens whose track is not in the catalogue (raced a write)
    double catalogue_ms = 0.0;  // wall times
    double plays_ms = 0.0;
    double check_ms = 0.0;  // fingerprint and profiles
    double total_ms = 0.0;
};

// Keeps StatsData in step with the database. The first refresh reads the tracks and the whole
// log (in two halves on two connections, so both cores read); later ones read only listens
// added since, check the log's fingerprint, and reload only what changed.
class StatsDataLoader {
public:
    enum class Scope {
        Plays,       // listens were logged or imported (tracks are reread if new ones appear)
        Everything,  // the library changed too (scan, tag edits): reread the tracks as well
    };

    explicit StatsDataLoader(Database database);

    // On the calling thread's connection `db`, plus a helper connection of its own for the
    // parallel first read. Leaves the data unchanged on error.
    Status refresh(const QSqlDatabase& db, Scope scope = Scope::Plays,
                   const std::atomic<bool>* cancel = nullptr);

    const StatsData& data() const { return data_; }
    bool loaded() const { return loaded_; }
    const LoadReport& lastReport() const { return report_; }

private:
    Status update(const QSqlDatabase& db, Scope scope, const std::atomic<bool>* cancel);
    Status reloadAll(const QSqlDatabase& db, const std::atomic<bool>* cancel);
    Status readNewPlays(const QSqlDatabase& db, const std::atomic<bool>* cancel);
    Status reloadCatalogue(const QSqlDatabase& db);
    Status readProfiles(const QSqlDatabase& db);
    Result<qint64> dataVersion(const QSqlDatabase& db) const;

    Database database_;
    StatsData data_;
    LogFingerprint fingerprint_;  // of data_.plays
    bool loaded_ = false;
    qint64 data_version_ = -1;  // PRAGMA data_version at the last refresh
    LoadReport report_;
};

}  // namespace encore::stats
