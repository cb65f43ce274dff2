#include "listens/historyreader.h"

#include "store/sqlerror.h"

#include <QSqlQuery>
#include <QVariant>
#include <QVariantList>

#include <limits>

namespace encore {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT p.id, p.track_id, p.started_at, p.utc_offset_minutes, p.ms_played, p.duration_ms, "
    "p.end_reason, p.counted, t.title, t.artist, t.album, t.path IS NOT NULL, "
    "coalesce(p.import_id, 0), i.path, i.format "
    "FROM plays p JOIN tracks t ON t.id = p.track_id LEFT JOIN imports i ON i.id = p.import_id ");
const QString kNewestFirst = QStringLiteral(" ORDER BY p.started_at DESC, p.track_id DESC LIMIT ?");

HistoryEntry entryFrom(const QSqlQuery& q) {
    HistoryEntry e;
    e.play_id = q.value(0).toLongLong();
    e.track_id = q.value(1).toLongLong();
    e.started_at = q.value(2).toLongLong();
    e.utc_offset_minutes = q.value(3).toInt();
    e.ms_played = q.value(4).isNull() ? -1 : q.value(4).toLongLong();
    e.duration_ms = q.value(5).toInt();
    e.end_reason = endReasonFromName(q.value(6).toString()).value_or(EndReason::Stopped);
    e.counted = q.value(7).toBool();
    e.title = q.value(8).toString();
    e.artist = q.value(9).toString();
    e.album = q.value(10).toString();
    e.has_file = q.value(11).toBool();
    e.import_id = q.value(12).toLongLong();
    e.import_path = q.value(13).toString();
    e.import_format = q.value(14).toString();
    return e;
}

}  // namespace

HistoryReader::HistoryReader(QSqlDatabase db) : db_(std::move(db)) {}

Result<QList<HistoryEntry>> HistoryReader::select(const QString& where, const QVariantList& values,
                                                  int limit) {
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    q.prepare(kSelect + where + kNewestFirst);
    for (const QVariant& v : values)
        q.addBindValue(v);
    q.addBindValue(qMax(0, limit));
    if (!q.exec())
        return sqlError(QStringLiteral("Reading the listening history"), q);
    QList<HistoryEntry> entries;
    entries.reserve(qMax(0, limit));
    while (q.next())
        entries.append(entryFrom(q));
    return entries;
}

Result<QList<HistoryEntry>> HistoryReader::page(ProfileId profile,
                                                const std::optional<HistoryCursor>& after,
                                                int limit) {
    if (!after)
        return select(QStringLiteral("WHERE p.profile_id = ?"), {profile}, limit);
    // A row-value comparison: SQLite turns it into a range on the index.
    return select(QStringLiteral("WHERE p.profile_id = ? AND (p.started_at, p.track_id) < (?, ?)"),
                  {profile, after->started_at, after->track_id}, limit);
}

Result<QList<HistoryEntry>> HistoryReader::newerThan(ProfileId profile, const HistoryCursor& top,
                                                     int limit) {
    return select(QStringLiteral("WHERE p.profile_id = ? AND (p.started_at, p.track_id) > (?, ?)"),
                  {profile, top.started_at, top.track_id}, limit);
}

Result<qint64> HistoryReader::count(ProfileId profile, std::optional<qint64> since,
                                    std::optional<qint64> until) {
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT count(*) FROM plays WHERE profile_id = ? AND started_at >= ? "
                       "AND started_at < ?"));
    q.addBindValue(profile);
    q.addBindValue(since.value_or(std::numeric_limits<qint64>::min()));
    q.addBindValue(until.value_or(std::numeric_limits<qint64>::max()));
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("Counting listens"), q);
    return q.value(0).toLongLong();
}

Result<QHash<TrackId, TrackPlayStats>> HistoryReader::playStats(ProfileId profile) {
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT track_id, play_count, coalesce(last_played_at, 0) "
                       "FROM track_stats WHERE profile_id = ? AND play_count > 0"));
    q.addBindValue(profile);
    if (!q.exec())
        return sqlError(QStringLiteral("Reading play counts"), q);
    QHash<TrackId, TrackPlayStats> stats;
    while (q.next())
        stats.insert(q.value(0).toLongLong(),
                     TrackPlayStats{q.value(1).toInt(), q.value(2).toLongLong()});
    return stats;
}

Result<TrackPlayStats> HistoryReader::playStats(ProfileId profile, TrackId track) {
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT play_count, coalesce(last_played_at, 0) FROM track_stats "
                       "WHERE profile_id = ? AND track_id = ?"));
    q.addBindValue(profile);
    q.addBindValue(track);
    if (!q.exec())
        return sqlError(QStringLiteral("Reading the play count of track %1").arg(track), q);
    if (!q.next())
        return TrackPlayStats{};
    return TrackPlayStats{q.value(0).toInt(), q.value(1).toLongLong()};
}

}  // namespace encore
