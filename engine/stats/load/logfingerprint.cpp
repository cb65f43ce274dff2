#include "stats/load/logfingerprint.h"

#include "stats/load/sqlitereader.h"
#include "stats/load/statssql.h"

namespace encore::stats {

bool LogFingerprint::operator==(const LogFingerprint& o) const {
    // Integers below 2^53 summed as doubles: exact, so plain equality is right.
    return listens == o.listens && track_sum == o.track_sum;
}

Result<LogFingerprint> readLogFingerprint(const QSqlDatabase& db) {
    SqliteReader sums(db, sql::kLogFingerprint);
    if (!sums.next())
        return Error{sums.error(QStringLiteral("Reading the play counts for the statistics"))};
    LogFingerprint f;
    f.listens = sums.real(0);
    f.track_sum = sums.real(1);
    return f;
}

LogFingerprint fingerprintOf(const PlayColumns& p) {
    LogFingerprint f;
    f.listens = static_cast<double>(p.size());
    for (TrackId id : p.track_id)
        f.track_sum += static_cast<double>(id);
    return f;
}

}  // namespace encore::stats
