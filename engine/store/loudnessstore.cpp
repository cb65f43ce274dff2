#include "store/loudnessstore.h"

#include "store/database.h"
#include "store/sqlerror.h"

#include <QSqlQuery>
#include <QVariant>

namespace encore {

namespace {

// The album key as playback forms it (album artist, else artist; then the album), of table %1.
QString albumKey(const char* table) {
    return QStringLiteral(
               "(CASE WHEN %1.album_artist != '' THEN %1.album_artist ELSE "
               "%1.artist END || char(31) || %1.album)")
        .arg(QLatin1String(table));
}

// Files of `track` without a ReplayGain tag and without a measure (in `measure`) of their
// current state. A failure is a measure too: an undecodable file is tried again when it changes.
// CUE sheets' tracks (ranges of a file) are not measured: they keep their sheet's gains.
QString unmeasured(const char* track, const char* measure) {
    return QStringLiteral(
               "%1.path IS NOT NULL AND %1.available = 1 AND %1.rg_track_gain IS NULL AND "
               "%1.audio_path IS NULL "
               "AND (%2.track_id IS NULL OR %2.size != %1.size OR %2.mtime_ms != "
               "%1.mtime_ms)")
        .arg(QLatin1String(track), QLatin1String(measure));
}

// What to measure: those files, and the other untagged files of their albums (an album's gain
// is over all its tracks, so a new or changed track measures its album again).
QString pendingFrom() {
    return QStringLiteral(
               "FROM tracks t LEFT JOIN loudness_analysis a ON a.track_id = t.id WHERE (%1) OR "
               "(t.path IS NOT NULL AND t.available = 1 AND t.rg_track_gain IS NULL AND "
               "t.audio_path "
               "IS NULL AND t.album "
               "!= '' AND %2 IN (SELECT %3 FROM tracks u LEFT JOIN loudness_analysis b ON "
               "b.track_id = u.id WHERE u.album != '' AND %4))")
        .arg(unmeasured("t", "a"), albumKey("t"), albumKey("u"), unmeasured("u", "b"));
}

QVariant real(const std::optional<double>& value) {
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Double));
}

}  // namespace

LoudnessStore::LoudnessStore(QSqlDatabase db, const std::atomic<bool>* waitCancel)
    : db_(std::move(db)), wait_cancel_(waitCancel) {}

Result<QList<LoudnessWork>> LoudnessStore::pending(int limit) {
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    // The album key as playback forms it (album artist, else artist; then album).
    q.prepare(
        QStringLiteral("SELECT t.id, t.path, t.size, t.mtime_ms, t.album, "
                       "CASE WHEN t.album_artist != '' THEN t.album_artist ELSE t.artist END, "
                       "t.duration_ms %1 ORDER BY t.album = '', 6, t.album, t.disc_no, t.track_no, "
                       "t.path")
            .arg(pendingFrom()));
    if (!q.exec())
        return sqlError(QStringLiteral("Reading which songs to measure"), q);
    QList<LoudnessWork> work;
    QString lastAlbum;
    while (q.next()) {
        LoudnessWork w;
        w.track_id = q.value(0).toLongLong();
        w.path = q.value(1).toString();
        w.size = q.value(2).toLongLong();
        w.mtime_ms = q.value(3).toLongLong();
        const QString album = q.value(4).toString();
        if (!album.isEmpty())
            w.album_key = q.value(5).toString() + QChar(0x1f) + album;
        w.duration_ms = q.value(6).toLongLong();
        // Stop at the limit, but finish the album in hand so its album gain is whole.
        const bool newAlbum = w.album_key.isEmpty() || w.album_key != lastAlbum;
        if (work.size() >= limit && newAlbum)
            break;
        lastAlbum = w.album_key;
        work.append(std::move(w));
    }
    return work;
}

Result<LoudnessCounts> LoudnessStore::counts() {
    QSqlQuery q(db_);
    if (!q.exec(QStringLiteral("SELECT count(*) %1").arg(pendingFrom())) || !q.next())
        return sqlError(QStringLiteral("Counting the songs to measure"), q);
    LoudnessCounts counts;
    counts.pending = q.value(0).toInt();
    if (!q.exec(QStringLiteral(
            "SELECT count(*) FROM loudness_analysis a JOIN tracks t ON t.id = a.track_id "
            "WHERE a.size = t.size AND a.mtime_ms = t.mtime_ms")) ||
        !q.next())
        return sqlError(QStringLiteral("Counting the measured songs"), q);
    counts.measured = q.value(0).toInt();
    return counts;
}

Status LoudnessStore::save(const QList<LoudnessResult>& results, qint64 nowSeconds) {
    if (results.isEmpty())
        return {};
    ScopedTransaction transaction(db_, wait_cancel_);
    if (!transaction.begun())
        return Error{
            QStringLiteral("Storing loudness measures failed: %1").arg(transaction.error())};
    QSqlQuery q(db_);
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO loudness_analysis(track_id, size, mtime_ms, integrated_lufs, "
        "track_gain, track_peak, album_gain, album_peak, error, analysed_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const LoudnessResult& r : results) {
        const std::optional<Loudness>& l = r.loudness;
        q.addBindValue(r.work.track_id);
        q.addBindValue(r.work.size);
        q.addBindValue(r.work.mtime_ms);
        q.addBindValue(real(r.integrated_lufs));
        q.addBindValue(real(l ? std::optional<double>(l->track_gain_db) : std::nullopt));
        q.addBindValue(real(l ? l->track_peak : std::nullopt));
        q.addBindValue(real(l ? l->album_gain_db : std::nullopt));
        q.addBindValue(real(l ? l->album_peak : std::nullopt));
        q.addBindValue(r.error.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                         : QVariant(r.error));
        q.addBindValue(nowSeconds);
        if (!q.exec())
            return sqlError(QStringLiteral("Storing the loudness of %1").arg(r.work.path), q);
    }
    return transaction.commit();
}

}  // namespace encore
