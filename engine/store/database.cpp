#include "store/database.h"

#include "store/databasebackup.h"
#include "store/sqlerror.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

#include <sqlite3.h>

#include <unistd.h>
#include <cstring>

namespace encore {

namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr int kCancellableWaitSliceMs = 50;  // how soon a cancel ends a wait for the write lock

QString schemaResource(int version) {
    return QStringLiteral(":/schema/schema-%1.sql").arg(version);
}

// Splits a migration file into statements; sqlite3_complete knows where triggers end.
QStringList splitStatements(const QString& sql) {
    QStringList statements;
    QString current;
    const QStringList lines = sql.split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        const QString trimmed = line.trimmed();
        if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith(QLatin1String("--"))))
            continue;
        current += line + QLatin1Char('\n');
        if (sqlite3_complete(current.toUtf8().constData())) {
            statements << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

Result<int> readSchemaVersion(QSqlDatabase& db) {
    QSqlQuery query(db);
    if (!query.exec(
            QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")))
        return sqlError(QStringLiteral("Creating schema_version"), query);
    if (!query.exec(QStringLiteral("SELECT version FROM schema_version")))
        return sqlError(QStringLiteral("Reading schema_version"), query);
    if (query.next())
        return query.value(0).toInt();
    if (!query.exec(QStringLiteral("INSERT INTO schema_version(version) VALUES (0)")))
        return sqlError(QStringLiteral("Initialising schema_version"), query);
    return 0;
}

Status applyMigration(QSqlDatabase& db, int version, const QString& dbPath) {
    QFile file(schemaResource(version));
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("Migration %1 is missing from this build").arg(version)};
    const QStringList statements = splitStatements(QString::fromUtf8(file.readAll()));

    ScopedTransaction transaction(db);
    if (!transaction.begun())
        return sqlError(QStringLiteral("Starting migration %1").arg(version), db.lastError());
    QSqlQuery query(db);
    for (const QString& statement : statements) {
        if (!query.exec(statement)) {
            return Error{QStringLiteral("Upgrading %1 to schema %2 failed at \"%3\": %4. The "
                                        "database was left at schema %5.")
                             .arg(dbPath)
                             .arg(version)
                             .arg(statement.left(80), query.lastError().text())
                             .arg(version - 1)};
        }
    }
    query.prepare(QStringLiteral("UPDATE schema_version SET version = ?"));
    query.addBindValue(version);
    if (!query.exec())
        return sqlError(QStringLiteral("Recording schema %1").arg(version), query);
    return transaction.commit();
}

}  // namespace

Database::Database(QString path) : path_(std::move(path)) {}

QString Database::defaultDataDir() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/Encore");
}

QString Database::pathIn(const QString& dataDir) {
    return dataDir + QStringLiteral("/encore.sqlite");
}

QString Database::defaultPath() {
    return pathIn(defaultDataDir());
}

int Database::latestSchemaVersion() {
    int version = 0;
    while (QFile::exists(schemaResource(version + 1)))
        ++version;
    return version;
}

Result<QSqlDatabase> Database::open(const QString& name) const {
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase existing = QSqlDatabase::database(name, false);
        if (existing.isOpen())
            return existing;
        QSqlDatabase::removeDatabase(name);
    }
    const QFileInfo info(path_);
    if (!QDir().mkpath(info.absolutePath())) {
        return Error{QStringLiteral("Cannot create the folder %1 for the library database; "
                                    "check its permissions or pass --db PATH.")
                         .arg(info.absolutePath())};
    }
    // A file this user cannot write, or a folder where SQLite cannot make the -wal and -shm files
    // it needs: opened read-only, so the library can still be read; each write then says why not.
    const bool readOnly = isReadOnlyForUs();
    // SQLite reads a WAL database only with its -shm file; where none can be made, the file is
    // read as immutable (nothing this user runs can change it anyway).
    const bool immutable = readOnly && !QFileInfo::exists(path_ + QStringLiteral("-shm")) &&
                           ::access(QFile::encodeName(info.absolutePath()).constData(), W_OK) != 0;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(
        immutable ? QUrl::fromLocalFile(info.absoluteFilePath()).toString(QUrl::FullyEncoded) +
                        QStringLiteral("?immutable=1")
                  : path_);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1%2%3")
                             .arg(kBusyTimeoutMs)
                             .arg(readOnly ? QStringLiteral(";QSQLITE_OPEN_READONLY") : QString())
                             .arg(immutable ? QStringLiteral(";QSQLITE_OPEN_URI") : QString()));
    if (!db.open()) {
        const QString text = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return Error{QStringLiteral("Cannot open the library database %1: %2. Check that the "
                                    "file is writable or pass --db PATH.")
                         .arg(path_, text)};
    }
    QSqlQuery pragma(db);
    const char* const kPragmas[] = {
        "PRAGMA journal_mode = WAL",    // readers never block the writer
        "PRAGMA synchronous = NORMAL",  // safe with WAL, much faster than FULL
        "PRAGMA foreign_keys = ON",    "PRAGMA temp_store = MEMORY",
        "PRAGMA cache_size = -32768",  // 32 MB page cache per connection
    };
    for (const char* statement : kPragmas) {
        if (readOnly && std::strstr(statement, "journal_mode"))
            continue;  // a setting stored in the file: the file already has it
        if (!pragma.exec(QString::fromLatin1(statement))) {
            const QString text = pragma.lastError().text();
            // Not left registered and open: the next open of this name would be handed this
            // handle, still on the old file after a restore put a new one in its place.
            pragma = QSqlQuery();
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return Error{QStringLiteral("The library database %1 refused \"%2\": %3. It may be "
                                        "damaged or on a file system without locking.")
                             .arg(path_, QString::fromLatin1(statement), text)};
        }
    }
    return db;
}

bool Database::isReadOnlyForUs() const {
    const QFileInfo info(path_);
    if (!info.exists())
        return false;  // created on open: a folder that refuses it says so then
    const QByteArray file = QFile::encodeName(info.absoluteFilePath());
    const QByteArray folder = QFile::encodeName(info.absolutePath());
    const bool sidecarsThere = QFileInfo::exists(path_ + QStringLiteral("-wal")) &&
                               QFileInfo::exists(path_ + QStringLiteral("-shm"));
    return ::access(file.constData(), W_OK) != 0 ||
           (!sidecarsThere && ::access(folder.constData(), W_OK) != 0);
}

QString Database::readOnlyReason() const {
    const QFileInfo info(path_);
    const bool fileLocked =
        ::access(QFile::encodeName(info.absoluteFilePath()).constData(), W_OK) != 0;
    return fileLocked ? QStringLiteral(
                            "The library database %1 is read-only for you, so Encore can show "
                            "the library but not change it (scan, import, log listens). Make "
                            "it writable (chmod u+w \"%1\"), or pass --db PATH.")
                            .arg(info.absoluteFilePath())
                      : QStringLiteral(
                            "The folder %1 of the library database is read-only for you, and "
                            "SQLite keeps its journal files beside the database, so Encore "
                            "can show the library but not change it (scan, import, log "
                            "listens). Make the folder writable, or pass --db PATH.")
                            .arg(info.absolutePath());
}

Status Database::migrate() const {
    return migrateTo(latestSchemaVersion());
}

Status Database::migrateTo(int version) const {
    const QString name =
        QStringLiteral("encore-migrate-%1").arg(quintptr(QThread::currentThreadId()));
    ScopedConnection connection(*this, name);
    if (!connection.ok())
        return Error{connection.error()};
    QSqlDatabase db = connection.db();
    const Result<int> current = readSchemaVersion(db);
    if (!current)
        return Error{current.error()};
    if (current.value() > latestSchemaVersion()) {
        return Error{QStringLiteral("%1 was written by a newer Encore (schema %2; this build knows "
                                    "up to %3). Run the newer Encore or pass another --db PATH.")
                         .arg(path_)
                         .arg(current.value())
                         .arg(latestSchemaVersion())};
    }
    if (current.value() > 0 && current.value() < version) {
        // a failed upgrade must never be the only copy: back up what this build would change
        const Result<BackupReport> backup = DatabaseBackup(*this).backUpFrom(db);
        if (!backup) {
            return Error{QStringLiteral("Not upgrading %1 to schema %2 without a backup: %3")
                             .arg(path_)
                             .arg(version)
                             .arg(backup.error())};
        }
    }
    for (int next = current.value() + 1; next <= version; ++next) {
        const Status applied = applyMigration(db, next, path_);
        if (!applied)
            return applied;
    }
    return {};
}

ScopedConnection::ScopedConnection(const Database& database, const QString& name) : name_(name) {
    const Result<QSqlDatabase> db = database.open(name);
    ok_ = db.ok();
    if (!ok_)
        error_ = db.error();
}

ScopedConnection::~ScopedConnection() {
    if (!ok_)
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name_, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name_);
}

QSqlDatabase ScopedConnection::db() const {
    return QSqlDatabase::database(name_, false);
}

QString ScopedTransaction::beginError(const QSqlQuery& begin) const {
    if (begin.lastError().nativeErrorCode() == QString::number(SQLITE_READONLY))
        return Database(db_.databaseName()).readOnlyReason();
    return begin.lastError().text();
}

ScopedTransaction::ScopedTransaction(QSqlDatabase db, const std::atomic<bool>* cancel)
    : db_(std::move(db)) {
    // IMMEDIATE takes the write lock now, so a busy database waits on the busy timeout
    // instead of failing later when a read transaction would have to upgrade.
    QSqlQuery begin(db_);
    if (!cancel) {
        begun_ = begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (!begun_)
            error_ = beginError(begin);
        return;
    }
    // Short busy slices so that a cancel is seen; the connection's own timeout comes back after.
    QSqlQuery pragma(db_);
    pragma.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(kCancellableWaitSliceMs));
    for (;;) {
        begun_ = begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (begun_)
            break;
        const QString code = begin.lastError().nativeErrorCode();
        const bool busy =
            code == QString::number(SQLITE_BUSY) || code == QString::number(SQLITE_LOCKED);
        if (!busy) {
            error_ = beginError(begin);
            break;
        }
        if (cancel->load()) {
            error_ = QStringLiteral("cancelled while waiting for another write to the database");
            break;
        }
    }
    pragma.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs));
}

ScopedTransaction::~ScopedTransaction() {
    if (begun_ && !done_) {
        QSqlQuery rollback(db_);
        rollback.exec(QStringLiteral("ROLLBACK"));
    }
}

Status ScopedTransaction::commit() {
    if (!begun_)
        return Error{QStringLiteral("No transaction to commit")};
    QSqlQuery commit(db_);
    if (!commit.exec(QStringLiteral("COMMIT"))) {
        const QSqlError error = commit.lastError();
        // the destructor rolls back
        return sqlError(QStringLiteral("Saving the changes to %1").arg(db_.databaseName()), error);
    }
    done_ = true;
    return {};
}

}  // namespace encore
