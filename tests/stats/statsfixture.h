#pragma once

// A listening log written row by row for the statistics tests: tracks with genres, profiles
// and plays with their UTC offsets, through real SQL on a real migrated database.

#include "testsupport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace encore::test {

struct FixtureTrack {
    QString title;
    QString artist;
    QString album;
    QStringList genres;
    int duration_ms = 200000;
    int year = 0;
    int bitrate = 0;
    qint64 added_at = 1700000000;
    bool library = true;  // false: external (path NULL, not available)
};

struct FixturePlay {
    qint64 profile = 0;
    qint64 track = 0;
    qint64 started_at = 0;
    int offset_minutes = 0;
    QString end_reason = QStringLiteral("finished");
    qint64 ms_played = -1;  // -1: NULL
};

class StatsFixture {
public:
    explicit StatsFixture(QSqlDatabase db) : db_(db) {}

    qint64 profile(const QString& name) {
        QSqlQuery q(db_);
        q.prepare(QStringLiteral(
            "INSERT INTO profiles(name, created_at, is_active) VALUES (?, 1600000000, 0)"));
        q.addBindValue(name);
        exec(q);
        return q.lastInsertId().toLongLong();
    }

    qint64 genre(const QString& name) {
        QSqlQuery q(db_);
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO genres(name) VALUES (?)"));
        q.addBindValue(name);
        exec(q);
        q.prepare(QStringLiteral("SELECT id FROM genres WHERE name = ?"));
        q.addBindValue(name);
        exec(q);
        q.next();
        return q.value(0).toLongLong();
    }

    qint64 track(const FixtureTrack& t) {
        QSqlQuery q(db_);
        q.prepare(QStringLiteral(
            "INSERT INTO tracks(track_key, path, title, artist, album, year, duration_ms, "
            "bitrate, added_at, available) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        const QString key = QStringLiteral("%1/%2/%3").arg(t.artist, t.album, t.title);
        q.addBindValue(t.library ? key : QStringLiteral("external:") + key);
        q.addBindValue(t.library ? QVariant(QStringLiteral("/music/") + key) : QVariant());
        q.addBindValue(text(t.title));
        q.addBindValue(text(t.artist));
        q.addBindValue(text(t.album));
        q.addBindValue(t.year > 0 ? QVariant(t.year) : QVariant());
        q.addBindValue(t.duration_ms);
        q.addBindValue(t.bitrate > 0 ? QVariant(t.bitrate) : QVariant());
        q.addBindValue(t.added_at);
        q.addBindValue(t.library ? 1 : 0);
        exec(q);
        const qint64 id = q.lastInsertId().toLongLong();
        for (int i = 0; i < t.genres.size(); ++i) {
            QSqlQuery g(db_);
            g.prepare(QStringLiteral(
                "INSERT INTO track_genres(track_id, genre_id, position) VALUES (?, ?, ?)"));
            g.addBindValue(id);
            g.addBindValue(genre(t.genres[i]));
            g.addBindValue(i);
            exec(g);
        }
        return id;
    }

    qint64 play(const FixturePlay& p) {
        QSqlQuery q(db_);
        q.prepare(QStringLiteral(
            "INSERT INTO plays(profile_id, track_id, started_at, utc_offset_minutes, ms_played, "
            "end_reason, counted, session_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(p.profile);
        q.addBindValue(p.track);
        q.addBindValue(p.started_at);
        q.addBindValue(p.offset_minutes);
        q.addBindValue(p.ms_played >= 0 ? QVariant(p.ms_played) : QVariant());
        q.addBindValue(p.end_reason);
        q.addBindValue(p.end_reason == QLatin1String("finished") ? 1 : 0);
        q.addBindValue(p.started_at);
        exec(q);
        return q.lastInsertId().toLongLong();
    }

    void exec(const QString& sql) {
        QSqlQuery q(db_);
        if (!q.exec(sql))
            qFatal("fixture SQL failed: %s", qPrintable(q.lastError().text()));
    }

private:
    // A null QString binds as NULL; the text columns are NOT NULL DEFAULT ''.
    static QString text(const QString& s) { return s.isNull() ? QStringLiteral("") : s; }

    static void exec(QSqlQuery& q) {
        if (!q.exec())
            qFatal("fixture SQL failed: %s", qPrintable(q.lastError().text()));
    }

    QSqlDatabase db_;
};

// Unix seconds of a UTC date and time.
inline qint64 utc(int year, int month, int day, int hour, int minute = 0) {
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC).toSecsSinceEpoch();
}

}  // namespace encore::test
