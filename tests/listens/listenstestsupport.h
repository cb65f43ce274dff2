#pragma once

// Helpers for the listening-log tests: library tracks through the real TrackStore, fixture
// files written by the tests themselves, zip archives through libzip.

#include "core/result.h"
#include "store/database.h"
#include "store/trackstore.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>
#include <QPair>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <zip.h>

namespace encore::test {

inline QString writeFixture(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write fixture %s", qPrintable(path));
    return path;
}

// A zip archive of (member name, content) pairs, deflated.
inline QString writeZip(const QString& path, const QList<QPair<QString, QByteArray>>& members) {
    int error = 0;
    zip_t* archive =
        zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!archive)
        qFatal("cannot create %s", qPrintable(path));
    QList<QByteArray> keep;  // libzip reads the buffers on zip_close
    for (const auto& [name, content] : members) {
        keep.append(content);
        zip_source_t* source =
            zip_source_buffer(archive, keep.last().constData(), zip_uint64_t(content.size()), 0);
        if (!source ||
            zip_file_add(archive, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8) < 0)
            qFatal("cannot add %s to %s", qPrintable(name), qPrintable(path));
    }
    if (zip_close(archive) != 0)
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// Adds library tracks (rows with a path) the way the scanner does; returns their ids.
struct LibrarySong {
    LibrarySong(QString a, QString t, QString al = {}, int duration = 200000)
        : artist(std::move(a)), title(std::move(t)), album(std::move(al)), duration_ms(duration) {}
    QString artist;
    QString title;
    QString album;
    int duration_ms;
};

inline QList<TrackId> addLibrarySongs(QSqlDatabase db, const QList<LibrarySong>& songs) {
    QList<TrackWrite> writes;
    static int n = 0;  // paths are unique across calls
    for (const LibrarySong& song : songs) {
        TrackWrite w;
        w.track.key = QStringLiteral("test:%1:%2").arg(song.artist, song.title);
        w.track.path = QStringLiteral("/music/test/%1-%2.flac").arg(++n).arg(song.title);
        w.track.tags.artist = song.artist;
        w.track.tags.title = song.title;
        w.track.tags.album = song.album;
        w.track.tags.duration_ms = song.duration_ms;
        writes.append(w);
    }
    const Status written = TrackStore(db).writeBatch(writes, 1700000000);
    if (!written)
        qFatal("cannot add library songs: %s", qPrintable(written.error()));
    QList<TrackId> ids;
    for (const TrackWrite& w : writes)
        ids << w.track.id;
    return ids;
}

inline qint64 scalar(QSqlDatabase db, const QString& sql) {
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        qFatal("query failed: %s", qPrintable(sql));
    return q.value(0).toLongLong();
}

// track_stats must equal what the plays say, row for row (the log is the truth).
inline QString statsMismatch(QSqlDatabase db) {
    QSqlQuery q(db);
    const QString derived = QStringLiteral(
        "SELECT profile_id, track_id, count(*) AS listens, sum(counted) AS plays, "
        "sum(end_reason = 'skipped') AS skips, sum(coalesce(ms_played, 0)) AS ms, "
        "min(CASE WHEN counted THEN started_at END) AS first, "
        "max(CASE WHEN counted THEN started_at END) AS last, max(started_at) AS heard "
        "FROM plays GROUP BY profile_id, track_id");
    const QString stored = QStringLiteral(
        "SELECT profile_id, track_id, listen_count, play_count, skip_count, ms_played, "
        "first_played_at, last_played_at, last_listened_at FROM track_stats");
    for (const auto& [a, b] : {QPair<QString, QString>{derived, stored}, {stored, derived}}) {
        if (!q.exec(QStringLiteral("SELECT count(*) FROM (%1 EXCEPT %2)").arg(a, b)) || !q.next())
            return q.lastError().text();
        if (q.value(0).toLongLong() != 0)
            return QStringLiteral("%1 rows differ").arg(q.value(0).toLongLong());
    }
    return {};
}

}  // namespace encore::test
