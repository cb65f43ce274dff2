#include "store/externaltrackstore.h"

#include "store/sqlerror.h"
#include "store/sqlitestatement.h"

#include <QSqlQuery>
#include <QVariant>

namespace encore {

namespace {

const QString kMatchableColumns = QStringLiteral(
    "id, match_key, artist, album_artist, title, album, duration_ms, path IS NOT NULL");

MatchableTrack matchableFromQuery(const QSqlQuery& q) {
    MatchableTrack t;
    t.id = q.value(0).toLongLong();
    t.match_key = q.value(1).toString();
    t.artist = q.value(2).toString();
    t.album_artist = q.value(3).toString();
    t.title = q.value(4).toString();
    t.album = q.value(5).toString();
    t.duration_ms = q.value(6).toInt();
    t.has_file = q.value(7).toBool();
    return t;
}

}  // namespace

ExternalTrackStore::ExternalTrackStore(QSqlDatabase db) : db_(db), genre_ids_(std::move(db)) {}

ExternalTrackStore::~ExternalTrackStore() = default;

Result<QList<MatchableTrack>> ExternalTrackStore::matchableTracks() {
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    if (!q.exec(
            QStringLiteral("SELECT %1 FROM tracks WHERE match_key <> ''").arg(kMatchableColumns)))
        return sqlError(QStringLiteral("Reading tracks for matching history"), q);
    QList<MatchableTrack> result;
    while (q.next())
        result.append(matchableFromQuery(q));
    return result;
}

Result<QList<MatchableTrack>> ExternalTrackStore::tracksWithoutMatchKey() {
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM tracks WHERE match_key = '' AND path IS NOT NULL")
                    .arg(kMatchableColumns)))
        return sqlError(QStringLiteral("Reading tracks without a match key"), q);
    QList<MatchableTrack> result;
    while (q.next())
        result.append(matchableFromQuery(q));
    return result;
}

Result<QList<MatchableTrack>> ExternalTrackStore::tracksById(const QList<TrackId>& ids) {
    QSqlQuery q(db_);
    q.prepare(QStringLiteral("SELECT %1 FROM tracks WHERE id = ?").arg(kMatchableColumns));
    QList<MatchableTrack> result;
    for (TrackId id : ids) {
        q.addBindValue(id);
        if (!q.exec())
            return sqlError(QStringLiteral("Reading track %1").arg(id), q);
        if (q.next())
            result.append(matchableFromQuery(q));
    }
    return result;
}

Status ExternalTrackStore::setMatchKeys(const QList<QPair<TrackId, QString>>& keys) {
    QSqlQuery q(db_);
    q.prepare(QStringLiteral("UPDATE tracks SET match_key = ? WHERE id = ?"));
    for (const auto& [id, key] : keys) {
        q.addBindValue(key);
        q.addBindValue(id);
        if (!q.exec())
            return sqlError(QStringLiteral("Writing the match key of track %1").arg(id), q);
    }
    return {};
}

Result<TrackId> ExternalTrackStore::addExternal(const ExternalTrack& track, qint64 nowSeconds) {
    if (!insert_) {
        insert_ = std::make_unique<SqliteStatement>(
            db_,
            "INSERT INTO tracks(track_key, path, title, artist, album, genres, year, duration_ms, "
            "added_at, last_seen_at, available, match_key) VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, "
            "NULL, 0, ?)");
    }
    SqliteStatement& s = *insert_;
    if (!s.ok())
        return Error{
            QStringLiteral("Preparing to add tracks from history failed: %1").arg(s.error())};
    s.reset();
    s.bind(1, track.track_key);
    s.bind(2, track.title.isNull() ? QStringLiteral("") : track.title);
    s.bind(3, track.artist.isNull() ? QStringLiteral("") : track.artist);
    s.bind(4, track.album.isNull() ? QStringLiteral("") : track.album);
    s.bind(5, track.genres.join(QStringLiteral("; ")));
    if (track.year > 0)
        s.bind(6, qint64(track.year));
    s.bind(7, qint64(qMax(0, track.duration_ms)));
    s.bind(8, nowSeconds);
    s.bind(9, track.match_key);
    if (s.step() != SqliteStatement::Step::Done)
        return Error{QStringLiteral("Adding \"%1\" by \"%2\" from history failed: %3")
                         .arg(track.title, track.artist, s.error())};
    const TrackId id = s.lastInsertRowId();
    if (track.genres.isEmpty())
        return id;
    QSqlQuery link(db_);
    link.prepare(
        QStringLiteral("INSERT OR IGNORE INTO track_genres(track_id, genre_id, position) "
                       "VALUES (?, ?, ?)"));
    for (int i = 0; i < track.genres.size(); ++i) {
        const Result<qint64> genre = genre_ids_.idOf(track.genres[i]);
        if (!genre)
            return Error{genre.error()};
        link.addBindValue(id);
        link.addBindValue(genre.value());
        link.addBindValue(i);
        if (!link.exec())
            return sqlError(QStringLiteral("Writing genres of \"%1\"").arg(track.title), link);
    }
    return id;
}

Status ExternalTrackStore::setDuration(TrackId id, int durationMs) {
    QSqlQuery q(db_);
    q.prepare(QStringLiteral("UPDATE tracks SET duration_ms = ? WHERE id = ? AND path IS NULL"));
    q.addBindValue(durationMs);
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(QStringLiteral("Writing the duration of track %1").arg(id), q);
    return {};
}

Result<QHash<QString, TrackId>> ExternalTrackStore::externalIdsByKeyPrefix(const QString& prefix) {
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    // substr instead of LIKE: the prefix is data, and LIKE would treat '_' and '%' specially.
    q.prepare(QStringLiteral(
        "SELECT track_key, id FROM tracks WHERE path IS NULL AND substr(track_key, 1, ?) = ?"));
    q.addBindValue(prefix.size());
    q.addBindValue(prefix);
    if (!q.exec())
        return sqlError(QStringLiteral("Reading tracks known from history"), q);
    QHash<QString, TrackId> result;
    while (q.next())
        result.insert(q.value(0).toString(), q.value(1).toLongLong());
    return result;
}

Result<QList<LinkCandidate>> ExternalTrackStore::linkCandidates() {
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT e.id, e.album, l.id, l.album FROM tracks e JOIN tracks l "
                               "ON l.match_key = e.match_key AND l.path IS NOT NULL "
                               "WHERE e.path IS NULL AND e.match_key <> '' ORDER BY e.id, l.id")))
        return sqlError(QStringLiteral("Finding history that matches library files"), q);
    QList<LinkCandidate> result;
    while (q.next())
        result.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                       q.value(3).toString()});
    return result;
}

Status ExternalTrackStore::merge(const QList<QPair<TrackId, TrackId>>& externalToLibrary) {
    if (externalToLibrary.isEmpty())
        return {};
    QSqlQuery q(db_);
    if (!q.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS encore_link_map "
                               "(old_id INTEGER PRIMARY KEY, new_id INTEGER NOT NULL)")) ||
        !q.exec(QStringLiteral("DELETE FROM temp.encore_link_map")))
        return sqlError(QStringLiteral("Preparing to link history to library files"), q);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO temp.encore_link_map VALUES (?, ?)"));
    for (const auto& [from, to] : externalToLibrary) {
        q.addBindValue(from);
        q.addBindValue(to);
        if (!q.exec())
            return sqlError(QStringLiteral("Preparing to link history to library files"), q);
    }
    // Set-based: one pass per statement however many tracks are linked.
    const char* const kStatements[] = {
        // A listen already logged on the library track stays once (the rest are duplicates).
        "UPDATE OR IGNORE plays SET track_id = (SELECT new_id FROM temp.encore_link_map "
        "WHERE old_id = plays.track_id) WHERE track_id IN (SELECT old_id FROM "
        "temp.encore_link_map)",
        "DELETE FROM plays WHERE track_id IN (SELECT old_id FROM temp.encore_link_map)",
        "UPDATE plays SET previous_track_id = (SELECT new_id FROM temp.encore_link_map WHERE "
        "old_id = plays.previous_track_id) WHERE previous_track_id IN (SELECT old_id FROM "
        "temp.encore_link_map)",
        "DELETE FROM tracks WHERE id IN (SELECT old_id FROM temp.encore_link_map) AND path IS "
        "NULL",
        "DELETE FROM temp.encore_link_map",
    };
    for (const char* statement : kStatements) {
        if (!q.exec(QString::fromLatin1(statement)))
            return sqlError(QStringLiteral("Linking history to library files"), q);
    }
    return {};
}

}  // namespace encore
