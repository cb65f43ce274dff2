#include "stats/load/statsdataloader.h"

#include "stats/load/catalogueloader.h"
#include "stats/load/playloader.h"
#include "stats/load/sqlitereader.h"
#include "stats/load/statssql.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

namespace encore::stats {

namespace {

// Each helper connection gets a name of its own (connections are per thread and named).
std::atomic<int> helper_counter{0};

double msSince(const QElapsedTimer& timer) {
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

struct HelperResult {
    Result<Catalogue> catalogue = Error{QString()};
    Result<PlayColumns> plays = Error{QString()};
    double catalogue_ms = 0.0;
};

// The helper's half of a full read: the tracks, then the newer half of the log.
HelperResult readOnHelper(const Database& database, qint64 afterId, qint64 upToId,
                          const std::atomic<bool>* cancel) {
    HelperResult r;
    ScopedConnection connection(
        database, QStringLiteral("encore-stats-helper-%1").arg(helper_counter.fetch_add(1)));
    if (!connection.ok()) {
        r.catalogue = Error{connection.error()};
        return r;
    }
    QElapsedTimer timer;
    timer.start();
    r.catalogue = loadCatalogue(connection.db());
    r.catalogue_ms = msSince(timer);
    if (r.catalogue)
        r.plays = loadPlays(connection.db(), afterId, upToId, cancel);
    return r;
}

}  // namespace

StatsDataLoader::StatsDataLoader(Database database) : database_(std::move(database)) {}

Status StatsDataLoader::readProfiles(const QSqlDatabase& db) {
    SqliteReader profiles(db, sql::kProfiles);
    std::vector<ProfileRef> list;
    while (profiles.next())
        list.push_back({profiles.int64(0), profiles.string(1), profiles.int64(2) != 0});
    if (profiles.failed())
        return Error{profiles.error(QStringLiteral("Reading the profiles for the statistics"))};
    data_.profiles = std::move(list);
    return {};
}

Status StatsDataLoader::reloadCatalogue(const QSqlDatabase& db) {
    QElapsedTimer timer;
    timer.start();
    Result<Catalogue> catalogue = loadCatalogue(db);
    if (!catalogue)
        return Error{catalogue.error()};
    data_.catalogue = std::move(catalogue).value();
    report_.unknown_tracks = static_cast<qint64>(assignTrackIndexes(data_.plays, data_.catalogue));
    report_.catalogue_reloaded = true;
    report_.catalogue_ms += msSince(timer);
    return {};
}

Status StatsDataLoader::reloadAll(const QSqlDatabase& db, const std::atomic<bool>* cancel) {
    QElapsedTimer timer;
    timer.start();
    const Result<qint64> maxId = maxPlayId(db);
    if (!maxId)
        return Error{maxId.error()};
    const qint64 middle = maxId.value() / 2;
    QFuture<HelperResult> helper =
        QtConcurrent::run([database = database_, middle, max = maxId.value(), cancel]() {
            return readOnHelper(database, middle, max, cancel);
        });
    Result<PlayColumns> older = loadPlays(db, 0, middle, cancel);
    HelperResult newer = helper.result();
    if (!newer.catalogue)
        return Error{newer.catalogue.error()};
    if (!newer.plays)
        return Error{newer.plays.error()};
    if (!older)
        return Error{older.error()};
    PlayColumns plays = std::move(older).value();
    plays.append(newer.plays.value());
    data_.catalogue = std::move(newer.catalogue).value();
    data_.plays = std::move(plays);
    report_.unknown_tracks = static_cast<qint64>(assignTrackIndexes(data_.plays, data_.catalogue));
    fingerprint_ = fingerprintOf(data_.plays);
    report_.full_reload = true;
    report_.catalogue_reloaded = true;
    report_.catalogue_ms = newer.catalogue_ms;
    report_.listens_read = static_cast<qint64>(data_.plays.size());
    report_.plays_ms = msSince(timer);
    return {};
}

Status StatsDataLoader::readNewPlays(const QSqlDatabase& db, const std::atomic<bool>* cancel) {
    QElapsedTimer timer;
    timer.start();
    Result<PlayColumns> added =
        loadPlays(db, data_.plays.max_id, std::numeric_limits<qint64>::max(), cancel);
    if (!added)
        return Error{added.error()};
    PlayColumns& more = added.value();
    const std::size_t unknown = assignTrackIndexes(more, data_.catalogue);
    const LogFingerprint extra = fingerprintOf(more);
    fingerprint_.listens += extra.listens;
    fingerprint_.track_sum += extra.track_sum;
    data_.plays.append(more);
    report_.listens_read = static_cast<qint64>(more.size());
    report_.plays_ms = msSince(timer);
    // Imports add external tracks with their listens: read the tracks again to know them.
    if (unknown > 0)
        return reloadCatalogue(db);
    return {};
}

Status StatsDataLoader::refresh(const QSqlDatabase& db, Scope scope,
                                const std::atomic<bool>* cancel) {
    QElapsedTimer total;
    total.start();
    report_ = LoadReport();
    // One read transaction: the new rows and the fingerprint come from the same snapshot, so
    // a write landing in between cannot force a needless full reload.
    QSqlDatabase connection = db;
    const bool snapshot = connection.transaction();
    Status status = update(db, scope, cancel);
    if (snapshot)
        connection.commit();
    if (!status) {
        // Half-updated data is never used: the next refresh starts from scratch.
        data_ = StatsData();
        loaded_ = false;
        return status;
    }
    loaded_ = true;
    report_.total_ms = msSince(total);
    return {};
}

Result<qint64> StatsDataLoader::dataVersion(const QSqlDatabase& db) const {
    SqliteReader version(db, sql::kDataVersion);
    if (!version.next())
        return Error{version.error(QStringLiteral("Reading the database version"))};
    return version.int64(0);
}

Status StatsDataLoader::update(const QSqlDatabase& db, Scope scope,
                               const std::atomic<bool>* cancel) {
    const Result<qint64> version = dataVersion(db);
    if (!version)
        return Error{version.error()};
    // Nobody wrote since the last refresh on this connection: the data in memory is current.
    if (loaded_ && scope == Scope::Plays && version.value() == data_version_) {
        report_.unchanged = true;
        return {};
    }
    data_version_ = version.value();
    if (Status s = readProfiles(db); !s)
        return s;
    if (Status s = loaded_ ? readNewPlays(db, cancel) : reloadAll(db, cancel); !s)
        return s;
    if (loaded_ && scope == Scope::Everything && !report_.catalogue_reloaded) {
        if (Status s = reloadCatalogue(db); !s)
            return s;
    }
    QElapsedTimer check;
    check.start();
    const Result<LogFingerprint> stored = readLogFingerprint(db);
    if (!stored)
        return Error{stored.error()};
    report_.check_ms = msSince(check);
    if (stored.value() != fingerprint_ && !report_.full_reload) {
        // Listens were removed or moved (forget, linking external tracks): read it all again.
        return reloadAll(db, cancel);
    }
    return {};
}

}  // namespace encore::stats
