#pragma once

#include "core/result.h"
#include "stats/load/playcolumns.h"

#include <QSqlDatabase>

namespace encore::stats {

// Sums that change whenever a listen is added or removed (forget, a profile deleted) or moves
// to another track (linking an external track to a file): read from track_stats, which
// triggers keep equal to plays, and computed over the listens in memory. Equal sums after
// reading the new rows: the copy in memory is the log. (Two sums: each one more costs about
// 5 ms a refresh at a million listens.)
struct LogFingerprint {
    double listens = 0.0;
    double track_sum = 0.0;  // sum of track ids over listens
    bool operator==(const LogFingerprint& o) const;
    bool operator!=(const LogFingerprint& o) const { return !(*this == o); }
};

Result<LogFingerprint> readLogFingerprint(const QSqlDatabase& db);
LogFingerprint fingerprintOf(const PlayColumns& plays);

}  // namespace encore::stats
