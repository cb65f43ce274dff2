#pragma once

// A real library database with listens, and a way to damage its file, for the backup tests.

#include "stats/statsfixture.h"
#include "store/database.h"

#include <QFile>
#include <QList>
#include <QSqlQuery>

namespace encore::test {

// Adds `count` listens (over a few tracks and one profile) in one transaction; their ids.
inline QList<qint64> addPlays(const Database& database, int count, qint64 from = 1700000000) {
    QList<qint64> ids;
    ScopedConnection connection(database, QStringLiteral("fixture-plays"));
    if (!connection.ok())
        qFatal("fixture: %s", qPrintable(connection.error()));
    StatsFixture fixture(connection.db());
    fixture.exec(QStringLiteral("BEGIN"));
    qint64 profile = 0;
    QSqlQuery existing(connection.db());
    existing.exec(QStringLiteral("SELECT id FROM profiles ORDER BY id LIMIT 1"));
    profile =
        existing.next() ? existing.value(0).toLongLong() : fixture.profile(QStringLiteral("me"));
    QList<qint64> tracks;
    for (int t = 0; t < 8; ++t) {
        FixtureTrack track;
        track.title = QStringLiteral("Song %1 from %2").arg(t).arg(from);
        track.artist = QStringLiteral("Artist %1").arg(t % 3);
        track.album = QStringLiteral("Album");
        tracks << fixture.track(track);
    }
    for (int i = 0; i < count; ++i) {
        FixturePlay play;
        play.profile = profile;
        play.track = tracks[i % tracks.size()];
        play.started_at = from + 600LL * i;
        ids << fixture.play(play);
    }
    fixture.exec(QStringLiteral("COMMIT"));
    return ids;
}

// The ids of every listen, in order.
inline QList<qint64> playIds(const Database& database) {
    ScopedConnection connection(database, QStringLiteral("fixture-ids"));
    QList<qint64> ids;
    QSqlQuery query(connection.db());
    query.exec(QStringLiteral("SELECT id FROM plays ORDER BY id"));
    while (query.next())
        ids << query.value(0).toLongLong();
    return ids;
}

// Zeroes every page but the first (the header stays: SQLite opens it, then finds the damage).
// Call with no connection open, so that the WAL was merged into the file.
inline bool zeroPagesAfterTheFirst(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
    const QByteArray header = file.read(100);
    int pageSize = (quint8(header[16]) << 8) | quint8(header[17]);
    if (pageSize == 1)
        pageSize = 65536;
    const qint64 size = file.size();
    if (size <= pageSize)
        return false;
    file.seek(pageSize);
    file.write(QByteArray(int(size - pageSize), '\0'));
    return file.flush();
}

// Zeroes the root page of index `name` only: integrity_check fails, the plays table still reads.
inline bool zeroIndexRoot(const Database& database, const QString& name) {
    qint64 root = 0;
    int pageSize = 0;
    {
        ScopedConnection connection(database, QStringLiteral("fixture-root"));
        QSqlQuery query(connection.db());
        query.prepare(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = ?"));
        query.addBindValue(name);
        if (!query.exec() || !query.next())
            return false;
        root = query.value(0).toLongLong();
        query.exec(QStringLiteral("PRAGMA page_size"));
        query.next();
        pageSize = query.value(0).toInt();
    }
    QFile file(database.path());
    if (root < 2 || !file.open(QIODevice::ReadWrite) || !file.seek((root - 1) * pageSize))
        return false;
    file.write(QByteArray(pageSize, '\0'));
    return file.flush();
}

}  // namespace encore::test
