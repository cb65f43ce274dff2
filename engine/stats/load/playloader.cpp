#include "stats/load/playloader.h"

#include "stats/load/sqlitereader.h"
#include "stats/load/statssql.h"
#include "stats/math/localtime.h"

#include <algorithm>

namespace encore::stats {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
constexpr std::int64_t kSecondsPerHour = 3600;
// Cancellation is checked this often (rows), so a superseded refresh stops within a few ms.
constexpr std::size_t kCancelCheckRows = 65536;
// Offsets are kept in 16 bits; real ones stay within +-14 hours.
constexpr int kMaxOffset = 24 * 60;

}  // namespace

Result<PlayColumns> loadPlays(const QSqlDatabase& db, qint64 afterId, qint64 upToId,
                              const std::atomic<bool>* cancel) {
    SqliteReader plays(db, sql::kPlaysAfterId);
    plays.bind(1, afterId);
    plays.bind(2, upToId);
    PlayColumns c;
    while (plays.next()) {
        if (cancel && c.size() % kCancelCheckRows == 0 && cancel->load())
            return Error{QStringLiteral("The statistics were cancelled.")};
        const std::int64_t started = plays.int64(3);
        const int offset = static_cast<int>(plays.int64(4));
        const std::int64_t day = localDayNumber(started, offset);
        const std::int64_t secondOfDay = started + offset * 60 - day * kSecondsPerDay;
        c.max_id = std::max<qint64>(c.max_id, plays.int64(0));
        c.profile.push_back(plays.int64(1));
        c.track_id.push_back(plays.int64(2));
        c.started_at.push_back(started);
        c.local_day.push_back(static_cast<std::int32_t>(day));
        c.hour.push_back(static_cast<std::uint8_t>(secondOfDay / kSecondsPerHour));
        c.flags.push_back(static_cast<std::uint8_t>((plays.int64(5) ? PlayColumns::kCounted : 0) |
                                                    (plays.int64(6) ? PlayColumns::kSkipped : 0)));
        c.ms_played.push_back(static_cast<std::int32_t>(std::clamp<std::int64_t>(
            plays.int64(7), -1, std::numeric_limits<std::int32_t>::max())));
        c.offset_minutes.push_back(
            static_cast<std::int16_t>(std::clamp(offset, -kMaxOffset, kMaxOffset)));
    }
    if (plays.failed())
        return Error{plays.error(QStringLiteral("Reading the listening log for the statistics"))};
    return c;
}

Result<qint64> maxPlayId(const QSqlDatabase& db) {
    SqliteReader max(db, sql::kMaxPlayId);
    if (!max.next())
        return Error{max.error(QStringLiteral("Reading the size of the listening log"))};
    return max.int64(0);
}

std::size_t assignTrackIndexes(PlayColumns& columns, const Catalogue& catalogue) {
    std::size_t unknown = 0;
    columns.track.resize(columns.track_id.size());
    for (std::size_t i = 0; i < columns.track_id.size(); ++i) {
        columns.track[i] = catalogue.indexOf(columns.track_id[i]);
        unknown += columns.track[i] < 0 ? 1 : 0;
    }
    return unknown;
}

}  // namespace encore::stats
