#include "store/playlog.h"

#include "store/database.h"
#include "store/sqlerror.h"
#include "store/sqlitestatement.h"

#include <QSqlQuery>
#include <QVariant>
#include <QVariantList>

namespace encore {

namespace {

// SQL fragments and their bound values; fragments are fixed text, values are always bound.
struct Filter {
    QString sql;
    QVariantList values;

    void add(const QString& clause, const QVariant& value) {
        sql += (sql.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ")) + clause;
        values.append(value);
    }
    void add(const QString& clause) {
        sql += (sql.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ")) + clause;
    }
    void bind(QSqlQuery& q) const {
        for (const QVariant& v : values)
            q.addBindValue(v);
    }
};

Filter filterFor(const PlayQuery& query) {
    Filter f;
    if (query.profile_id > 0)
        f.add(QStringLiteral("p.profile_id = ?"), query.profile_id);
    else  // keeps plays_by_profile_time usable for time ranges over every profile
        f.add(QStringLiteral("p.profile_id IN (SELECT id FROM profiles)"));
    if (query.since)
        f.add(QStringLiteral("p.started_at >= ?"), *query.since);
    if (query.until)
        f.add(QStringLiteral("p.started_at < ?"), *query.until);
    if (query.track_id > 0)
        f.add(QStringLiteral("p.track_id = ?"), query.track_id);
    if (query.counted_only)
        f.add(QStringLiteral("p.counted = 1"));
    return f;
}

Filter filterFor(const ForgetQuery& query) {
    Filter f;
    f.add(QStringLiteral("profile_id = ?"), query.profile_id);
    if (query.since)
        f.add(QStringLiteral("started_at >= ?"), *query.since);
    if (query.until)
        f.add(QStringLiteral("started_at < ?"), *query.until);
    if (query.track_id > 0)
        f.add(QStringLiteral("track_id = ?"), query.track_id);
    return f;
}

}  // namespace

PlayLog::PlayLog(QSqlDatabase db) : db_(std::move(db)) {}

PlayLog::~PlayLog() = default;

Result<ProfileId> PlayLog::activeProfile() {
    QSqlQuery q(db_);
    if (!q.exec(QStringLiteral("SELECT id FROM profiles WHERE is_active = 1")))
        return sqlError(QStringLiteral("Reading the active profile"), q);
    if (!q.next())
        return Error{QStringLiteral("No profile is active; run `encore-cli profiles use NAME`.")};
    return q.value(0).toLongLong();
}

Result<qint64> PlayLog::append(Play play) {
    if (play.profile_id <= 0) {
        const Result<ProfileId> active = activeProfile();
        if (!active)
            return Error{active.error()};
        play.profile_id = active.value();
    }
    ScopedTransaction transaction(db_);
    if (!transaction.begun())
        return sqlError(QStringLiteral("Starting to log a listen"), db_.lastError());
    const Result<bool> inserted = insert(play);
    if (!inserted)
        return Error{inserted.error()};
    if (!inserted.value())
        return qint64(0);
    const qint64 id = insert_->lastInsertRowId();
    const Status sessions = assignSessions(play.profile_id, play.started_at, play.started_at);
    if (!sessions)
        return Error{sessions.error()};
    const Status committed = transaction.commit();
    if (!committed)
        return Error{committed.error()};
    return id;
}

qint64 PlayLog::lastInsertedId() const {
    return insert_ ? insert_->lastInsertRowId() : 0;
}

Result<bool> PlayLog::insert(const Play& play) {
    if (!insert_) {
        // DO NOTHING only on the dedupe key: CHECK and foreign key violations still fail loudly.
        insert_ = std::make_unique<SqliteStatement>(
            db_,
            "INSERT INTO plays(profile_id, track_id, started_at, utc_offset_minutes, ms_played, "
            "duration_ms, end_reason, counted, import_id, shuffle, previous_track_id, session_id, "
            "rating, occurrence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(profile_id, started_at, track_id, occurrence) DO NOTHING");
        if (!insert_->ok()) {
            const Error error{
                QStringLiteral("Preparing to log listens failed: %1").arg(insert_->error())};
            insert_.reset();
            return error;
        }
    }
    static const QString kReasons[] = {
        endReasonName(EndReason::Finished), endReasonName(EndReason::Skipped),
        endReasonName(EndReason::Stopped), endReasonName(EndReason::Error)};
    SqliteStatement& s = *insert_;
    s.reset();
    s.bind(1, play.profile_id);
    s.bind(2, play.track_id);
    s.bind(3, play.started_at);
    s.bind(4, qint64(play.utc_offset_minutes));
    if (play.ms_played >= 0)
        s.bind(5, play.ms_played);
    if (play.duration_ms > 0)
        s.bind(6, qint64(play.duration_ms));
    s.bind(7, kReasons[int(play.end_reason)]);
    s.bind(8, qint64(play.counted ? 1 : 0));
    if (play.import_id > 0)
        s.bind(9, play.import_id);
    if (play.shuffle)
        s.bind(10, qint64(*play.shuffle ? 1 : 0));
    if (play.previous_track_id > 0)
        s.bind(11, play.previous_track_id);
    s.bind(12, play.session_id > 0 ? play.session_id : play.started_at);
    if (play.rating > 0)
        s.bind(13, qint64(play.rating));
    s.bind(14, qint64(qMax(play.occurrence, 0)));
    if (s.step() != SqliteStatement::Step::Done)
        return Error{QStringLiteral("Logging a listen of track %1 failed: %2")
                         .arg(play.track_id)
                         .arg(s.error())};
    return s.changes() > 0;
}

Status PlayLog::assignSessions(ProfileId profile, qint64 fromSeconds, qint64 toSeconds) {
    // Start at the first listen of the session that holds the listen just before the range:
    // its session id is that listen's start time.
    SqliteStatement before(db_,
                           "SELECT session_id FROM plays WHERE profile_id = ? AND started_at < ? "
                           "ORDER BY started_at DESC, track_id DESC LIMIT 1");
    SqliteStatement walk(db_,
                         "SELECT id, track_id, started_at, ms_played, duration_ms, session_id, "
                         "previous_track_id FROM plays WHERE profile_id = ? AND started_at >= ? "
                         "ORDER BY started_at, track_id");
    SqliteStatement update(db_,
                           "UPDATE plays SET session_id = ?, previous_track_id = ? WHERE id = ?");
    if (!before.ok() || !walk.ok() || !update.ok())
        return Error{QStringLiteral("Reading listening sessions failed: %1")
                         .arg(!before.ok() ? before.error()
                              : !walk.ok() ? walk.error()
                                           : update.error())};
    before.bind(1, profile);
    before.bind(2, fromSeconds);
    qint64 walkFrom = fromSeconds;
    const SqliteStatement::Step found = before.step();
    if (found == SqliteStatement::Step::Failed)
        return Error{QStringLiteral("Reading listening sessions failed: %1").arg(before.error())};
    if (found == SqliteStatement::Step::Row)
        walkFrom = qMin(before.int64(0), fromSeconds);

    walk.bind(1, profile);
    walk.bind(2, walkFrom);
    bool first = true;
    qint64 session = 0;
    qint64 sessionEndMs = 0;  // latest end of playback in the current session
    TrackId previousTrack = 0;
    for (;;) {
        const SqliteStatement::Step step = walk.step();
        if (step == SqliteStatement::Step::Failed)
            return Error{QStringLiteral("Reading listening sessions failed: %1").arg(walk.error())};
        if (step == SqliteStatement::Step::Done)
            break;
        const qint64 id = walk.int64(0);
        const TrackId track = walk.int64(1);
        const qint64 started = walk.int64(2);
        const qint64 storedSession = walk.int64(5);
        const TrackId storedPrevious = walk.isNull(6) ? 0 : walk.int64(6);
        const bool startsSession = first || !sameSession(sessionEndMs, started * 1000);
        // Past the range, a session that already starts where it should is untouched by the
        // change, and so is everything after it.
        if (startsSession && started > toSeconds && storedSession == started && storedPrevious == 0)
            break;
        if (startsSession) {
            session = started;
            previousTrack = 0;
            sessionEndMs = 0;
        }
        if (storedSession != session || storedPrevious != previousTrack) {
            update.reset();
            update.bind(1, session);
            if (previousTrack > 0)
                update.bind(2, previousTrack);
            update.bind(3, id);
            if (update.step() != SqliteStatement::Step::Done)
                return Error{
                    QStringLiteral("Writing listening sessions failed: %1").arg(update.error())};
        }
        // Heard time, else the track's length, else nothing: when its playback ended.
        const qint64 heard = !walk.isNull(3)   ? qMax<qint64>(0, walk.int64(3))
                             : !walk.isNull(4) ? qMax<qint64>(0, walk.int64(4))
                                               : 0;
        sessionEndMs = qMax(sessionEndMs, started * 1000 + heard);
        previousTrack = track;
        first = false;
    }
    return {};
}

Status PlayLog::forEach(const PlayQuery& query,
                        const std::function<bool(const PlayRecord&)>& visit) {
    const Filter filter = filterFor(query);
    const QString order = query.newest_first
                              ? QStringLiteral(" ORDER BY p.started_at DESC, p.track_id DESC")
                              : QStringLiteral(" ORDER BY p.started_at, p.track_id");
    QString sql =
        QStringLiteral(
            "SELECT p.id, p.profile_id, p.track_id, p.started_at, p.utc_offset_minutes, "
            "p.ms_played, p.duration_ms, p.end_reason, p.counted, p.import_id, "
            "p.shuffle, p.previous_track_id, p.session_id, p.rating, t.artist, t.title, "
            "t.album, t.path IS NOT NULL, pr.name FROM plays p "
            "JOIN tracks t ON t.id = p.track_id JOIN profiles pr ON pr.id = p.profile_id") +
        filter.sql + order;
    if (query.limit >= 0)
        sql += QStringLiteral(" LIMIT %1").arg(query.limit);  // a number, never user text
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    q.prepare(sql);
    filter.bind(q);
    if (!q.exec())
        return sqlError(QStringLiteral("Reading plays"), q);
    PlayRecord r;
    while (q.next()) {
        Play& p = r.play;
        p.id = q.value(0).toLongLong();
        p.profile_id = q.value(1).toLongLong();
        p.track_id = q.value(2).toLongLong();
        p.started_at = q.value(3).toLongLong();
        p.utc_offset_minutes = q.value(4).toInt();
        p.ms_played = q.value(5).isNull() ? -1 : q.value(5).toLongLong();
        p.duration_ms = q.value(6).toInt();
        p.end_reason = endReasonFromName(q.value(7).toString()).value_or(EndReason::Stopped);
        p.counted = q.value(8).toBool();
        p.import_id = q.value(9).toLongLong();
        p.shuffle = q.value(10).isNull() ? std::nullopt : std::optional<bool>(q.value(10).toBool());
        p.previous_track_id = q.value(11).toLongLong();
        p.session_id = q.value(12).toLongLong();
        p.rating = q.value(13).toInt();
        r.artist = q.value(14).toString();
        r.title = q.value(15).toString();
        r.album = q.value(16).toString();
        r.has_file = q.value(17).toBool();
        r.profile_name = q.value(18).toString();
        if (!visit(r))
            break;
    }
    return {};
}

Result<QList<PlayRecord>> PlayLog::plays(const PlayQuery& query) {
    QList<PlayRecord> result;
    const Status status = forEach(query, [&result](const PlayRecord& r) {
        result.append(r);
        return true;
    });
    if (!status)
        return Error{status.error()};
    return result;
}

Result<qint64> PlayLog::count(const PlayQuery& query) {
    const Filter filter = filterFor(query);
    QSqlQuery q(db_);
    q.prepare(QStringLiteral("SELECT count(*) FROM plays p") + filter.sql);
    filter.bind(q);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("Counting plays"), q);
    return q.value(0).toLongLong();
}

Result<std::optional<TrackStats>> PlayLog::stats(ProfileId profile, TrackId track) {
    QSqlQuery q(db_);
    q.prepare(QStringLiteral(
        "SELECT listen_count, play_count, skip_count, ms_played, first_played_at, last_played_at, "
        "last_listened_at FROM track_stats WHERE profile_id = ? AND track_id = ?"));
    q.addBindValue(profile);
    q.addBindValue(track);
    if (!q.exec())
        return sqlError(QStringLiteral("Reading the statistics of track %1").arg(track), q);
    if (!q.next())
        return std::optional<TrackStats>();
    TrackStats s;
    s.listen_count = q.value(0).toLongLong();
    s.play_count = q.value(1).toLongLong();
    s.skip_count = q.value(2).toLongLong();
    s.ms_played = q.value(3).toLongLong();
    if (!q.value(4).isNull())
        s.first_played_at = q.value(4).toLongLong();
    if (!q.value(5).isNull())
        s.last_played_at = q.value(5).toLongLong();
    s.last_listened_at = q.value(6).toLongLong();
    return std::optional<TrackStats>(s);
}

Result<qint64> PlayLog::forget(const ForgetQuery& query) {
    if (query.profile_id <= 0)
        return Error{QStringLiteral("Forgetting plays needs a profile.")};
    const bool filtered = query.since || query.until || query.track_id > 0;
    if (query.everything == filtered) {
        return Error{QStringLiteral(
            "Say what to forget: a time range, a track, or everything of the profile.")};
    }
    const Filter filter = filterFor(query);
    ScopedTransaction transaction(db_);
    if (!transaction.begun())
        return sqlError(QStringLiteral("Starting to forget plays"), db_.lastError());
    QSqlQuery q(db_);
    q.prepare(QStringLiteral("SELECT count(*), min(started_at), max(started_at) FROM plays") +
              filter.sql);
    filter.bind(q);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("Finding the plays to forget"), q);
    const qint64 count = q.value(0).toLongLong();
    if (count == 0)
        return qint64(0);
    const qint64 first = q.value(1).toLongLong();
    const qint64 last = q.value(2).toLongLong();
    if (query.everything) {
        // Stats first: the delete trigger then has no row to adjust for each play.
        q.prepare(QStringLiteral("DELETE FROM track_stats WHERE profile_id = ?"));
        q.addBindValue(query.profile_id);
        if (!q.exec())
            return sqlError(QStringLiteral("Forgetting statistics"), q);
    }
    q.prepare(QStringLiteral("DELETE FROM plays") + filter.sql);
    filter.bind(q);
    if (!q.exec())
        return sqlError(QStringLiteral("Forgetting plays"), q);
    if (!query.everything) {
        const Status sessions = assignSessions(query.profile_id, first, last);
        if (!sessions)
            return Error{sessions.error()};
    }
    const Status committed = transaction.commit();
    if (!committed)
        return Error{committed.error()};
    return count;
}

}  // namespace encore
