#include "reco/snapshotreader.h"

#include <QDateTime>
#include <QHash>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>

namespace encore {

namespace {

constexpr int kCancelCheckRows = 16384;  // rows between looks at the cancel flag

const QString kCancelled = QStringLiteral("cancelled");

// A statement on the connection's own SQLite handle, with typed column access.
class Statement {
public:
    Statement(const QSqlDatabase& db, const char* sql) {
        const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
            handle_ = *static_cast<sqlite3* const*>(handle.constData());
        if (handle_ && sqlite3_prepare_v2(handle_, sql, -1, &stmt_, nullptr) != SQLITE_OK)
            stmt_ = nullptr;
    }
    ~Statement() {
        if (stmt_)
            sqlite3_finalize(stmt_);
    }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool ok() const { return stmt_ != nullptr; }
    QString error() const {
        return handle_ ? QString::fromUtf8(sqlite3_errmsg(handle_))
                       : QStringLiteral("the connection is not an open SQLite database");
    }
    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return sqlite3_step(stmt_); }
    qint64 int64(int column) const { return sqlite3_column_int64(stmt_, column); }
    QString text(int column) const {
        const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
        return bytes ? QString::fromUtf8(bytes, sqlite3_column_bytes(stmt_, column)) : QString();
    }

private:
    sqlite3* handle_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

Error readError(const QString& what, const Statement& statement) {
    return Error{QStringLiteral("Reading %1 for the recommender failed (%2); the next "
                                "retraining tries again.")
                     .arg(what, statement.error())};
}

bool cancelled(const std::atomic<bool>* cancel) {
    return cancel && cancel->load(std::memory_order_relaxed);
}

// A deferred transaction: the first SELECT takes a read snapshot, never a write lock.
class ReadTransaction {
public:
    explicit ReadTransaction(QSqlDatabase db) : db_(std::move(db)) {
        QSqlQuery q(db_);
        begun_ = q.exec(QStringLiteral("BEGIN DEFERRED"));
        error_ = q.lastError().text();
    }
    ~ReadTransaction() {
        if (begun_)
            QSqlQuery(db_).exec(QStringLiteral("COMMIT"));
    }
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;
    bool begun() const { return begun_; }
    const QString& error() const { return error_; }

private:
    QSqlDatabase db_;
    bool begun_ = false;
    QString error_;
};

}  // namespace

SnapshotReader::SnapshotReader(QSqlDatabase db) : db_(std::move(db)) {}

Result<LogSnapshot> SnapshotReader::read(const std::atomic<bool>* cancel) {
    ReadTransaction transaction(db_);
    if (!transaction.begun())
        return Error{QStringLiteral("Could not start reading the listening log for the "
                                    "recommender (%1).")
                         .arg(transaction.error())};
    LogSnapshot s;
    s.taken_at = QDateTime::currentSecsSinceEpoch();
    if (Status step = readProfiles(s); !step)
        return Error{step.error()};
    if (Status step = readTracks(s, cancel); !step)
        return Error{step.error()};
    if (Status step = readListens(s, cancel); !step)
        return Error{step.error()};
    if (Status step = readFeedback(s); !step)
        return Error{step.error()};
    return s;
}

Result<qint64> SnapshotReader::playCount() {
    Statement q(db_, "SELECT coalesce(sum(play_count), 0) FROM track_stats");
    if (!q.ok() || q.step() != SQLITE_ROW)
        return readError(QStringLiteral("the play count"), q);
    return q.int64(0);
}

Status SnapshotReader::readProfiles(LogSnapshot& s) {
    Statement q(db_, "SELECT id, name, is_active FROM profiles ORDER BY id");
    if (!q.ok())
        return readError(QStringLiteral("the profiles"), q);
    int rc = SQLITE_ROW;
    while ((rc = q.step()) == SQLITE_ROW)
        s.profiles.append({q.int64(0), q.text(1), q.int64(2) != 0});
    return rc == SQLITE_DONE ? Status{} : readError(QStringLiteral("the profiles"), q);
}

Status SnapshotReader::readTracks(LogSnapshot& s, const std::atomic<bool>* cancel) {
    Statement q(db_,
                "SELECT id, title, artist, path IS NOT NULL AND available = 1, added_at "
                "FROM tracks WHERE (path IS NOT NULL AND available = 1) "
                "OR id IN (SELECT DISTINCT track_id FROM track_stats) ORDER BY id");
    if (!q.ok())
        return readError(QStringLiteral("the tracks"), q);
    QHash<TrackId, int> position;
    int rc = SQLITE_ROW;
    while ((rc = q.step()) == SQLITE_ROW) {
        SnapshotTrack t;
        t.id = q.int64(0);
        t.title = q.text(1);
        t.artist = q.text(2);
        t.playable = q.int64(3) != 0;
        t.added_at = q.int64(4);
        position.insert(t.id, static_cast<int>(s.tracks.size()));
        s.tracks.append(std::move(t));
        if (s.tracks.size() % kCancelCheckRows == 0 && cancelled(cancel))
            return Error{kCancelled};
    }
    if (rc != SQLITE_DONE)
        return readError(QStringLiteral("the tracks"), q);

    Statement g(db_,
                "SELECT tg.track_id, g.name FROM track_genres tg JOIN genres g "
                "ON g.id = tg.genre_id ORDER BY tg.track_id, tg.position");
    if (!g.ok())
        return readError(QStringLiteral("the genres"), g);
    while ((rc = g.step()) == SQLITE_ROW) {
        const auto it = position.constFind(g.int64(0));
        if (it != position.constEnd())
            s.tracks[it.value()].genres.append(g.text(1));
    }
    return rc == SQLITE_DONE ? Status{} : readError(QStringLiteral("the genres"), g);
}

Status SnapshotReader::readListens(LogSnapshot& s, const std::atomic<bool>* cancel) {
    Statement count(db_, "SELECT count(*) FROM plays");
    if (!count.ok() || count.step() != SQLITE_ROW)
        return readError(QStringLiteral("the listening log"), count);
    s.listens.reserve(static_cast<size_t>(count.int64(0)));
    Statement q(db_,
                "SELECT id, profile_id, track_id, started_at, utc_offset_minutes, counted, "
                "end_reason = 'skipped', session_id FROM plays");
    if (!q.ok())
        return readError(QStringLiteral("the listening log"), q);
    int rc = SQLITE_ROW;
    while ((rc = q.step()) == SQLITE_ROW) {
        SnapshotListen l;
        l.id = q.int64(0);
        l.profile = q.int64(1);
        l.track = q.int64(2);
        l.started_at = q.int64(3);
        l.utc_offset_minutes = static_cast<qint32>(q.int64(4));
        l.counted = q.int64(5) != 0;
        l.skipped = q.int64(6) != 0;
        l.session_id = q.int64(7);
        s.play_count += l.counted ? 1 : 0;
        s.listens.push_back(l);
        if (s.listens.size() % kCancelCheckRows == 0 && cancelled(cancel))
            return Error{kCancelled};
    }
    if (rc != SQLITE_DONE)
        return readError(QStringLiteral("the listening log"), q);
    std::sort(s.listens.begin(), s.listens.end(),
              [](const SnapshotListen& a, const SnapshotListen& b) {
                  if (a.profile != b.profile)
                      return a.profile < b.profile;
                  if (a.started_at != b.started_at)
                      return a.started_at < b.started_at;
                  return a.id < b.id;
              });
    return {};
}

Status SnapshotReader::readFeedback(LogSnapshot& s) {
    Statement q(db_,
                "SELECT profile_id, track_id, created_at, utc_offset_minutes, "
                "coalesce(context_track_id, 0) FROM feedback WHERE kind = 'not_for_me' "
                "ORDER BY profile_id, created_at");
    if (!q.ok())
        return readError(QStringLiteral("the \"not for me\" feedback"), q);
    int rc = SQLITE_ROW;
    while ((rc = q.step()) == SQLITE_ROW)
        s.feedback.append(
            {q.int64(0), q.int64(1), q.int64(2), static_cast<qint32>(q.int64(3)), q.int64(4)});
    return rc == SQLITE_DONE ? Status{}
                             : readError(QStringLiteral("the \"not for me\" feedback"), q);
}

}  // namespace encore
