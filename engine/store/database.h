#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <atomic>

namespace encore {

// Where the database file lives and how each thread opens its own connection to it.
// SQLite connections must not cross threads: every worker opens one on its own thread
// (ScopedConnection below) and closes it before the thread ends.
class Database {
public:
    explicit Database(QString path);

    // <XDG data>/Encore (~/.local/share/Encore): the database and the recommender's model
    // (--data-dir moves both).
    static QString defaultDataDir();
    // encore.sqlite in `dataDir`.
    static QString pathIn(const QString& dataDir);
    // The default file: <XDG data>/Encore/encore.sqlite.
    static QString defaultPath();

    const QString& path() const { return path_; }

    // Opens a connection named `name` for the calling thread with Encore's pragmas
    // (WAL, synchronous=NORMAL, foreign keys, busy timeout).
    Result<QSqlDatabase> open(const QString& name) const;

    // Applies every schema-N.sql newer than the file's schema_version, each in its own
    // transaction. Run once at startup, before any worker opens its connection.
    Status migrate() const;

    // Upgrades up to `version` only; tests use it to build fixtures of older schemas.
    Status migrateTo(int version) const;

    // True when this user cannot write the file, or the folder its -wal/-shm files go in:
    // connections are then read-only, and readOnlyReason() says why and what to do.
    bool isReadOnlyForUs() const;
    QString readOnlyReason() const;

    // The highest migration shipped with this build.
    static int latestSchemaVersion();

private:
    QString path_;
};

// Opens a per-thread connection on construction and removes it on destruction.
class ScopedConnection {
public:
    ScopedConnection(const Database& database, const QString& name);
    ~ScopedConnection();
    ScopedConnection(const ScopedConnection&) = delete;
    ScopedConnection& operator=(const ScopedConnection&) = delete;

    bool ok() const { return ok_; }
    const QString& error() const { return error_; }
    QSqlDatabase db() const;
    const QString& name() const { return name_; }

private:
    QString name_;
    bool ok_ = false;
    QString error_;
};

// BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless commit() succeeded.
// Without `cancel` a busy database is waited on for the busy timeout (5 s); with it, the wait
// lasts until the other writer is done or `cancel` is set: a long import and a scan then take
// turns instead of one failing with "database is locked".
class ScopedTransaction {
public:
    explicit ScopedTransaction(QSqlDatabase db, const std::atomic<bool>* cancel = nullptr);
    ~ScopedTransaction();
    ScopedTransaction(const ScopedTransaction&) = delete;
    ScopedTransaction& operator=(const ScopedTransaction&) = delete;

    bool begun() const { return begun_; }
    // Why begin failed ("cancelled while waiting for ...", or SQLite's message).
    const QString& error() const { return error_; }
    Status commit();

private:
    QString beginError(const QSqlQuery& begin) const;
    QSqlDatabase db_;
    bool begun_ = false;
    bool done_ = false;
    QString error_;
};

}  // namespace encore
