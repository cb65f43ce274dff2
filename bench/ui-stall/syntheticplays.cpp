#include "syntheticplays.h"

#include "listengenerator.h"
#include "store/playlog.h"
#include "store/sqlerror.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

#include <random>
#include <vector>

namespace encore::bench {

namespace {
constexpr int kMeanGapSeconds = 200;  // a listen every few minutes, back from now
}  // namespace

Status writeSyntheticPlays(const Database& database, int plays, quint64 seed) {
    ScopedConnection connection(database, QStringLiteral("ui-stall-plays"));
    if (!connection.ok())
        return Error{connection.error()};
    QSqlDatabase db = connection.db();
    QSqlQuery q(db);
    std::vector<TrackId> tracks;
    if (!q.exec(QStringLiteral("SELECT id FROM tracks WHERE available = 1 ORDER BY id")))
        return sqlError(QStringLiteral("Reading track ids"), q);
    while (q.next())
        tracks.push_back(q.value(0).toLongLong());
    if (!q.exec(QStringLiteral("SELECT id FROM profiles WHERE is_active = 1")) || !q.next())
        return sqlError(QStringLiteral("Reading the active profile"), q);
    const ProfileId profile = q.value(0).toLongLong();
    if (tracks.empty())
        return Error{QStringLiteral("ui-stall: no tracks to play")};

    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    PlayLog log(db);
    ScopedTransaction transaction(db);
    qint64 at = QDateTime::currentSecsSinceEpoch() - qint64(plays) * kMeanGapSeconds;
    for (int i = 0; i < plays; ++i) {
        // Favourites: a skewed pick, as real listening is.
        const size_t pick = size_t(double(tracks.size()) * unit(rng) * unit(rng));
        Play p;
        p.profile_id = profile;
        p.track_id = tracks[qMin(pick, tracks.size() - 1)];
        p.started_at = at;
        p.utc_offset_minutes = 60;
        p.duration_ms = 240000;
        const bool skipped = unit(rng) < 0.2;
        p.ms_played = skipped ? 20000 : 240000;
        p.end_reason = skipped ? EndReason::Skipped : EndReason::Finished;
        p.counted = !skipped;
        p.shuffle = false;
        const Result<bool> inserted = log.insert(p);
        if (!inserted)
            return Error{inserted.error()};
        at += 1 + qint64(unit(rng) * 2 * kMeanGapSeconds);
    }
    return transaction.commit();
}

void writeListenExport(int listens, QIODevice& out) {
    ListenPlan plan;
    plan.listens = listens;
    writeSpotifyExtended(plan, out);
}

}  // namespace encore::bench
