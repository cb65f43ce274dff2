#include "playliststore.h"

#include "store/database.h"
#include "store/sqlerror.h"

#include <QSqlQuery>
#include <QVariant>

namespace encore {

namespace {

const char kSelect[] =
    "SELECT p.id, p.name, p.rules, p.updated_at, "
    "(SELECT count(*) FROM playlist_tracks pt WHERE pt.playlist_id = p.id) FROM playlists p";

PlaylistSummary summaryFrom(const QSqlQuery& query) {
    PlaylistSummary p;
    p.id = query.value(0).toLongLong();
    p.name = query.value(1).toString();
    if (!query.isNull(2))
        p.rules = query.value(2).toString().toUtf8();
    p.updated_at = query.value(3).toLongLong();
    p.track_count = query.value(4).toInt();
    return p;
}

Error gone(PlaylistId id) {
    return Error{
        QStringLiteral("Playlist %1 no longer exists (deleted in another window?).").arg(id)};
}

}  // namespace

PlaylistStore::PlaylistStore(QSqlDatabase db) : db_(std::move(db)) {}

Result<QList<PlaylistSummary>> PlaylistStore::playlists() {
    QSqlQuery query(db_);
    query.setForwardOnly(true);
    if (!query.exec(QString::fromLatin1(kSelect) +
                    QStringLiteral(" ORDER BY p.name COLLATE NOCASE, p.id")))
        return sqlError(QStringLiteral("Reading the playlists"), query);
    QList<PlaylistSummary> out;
    while (query.next())
        out.append(summaryFrom(query));
    return out;
}

Result<std::optional<PlaylistSummary>> PlaylistStore::playlist(PlaylistId id) {
    QSqlQuery query(db_);
    query.prepare(QString::fromLatin1(kSelect) + QStringLiteral(" WHERE p.id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(QStringLiteral("Reading a playlist"), query);
    if (!query.next())
        return std::optional<PlaylistSummary>();
    return std::optional<PlaylistSummary>(summaryFrom(query));
}

Result<QList<TrackId>> PlaylistStore::tracks(PlaylistId id) {
    QSqlQuery query(db_);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT pt.track_id FROM playlist_tracks pt JOIN tracks t ON t.id = pt.track_id "
        "WHERE pt.playlist_id = ? AND t.available = 1 AND t.path IS NOT NULL "
        "ORDER BY pt.position"));
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(QStringLiteral("Reading a playlist's songs"), query);
    QList<TrackId> out;
    while (query.next())
        out.append(query.value(0).toLongLong());
    return out;
}

Result<PlaylistId> PlaylistStore::create(const QString& name,
                                         const std::optional<QByteArray>& rules,
                                         const QList<TrackId>& tracks, qint64 now) {
    ScopedTransaction transaction(db_);
    if (!transaction.begun())
        return Error{transaction.error()};
    QSqlQuery query(db_);
    query.prepare(QStringLiteral(
        "INSERT INTO playlists(name, rules, created_at, updated_at) VALUES (?, ?, ?, ?)"));
    query.addBindValue(name);
    query.addBindValue(rules ? QVariant(QString::fromUtf8(*rules))
                             : QVariant(QMetaType::fromType<QString>()));
    query.addBindValue(now);
    query.addBindValue(now);
    if (!query.exec())
        return sqlError(QStringLiteral("Saving the playlist \"%1\"").arg(name), query);
    const PlaylistId id = query.lastInsertId().toLongLong();
    const Status written = writeTracks(id, tracks, 0);
    if (!written)
        return Error{written.error()};
    const Status committed = transaction.commit();
    if (!committed)
        return Error{committed.error()};
    return id;
}

Status PlaylistStore::touch(PlaylistId id, qint64 now) {
    QSqlQuery query(db_);
    query.prepare(QStringLiteral("UPDATE playlists SET updated_at = ? WHERE id = ?"));
    query.addBindValue(now);
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(QStringLiteral("Saving a playlist"), query);
    if (query.numRowsAffected() == 0)
        return gone(id);
    return {};
}

Status PlaylistStore::rename(PlaylistId id, const QString& name, qint64 now) {
    ScopedTransaction transaction(db_);
    if (!transaction.begun())
        return Error{transaction.error()};
    const Status touched = touch(id, now);
    if (!touched)
        return touched;
    QSqlQuery query(db_);
    query.prepare(QStringLiteral("UPDATE playlists SET name = ? WHERE id = ?"));
    query.addBindValue(name);
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(QStringLiteral("Renaming the playlist"), query);
    return transaction.commit();
}

Status PlaylistStore::setRules(PlaylistId id, const QByteArray& rules, qint64 now) {
    ScopedTransaction transaction(db_);
    if (!transaction.begun())
        return Error{transaction.error()};
    const Status touched = touch(id, now);
    if (!touched)
        return touched;
    QSqlQuery query(db_);
    query.prepare(QStringLiteral("UPDATE playlists SET rules = ? WHERE id = ?"));
    query.addBindValue(QString::fromUtf8(rules));
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(QStringLiteral("Saving the smart playlist's rules"), query);
    return transaction.commit();
}

Status PlaylistStore::setTracks(PlaylistId id, const QList<TrackId>& tracks, qint64 now) {
    ScopedTransaction transaction(db_);
    if (!transaction.begun())
        return Error{transaction.error()};
    const Status touched = touch(id, now);
    if (!touched)
        return touched;
    QSqlQuery clear(db_);
    clear.prepare(QStringLiteral("DELETE FROM playlist_tracks WHERE playlist_id = ?"));
    clear.addBindValue(id);
    if (!clear.exec())
        return sqlError(QStringLiteral("Saving the playlist's songs"), clear);
    const Status written = writeTracks(id, tracks, 0);
    if (!written)
        return written;
    return transaction.commit();
}

Status PlaylistStore::appendTracks(PlaylistId id, const QList<TrackId>& tracks, qint64 now) {
    ScopedTransaction transaction(db_);
    if (!transaction.begun())
        return Error{transaction.error()};
    const Status touched = touch(id, now);
    if (!touched)
        return touched;
    QSqlQuery last(db_);
    last.prepare(QStringLiteral(
        "SELECT coalesce(max(position) + 1, 0) FROM playlist_tracks WHERE playlist_id = ?"));
    last.addBindValue(id);
    if (!last.exec() || !last.next())
        return sqlError(QStringLiteral("Adding songs to the playlist"), last);
    const Status written = writeTracks(id, tracks, last.value(0).toInt());
    if (!written)
        return written;
    return transaction.commit();
}

Status PlaylistStore::writeTracks(PlaylistId id, const QList<TrackId>& tracks, int firstPosition) {
    QSqlQuery insert(db_);
    insert.prepare(QStringLiteral(
        "INSERT INTO playlist_tracks(playlist_id, position, track_id) VALUES (?, ?, ?)"));
    for (int i = 0; i < tracks.size(); ++i) {
        insert.bindValue(0, id);
        insert.bindValue(1, firstPosition + i);
        insert.bindValue(2, tracks[i]);
        if (!insert.exec())
            return sqlError(QStringLiteral("Saving the playlist's songs"), insert);
    }
    return {};
}

Status PlaylistStore::remove(PlaylistId id) {
    ScopedTransaction transaction(db_);
    if (!transaction.begun())
        return Error{transaction.error()};
    QSqlQuery query(db_);
    query.prepare(QStringLiteral("DELETE FROM playlists WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(QStringLiteral("Deleting the playlist"), query);
    return transaction.commit();
}

Result<ResolvedPaths> PlaylistStore::resolvePaths(const QStringList& paths) {
    QSqlQuery query(db_);
    query.prepare(QStringLiteral("SELECT id FROM tracks WHERE path = ? AND available = 1"));
    ResolvedPaths out;
    for (const QString& path : paths) {
        query.bindValue(0, path);
        if (!query.exec())
            return sqlError(QStringLiteral("Finding a playlist's songs in the library"), query);
        if (query.next())
            out.tracks.append(query.value(0).toLongLong());
        else
            out.missing.append(path);
        query.finish();
    }
    return out;
}

}  // namespace encore
