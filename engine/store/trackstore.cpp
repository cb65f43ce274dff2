#include "store/trackstore.h"

#include "core/matchkey.h"
#include "store/database.h"
#include "store/sqlerror.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace encore {

namespace {

QVariant nullIfZero(int value) {
    return value > 0 ? QVariant(value) : QVariant(QMetaType(QMetaType::Int));
}

const QString kTrackColumns = QStringLiteral(
    "id, track_key, path, size, mtime_ms, title, artist, album, album_artist, genres, year, "
    "track_no, disc_no, duration_ms, bitrate, sample_rate, channels, codec, has_cover, added_at, "
    "last_seen_at, available, rg_track_gain, rg_track_peak, rg_album_gain, rg_album_peak, "
    "cue_sheet, audio_path, start_ms, end_ms");

std::optional<double> optionalReal(const QVariant& value) {
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

QVariant nullIfNone(const std::optional<double>& value) {
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Double));
}

Track trackFromQuery(const QSqlQuery& q) {
    Track t;
    t.id = q.value(0).toLongLong();
    t.key = q.value(1).toString();
    t.path = q.value(2).toString();
    t.size = q.value(3).toLongLong();
    t.mtime_ms = q.value(4).toLongLong();
    t.tags.title = q.value(5).toString();
    t.tags.artist = q.value(6).toString();
    t.tags.album = q.value(7).toString();
    t.tags.album_artist = q.value(8).toString();
    const QString genres = q.value(9).toString();
    if (!genres.isEmpty())
        t.tags.genres = genres.split(QStringLiteral("; "));
    t.tags.year = q.value(10).toInt();
    t.tags.track_no = q.value(11).toInt();
    t.tags.disc_no = q.value(12).toInt();
    t.tags.duration_ms = q.value(13).toInt();
    t.tags.bitrate_kbps = q.value(14).toInt();
    t.tags.sample_rate = q.value(15).toInt();
    t.tags.channels = q.value(16).toInt();
    t.tags.codec = q.value(17).toString();
    t.tags.has_cover = q.value(18).toBool();
    t.added_at = q.value(19).toLongLong();
    t.last_seen_at = q.value(20).toLongLong();
    t.available = q.value(21).toBool();
    if (const std::optional<double> gain = optionalReal(q.value(22))) {
        t.tags.replaygain = Loudness{*gain, optionalReal(q.value(23)), optionalReal(q.value(24)),
                                     optionalReal(q.value(25))};
    }
    if (!q.value(27).isNull()) {
        t.range =
            TrackRange{q.value(26).toString(), q.value(27).toString(), q.value(28).toLongLong(),
                       q.value(29).isNull() ? -1 : q.value(29).toLongLong()};
    }
    return t;
}

// A null QString binds as SQL NULL; text columns are NOT NULL with '' for "no value".
QVariant text(const QString& value) {
    return value.isNull() ? QVariant(QLatin1String("")) : QVariant(value);
}

void bindTags(QSqlQuery& q, const Track& t) {
    q.bindValue(QStringLiteral(":key"), text(t.key));
    q.bindValue(QStringLiteral(":path"), t.path);
    q.bindValue(QStringLiteral(":size"), t.size);
    q.bindValue(QStringLiteral(":mtime"), t.mtime_ms);
    q.bindValue(QStringLiteral(":title"), text(t.tags.title));
    q.bindValue(QStringLiteral(":artist"), text(t.tags.artist));
    q.bindValue(QStringLiteral(":album"), text(t.tags.album));
    q.bindValue(QStringLiteral(":album_artist"), text(t.tags.album_artist));
    q.bindValue(QStringLiteral(":genres"), text(t.tags.genres.join(QStringLiteral("; "))));
    q.bindValue(QStringLiteral(":year"), nullIfZero(t.tags.year));
    q.bindValue(QStringLiteral(":track_no"), nullIfZero(t.tags.track_no));
    q.bindValue(QStringLiteral(":disc_no"), nullIfZero(t.tags.disc_no));
    q.bindValue(QStringLiteral(":duration"), t.tags.duration_ms);
    q.bindValue(QStringLiteral(":bitrate"), nullIfZero(t.tags.bitrate_kbps));
    q.bindValue(QStringLiteral(":sample_rate"), nullIfZero(t.tags.sample_rate));
    q.bindValue(QStringLiteral(":channels"), nullIfZero(t.tags.channels));
    q.bindValue(QStringLiteral(":codec"), text(t.tags.codec));
    q.bindValue(QStringLiteral(":has_cover"), t.tags.has_cover ? 1 : 0);
    const std::optional<Loudness>& rg = t.tags.replaygain;
    q.bindValue(QStringLiteral(":rg_track_gain"),
                nullIfNone(rg ? std::optional<double>(rg->track_gain_db) : std::nullopt));
    q.bindValue(QStringLiteral(":rg_track_peak"), nullIfNone(rg ? rg->track_peak : std::nullopt));
    q.bindValue(QStringLiteral(":rg_album_gain"),
                nullIfNone(rg ? rg->album_gain_db : std::nullopt));
    q.bindValue(QStringLiteral(":rg_album_peak"), nullIfNone(rg ? rg->album_peak : std::nullopt));
    const std::optional<TrackRange>& range = t.range;
    const QVariant noText{QMetaType(QMetaType::QString)};
    const QVariant noNumber{QMetaType(QMetaType::LongLong)};
    q.bindValue(QStringLiteral(":cue_sheet"), range ? QVariant(range->sheet_path) : noText);
    q.bindValue(QStringLiteral(":audio_path"), range ? QVariant(range->audio_path) : noText);
    q.bindValue(QStringLiteral(":start_ms"), range ? QVariant(range->start_ms) : noNumber);
    q.bindValue(QStringLiteral(":end_ms"),
                range && range->end_ms >= 0 ? QVariant(range->end_ms) : noNumber);
    // joins listening history (imports, external tracks) to this file
    q.bindValue(QStringLiteral(":match_key"), matchKey(t.tags.artist, t.tags.title));
}

}  // namespace

TrackStore::TrackStore(QSqlDatabase db, const std::atomic<bool>* waitCancel)
    : db_(db), wait_cancel_(waitCancel), genre_ids_(std::move(db)) {}

Result<FolderId> TrackStore::ensureFolder(const QString& path) {
    ScopedTransaction transaction(db_, wait_cancel_);
    if (!transaction.begun())
        return Error{
            QStringLiteral("Adding library folder %1 failed: %2").arg(path, transaction.error())};
    QSqlQuery q(db_);
    q.prepare(
        QStringLiteral("INSERT INTO folders(path, added_at) VALUES (?, ?) "
                       "ON CONFLICT(path) DO NOTHING"));
    q.addBindValue(path);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!q.exec())
        return sqlError(QStringLiteral("Adding library folder %1").arg(path), q);
    q.prepare(QStringLiteral("SELECT id FROM folders WHERE path = ?"));
    q.addBindValue(path);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("Reading library folder %1").arg(path), q);
    const FolderId id = q.value(0).toLongLong();
    const Status committed = transaction.commit();
    if (!committed)
        return Error{committed.error()};
    return id;
}

Result<QList<LibraryFolder>> TrackStore::folders() {
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, path FROM folders ORDER BY path")))
        return sqlError(QStringLiteral("Listing library folders"), q);
    QList<LibraryFolder> result;
    while (q.next())
        result.append({q.value(0).toLongLong(), q.value(1).toString()});
    return result;
}

Status TrackStore::removeFolder(const QString& path) {
    // Tracks stay (with their history); they only lose their folder and availability.
    ScopedTransaction transaction(db_, wait_cancel_);
    if (!transaction.begun())
        return Error{
            QStringLiteral("Removing library folder %1 failed: %2").arg(path, transaction.error())};
    QSqlQuery q(db_);
    q.prepare(
        QStringLiteral("UPDATE tracks SET available = 0 WHERE folder_id = "
                       "(SELECT id FROM folders WHERE path = ?)"));
    q.addBindValue(path);
    if (!q.exec())
        return sqlError(QStringLiteral("Removing library folder %1").arg(path), q);
    q.prepare(QStringLiteral("DELETE FROM folders WHERE path = ?"));
    q.addBindValue(path);
    if (!q.exec())
        return sqlError(QStringLiteral("Removing library folder %1").arg(path), q);
    return transaction.commit();
}

Result<QHash<QString, KnownFile>> TrackStore::knownFiles() {
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, folder_id, path, track_key, size, mtime_ms, available "
                               "FROM tracks WHERE path IS NOT NULL")))
        return sqlError(QStringLiteral("Reading the library"), q);
    QHash<QString, KnownFile> known;
    while (q.next()) {
        KnownFile file;
        file.id = q.value(0).toLongLong();
        file.folder_id = q.value(1).toLongLong();
        file.path = q.value(2).toString();
        file.key = q.value(3).toString();
        file.size = q.value(4).toLongLong();
        file.mtime_ms = q.value(5).toLongLong();
        file.available = q.value(6).toBool();
        known.insert(file.path, file);
    }
    return known;
}

Result<QHash<QString, KnownScanError>> TrackStore::knownScanErrors() {
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT path, size, mtime_ms, reason FROM scan_errors")))
        return sqlError(QStringLiteral("Reading earlier scan errors"), q);
    QHash<QString, KnownScanError> errors;
    while (q.next())
        errors.insert(q.value(0).toString(),
                      {q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toString()});
    return errors;
}

Status TrackStore::writeGenres(TrackId id, const QStringList& genres, bool replace) {
    QSqlQuery q(db_);
    if (replace) {
        q.prepare(QStringLiteral("DELETE FROM track_genres WHERE track_id = ?"));
        q.addBindValue(id);
        if (!q.exec())
            return sqlError(QStringLiteral("Updating genres"), q);
    }
    q.prepare(
        QStringLiteral("INSERT OR IGNORE INTO track_genres(track_id, genre_id, position) "
                       "VALUES (?, ?, ?)"));
    for (int i = 0; i < genres.size(); ++i) {
        const Result<qint64> genre = genre_ids_.idOf(genres[i]);
        if (!genre)
            return Error{genre.error()};
        q.addBindValue(id);
        q.addBindValue(genre.value());
        q.addBindValue(i);
        if (!q.exec())
            return sqlError(QStringLiteral("Writing genres"), q);
    }
    return {};
}

Status TrackStore::writeBatch(QList<TrackWrite>& writes, qint64 nowSeconds) {
    ScopedTransaction transaction(db_, wait_cancel_);
    if (!transaction.begun())
        return Error{
            QStringLiteral("Starting a library write failed: %1").arg(transaction.error())};
    QSqlQuery insert(db_);
    insert.prepare(QStringLiteral(
        "INSERT INTO tracks(track_key, folder_id, path, size, mtime_ms, title, artist, album, "
        "album_artist, genres, year, track_no, disc_no, duration_ms, bitrate, sample_rate, "
        "channels, codec, has_cover, match_key, added_at, last_seen_at, available, rg_track_gain, "
        "rg_track_peak, rg_album_gain, rg_album_peak, cue_sheet, audio_path, start_ms, end_ms) "
        "VALUES (:key, :folder, :path, :size, :mtime, :title, :artist, :album, :album_artist, "
        ":genres, :year, :track_no, :disc_no, :duration, :bitrate, :sample_rate, :channels, "
        ":codec, :has_cover, :match_key, :now, :now, 1, :rg_track_gain, :rg_track_peak, "
        ":rg_album_gain, :rg_album_peak, :cue_sheet, :audio_path, :start_ms, :end_ms)"));
    QSqlQuery update(db_);
    update.prepare(QStringLiteral(
        "UPDATE tracks SET track_key = :key, folder_id = :folder, path = :path, size = :size, "
        "mtime_ms = :mtime, title = :title, artist = :artist, album = :album, album_artist = "
        ":album_artist, genres = :genres, year = :year, track_no = :track_no, disc_no = :disc_no, "
        "duration_ms = :duration, bitrate = :bitrate, sample_rate = :sample_rate, channels = "
        ":channels, codec = :codec, has_cover = :has_cover, match_key = :match_key, last_seen_at = "
        ":now, available = 1, rg_track_gain = :rg_track_gain, rg_track_peak = :rg_track_peak, "
        "rg_album_gain = :rg_album_gain, rg_album_peak = :rg_album_peak, cue_sheet = :cue_sheet, "
        "audio_path = :audio_path, start_ms = :start_ms, end_ms = :end_ms WHERE id = :id"));
    QSqlQuery restore(db_);
    restore.prepare(QStringLiteral(
        "UPDATE tracks SET available = 1, last_seen_at = ?, folder_id = ? WHERE id = ?"));

    for (TrackWrite& write : writes) {
        Track& track = write.track;
        const QVariant folder = write.folder_id > 0 ? QVariant(write.folder_id)
                                                    : QVariant(QMetaType(QMetaType::LongLong));
        if (write.kind == TrackWrite::Kind::Restore) {
            restore.addBindValue(nowSeconds);
            restore.addBindValue(folder);
            restore.addBindValue(track.id);
            if (!restore.exec())
                return sqlError(QStringLiteral("Restoring %1").arg(track.path), restore);
            continue;
        }
        QSqlQuery& q = write.kind == TrackWrite::Kind::Insert ? insert : update;
        bindTags(q, track);
        q.bindValue(QStringLiteral(":folder"), folder);
        q.bindValue(QStringLiteral(":now"), nowSeconds);
        if (write.kind != TrackWrite::Kind::Insert)
            q.bindValue(QStringLiteral(":id"), track.id);
        if (!q.exec())
            return sqlError(QStringLiteral("Writing %1").arg(track.path), q);
        if (write.kind == TrackWrite::Kind::Insert) {
            track.id = q.lastInsertId().toLongLong();
            track.added_at = nowSeconds;
        }
        const Status genres =
            writeGenres(track.id, track.tags.genres, write.kind != TrackWrite::Kind::Insert);
        if (!genres)
            return genres;
    }
    return transaction.commit();
}

Status TrackStore::markUnavailable(const QList<TrackId>& ids) {
    if (ids.isEmpty())
        return {};
    ScopedTransaction transaction(db_, wait_cancel_);
    if (!transaction.begun())
        return Error{QStringLiteral("Marking missing tracks failed: %1").arg(transaction.error())};
    QSqlQuery q(db_);
    q.prepare(QStringLiteral("UPDATE tracks SET available = 0 WHERE id = ?"));
    for (TrackId id : ids) {
        q.addBindValue(id);
        if (!q.exec())
            return sqlError(QStringLiteral("Marking vanished files"), q);
    }
    return transaction.commit();
}

Status TrackStore::recordScanErrors(const QList<QPair<QString, KnownScanError>>& errors) {
    if (errors.isEmpty())
        return {};
    ScopedTransaction transaction(db_, wait_cancel_);
    if (!transaction.begun())
        return Error{QStringLiteral("Recording scan problems failed: %1").arg(transaction.error())};
    QSqlQuery q(db_);
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO scan_errors(path, size, mtime_ms, reason) "
                       "VALUES (?, ?, ?, ?)"));
    for (const auto& [path, error] : errors) {
        q.addBindValue(path);
        q.addBindValue(error.size);
        q.addBindValue(error.mtime_ms);
        q.addBindValue(error.reason);
        if (!q.exec())
            return sqlError(QStringLiteral("Recording scan errors"), q);
    }
    return transaction.commit();
}

Status TrackStore::clearScanErrors(const QStringList& paths) {
    if (paths.isEmpty())
        return {};
    ScopedTransaction transaction(db_, wait_cancel_);
    if (!transaction.begun())
        return Error{QStringLiteral("Clearing scan problems failed: %1").arg(transaction.error())};
    QSqlQuery q(db_);
    q.prepare(QStringLiteral("DELETE FROM scan_errors WHERE path = ?"));
    for (const QString& path : paths) {
        q.addBindValue(path);
        if (!q.exec())
            return sqlError(QStringLiteral("Clearing scan errors"), q);
    }
    return transaction.commit();
}

Result<QList<Track>> TrackStore::tracks(const TrackQuery& query) {
    QString sql = QStringLiteral("SELECT %1 FROM tracks WHERE path IS NOT NULL").arg(kTrackColumns);
    if (!query.include_unavailable)
        sql += QStringLiteral(" AND available = 1");
    if (!query.text.isEmpty())
        sql += QStringLiteral(
            " AND (title LIKE :text ESCAPE '\\' OR artist LIKE :text ESCAPE '\\' OR album LIKE "
            ":text ESCAPE '\\' OR album_artist LIKE :text ESCAPE '\\' OR genres LIKE :text ESCAPE "
            "'\\')");
    sql += QStringLiteral(" ORDER BY album_artist, artist, album, disc_no, track_no, title");
    if (query.limit >= 0)
        sql += QStringLiteral(" LIMIT :limit");
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    q.prepare(sql);
    if (!query.text.isEmpty()) {
        QString escaped = query.text;
        escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('%'), QLatin1String("\\%"))
            .replace(QLatin1Char('_'), QLatin1String("\\_"));
        q.bindValue(QStringLiteral(":text"), QStringLiteral("%%1%").arg(escaped));
    }
    if (query.limit >= 0)
        q.bindValue(QStringLiteral(":limit"), query.limit);
    if (!q.exec())
        return sqlError(QStringLiteral("Listing tracks"), q);
    QList<Track> result;
    while (q.next())
        result.append(trackFromQuery(q));
    return result;
}

Result<Track> TrackStore::track(TrackId id) {
    QSqlQuery q(db_);
    q.prepare(QStringLiteral("SELECT %1 FROM tracks WHERE id = ?").arg(kTrackColumns));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(QStringLiteral("Reading track %1").arg(id), q);
    if (!q.next())
        return Error{QStringLiteral("There is no track with id %1.").arg(id)};
    return trackFromQuery(q);
}

Result<int> TrackStore::countTracks(bool includeUnavailable) {
    QSqlQuery q(db_);
    if (!q.exec(includeUnavailable
                    ? QStringLiteral("SELECT count(*) FROM tracks WHERE path IS NOT NULL")
                    : QStringLiteral("SELECT count(*) FROM tracks WHERE available = 1 AND path IS "
                                     "NOT NULL")))
        return sqlError(QStringLiteral("Counting tracks"), q);
    q.next();
    return q.value(0).toInt();
}

}  // namespace encore
