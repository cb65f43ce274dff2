#include "store/databasebackup.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QThread>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>

namespace encore {

namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr int kBusyRetries = 20;  // a backup step meets a busy source at most this many times
constexpr int kProblemLines = 5;
constexpr qint64 kStalePartialSeconds = 60 * 60;  // integrity_check lines kept for the message
const char* const kStampFormat = "yyyyMMdd'T'HHmmsszzz";

// A raw connection closed on scope exit; the backup API works on sqlite3 handles.
class RawConnection {
public:
    RawConnection(const QString& path, int flags) {
        if (sqlite3_open_v2(QFile::encodeName(path).constData(), &handle_, flags, nullptr) !=
            SQLITE_OK) {
            error_ = handle_ ? QString::fromUtf8(sqlite3_errmsg(handle_))
                             : QStringLiteral("out of memory");
            sqlite3_close(handle_);
            handle_ = nullptr;
            return;
        }
        sqlite3_busy_timeout(handle_, kBusyTimeoutMs);
    }
    ~RawConnection() { sqlite3_close(handle_); }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    sqlite3* handle() const { return handle_; }
    const QString& error() const { return error_; }

private:
    sqlite3* handle_ = nullptr;
    QString error_;
};

QString lastError(sqlite3* handle) {
    return QString::fromUtf8(sqlite3_errmsg(handle));
}

// One integer from a one-row query; nullopt when SQLite cannot answer (damage, no table).
std::optional<qint64> queryInt(sqlite3* handle, const char* sql, qint64 bound = 0,
                               bool bind = false) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(handle, sql, -1, &statement, nullptr) != SQLITE_OK)
        return std::nullopt;
    if (bind)
        sqlite3_bind_int64(statement, 1, bound);
    std::optional<qint64> value;
    if (sqlite3_step(statement) == SQLITE_ROW)
        value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    return value;
}

IntegrityReport runCheck(sqlite3* handle, bool quick) {
    IntegrityReport report;
    report.quick = quick;
    sqlite3_stmt* statement = nullptr;
    const char* sql = quick ? "PRAGMA quick_check" : "PRAGMA integrity_check";
    if (sqlite3_prepare_v2(handle, sql, -1, &statement, nullptr) != SQLITE_OK) {
        report.problems << lastError(handle);
        return report;
    }
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
        const QString line = QString::fromUtf8(text ? text : "");
        if (line != QLatin1String("ok") && report.problems.size() < kProblemLines)
            report.problems << line;
    }
    if (rc != SQLITE_DONE)
        report.problems << lastError(handle);  // SQLITE_CORRUPT / NOTADB stop the check itself
    sqlite3_finalize(statement);
    report.ok = report.problems.isEmpty();
    return report;
}

// Copies `source` page by page into a new file at `destination` with the online backup API,
// makes it a one-file database (journal_mode DELETE) and checks it. Removes it on failure.
Status onlineCopy(sqlite3* source, const QString& destination) {
    QFile::remove(destination);
    auto failed = [&destination](const QString& message) {
        QFile::remove(destination);
        QFile::remove(destination + QStringLiteral("-journal"));
        return Status(Error{message});
    };
    {
        RawConnection target(destination, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        if (!target.handle()) {
            return failed(
                QStringLiteral("Cannot write the backup %1: %2. Check that %3 is "
                               "writable and has free space.")
                    .arg(destination, target.error(), QFileInfo(destination).absolutePath()));
        }
        sqlite3_backup* backup = sqlite3_backup_init(target.handle(), "main", source, "main");
        if (!backup) {
            return failed(QStringLiteral("Cannot start the backup into %1: %2")
                              .arg(destination, lastError(target.handle())));
        }
        int rc = SQLITE_OK;
        for (int tries = 0; tries < kBusyRetries; ++tries) {
            rc = sqlite3_backup_step(backup, -1);  // every page in one step: one read snapshot
            if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
                break;
            QThread::msleep(100);
        }
        sqlite3_backup_finish(backup);
        if (rc != SQLITE_DONE) {
            return failed(QStringLiteral("Backing up into %1 failed: %2. Check that %3 has free "
                                         "space; the database itself is unchanged.")
                              .arg(destination, QString::fromUtf8(sqlite3_errstr(rc)),
                                   QFileInfo(destination).absolutePath()));
        }
        char* message = nullptr;
        if (sqlite3_exec(target.handle(), "PRAGMA journal_mode = DELETE", nullptr, nullptr,
                         &message) != SQLITE_OK) {
            const QString text = QString::fromUtf8(message);
            sqlite3_free(message);
            return failed(
                QStringLiteral("Finishing the backup %1 failed: %2").arg(destination, text));
        }
        const IntegrityReport checked = runCheck(target.handle(), false);
        if (!checked.ok) {
            return failed(QStringLiteral("The backup %1 failed its integrity check (%2); the "
                                         "database may be damaged: run `encore-cli restore`.")
                              .arg(destination, checked.problems.join(QStringLiteral("; "))));
        }
    }
    QFile::remove(destination + QStringLiteral("-wal"));
    QFile::remove(destination + QStringLiteral("-shm"));
    return {};
}

QString utcStamp(const QDateTime& when) {
    return when.toUTC().toString(QString::fromLatin1(kStampFormat));
}

sqlite3* handleOf(const QSqlDatabase& db) {
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

}  // namespace

DatabaseBackup::DatabaseBackup(Database database, int keep)
    : database_(std::move(database)), keep_(std::max(1, keep)) {}

QString DatabaseBackup::folder() const {
    return QFileInfo(database_.path()).absoluteDir().filePath(QStringLiteral("backups"));
}

Result<BackupReport> DatabaseBackup::backUp() const {
    if (!QFileInfo::exists(database_.path())) {
        return Error{QStringLiteral("There is no database at %1 to back up; pass --db PATH.")
                         .arg(database_.path())};
    }
    RawConnection source(database_.path(), SQLITE_OPEN_READWRITE);
    if (!source.handle()) {
        return Error{QStringLiteral("Cannot open %1 to back it up: %2")
                         .arg(database_.path(), source.error())};
    }
    return copyFrom(source.handle());
}

Result<BackupReport> DatabaseBackup::backUpFrom(const QSqlDatabase& source) const {
    sqlite3* handle = handleOf(source);
    if (!handle)
        return Error{
            QStringLiteral("Cannot back up %1: no open SQLite connection").arg(database_.path())};
    return copyFrom(handle);
}

Result<BackupReport> DatabaseBackup::copyFrom(void* sourceHandle) const {
    auto* source = static_cast<sqlite3*>(sourceHandle);
    QElapsedTimer timer;
    timer.start();
    const QString dir = folder();
    if (!QDir().mkpath(dir)) {
        return Error{QStringLiteral("Cannot create the backup folder %1; check the permissions "
                                    "of %2.")
                         .arg(dir, QFileInfo(dir).absolutePath())};
    }
    const int schema = int(queryInt(source, "SELECT version FROM schema_version").value_or(0));
    const QString base = QFileInfo(database_.path()).completeBaseName();
    QDateTime when = QDateTime::currentDateTimeUtc();
    QString name;
    for (;;) {  // two backups in one millisecond get distinct names
        name = QStringLiteral("%1-%2Z-schema%3.sqlite").arg(base, utcStamp(when)).arg(schema);
        if (!QFileInfo::exists(QDir(dir).filePath(name)))
            break;
        when = when.addMSecs(1);
    }
    const QString finalPath = QDir(dir).filePath(name);
    const QString partial =
        QDir(dir).filePath(QStringLiteral(".") + name + QStringLiteral(".partial"));
    if (const Status copied = onlineCopy(source, partial); !copied)
        return Error{copied.error()};
    if (!QFile::rename(partial, finalPath)) {
        QFile::remove(partial);
        return Error{
            QStringLiteral("Cannot rename the backup into %1; check the permissions of %2.")
                .arg(finalPath, dir)};
    }
    BackupReport report;
    report.file.path = finalPath;
    report.file.taken_at = when;
    report.file.schema_version = schema;
    report.file.bytes = QFileInfo(finalPath).size();
    report.pruned = prune();
    report.seconds = double(timer.nsecsElapsed()) / 1e9;
    return report;
}

QList<BackupFile> DatabaseBackup::list() const {
    const QString base = QFileInfo(database_.path()).completeBaseName();
    const QRegularExpression pattern(QStringLiteral("^%1-(\\d{8}T\\d{9})Z-schema(\\d+)\\.sqlite$")
                                         .arg(QRegularExpression::escape(base)));
    QList<BackupFile> files;
    const QFileInfoList entries = QDir(folder()).entryInfoList(QDir::Files, QDir::Name);
    for (const QFileInfo& entry : entries) {
        const QRegularExpressionMatch match = pattern.match(entry.fileName());
        if (!match.hasMatch())
            continue;
        BackupFile file;
        file.path = entry.absoluteFilePath();
        file.taken_at = QDateTime::fromString(match.captured(1), QString::fromLatin1(kStampFormat));
        file.taken_at.setTimeSpec(Qt::UTC);
        file.schema_version = match.captured(2).toInt();
        file.bytes = entry.size();
        files << file;
    }
    std::sort(files.begin(), files.end(),
              [](const BackupFile& a, const BackupFile& b) { return a.taken_at > b.taken_at; });
    return files;
}

std::optional<BackupFile> DatabaseBackup::newest() const {
    const QList<BackupFile> files = list();
    if (files.isEmpty())
        return std::nullopt;
    return files.first();
}

bool DatabaseBackup::dailyDue(const QDateTime& nowUtc) const {
    const std::optional<BackupFile> last = newest();
    return !last || last->taken_at.secsTo(nowUtc) >= kDailySeconds;
}

QStringList DatabaseBackup::prune() const {
    QStringList removed;
    const QList<BackupFile> files = list();
    for (int i = keep_; i < files.size(); ++i) {
        if (QFile::remove(files[i].path))
            removed << files[i].path;
    }
    // a backup cut short (a crash, a full disk) leaves its temporary; an hour old, none is live
    const QDateTime stale = QDateTime::currentDateTimeUtc().addSecs(-kStalePartialSeconds);
    const QString base = QFileInfo(database_.path()).completeBaseName();
    const QFileInfoList partials = QDir(folder()).entryInfoList(
        {QStringLiteral(".%1-*.partial").arg(base)}, QDir::Files | QDir::Hidden);
    for (const QFileInfo& partial : partials) {
        if (partial.lastModified().toUTC() < stale && QFile::remove(partial.absoluteFilePath()))
            removed << partial.absoluteFilePath();
    }
    return removed;
}

IntegrityReport DatabaseBackup::check(const QString& path, bool forceFull) {
    IntegrityReport report;
    if (!QFileInfo::exists(path)) {
        report.problems << QStringLiteral("%1 does not exist").arg(path);
        return report;
    }
    const bool quick = !forceFull && QFileInfo(path).size() > kQuickCheckBytes;
    RawConnection connection(path, SQLITE_OPEN_READWRITE);
    if (!connection.handle()) {
        report.quick = quick;
        report.problems << connection.error();
        return report;
    }
    return runCheck(connection.handle(), quick);
}

Result<RestoreReport> DatabaseBackup::restore(const QString& backupPath) const {
    if (!QFileInfo::exists(backupPath)) {
        return Error{QStringLiteral("There is no backup at %1; the backups of %2 are in %3.")
                         .arg(backupPath, database_.path(), folder())};
    }
    const IntegrityReport checked = check(backupPath, true);
    if (!checked.ok) {
        return Error{QStringLiteral("The backup %1 is damaged (%2); pick an older one in %3. "
                                    "Nothing was changed.")
                         .arg(backupPath, checked.problems.join(QStringLiteral("; ")), folder())};
    }
    RestoreReport report;
    report.backup = QFileInfo(backupPath).absoluteFilePath();
    const QString target = database_.path();
    const QString incoming = target + QStringLiteral(".restoring");
    {
        RawConnection source(backupPath, SQLITE_OPEN_READONLY);
        if (!source.handle())
            return Error{
                QStringLiteral("Cannot open the backup %1: %2").arg(backupPath, source.error())};
        report.plays = queryInt(source.handle(), "SELECT count(*) FROM plays").value_or(0);
        report.schema_version =
            int(queryInt(source.handle(), "SELECT version FROM schema_version").value_or(0));
        if (const Status copied = onlineCopy(source.handle(), incoming); !copied)
            return Error{copied.error()};
    }
    if (QFileInfo::exists(target)) {
        report.set_aside = target + QStringLiteral(".before-restore-") +
                           utcStamp(QDateTime::currentDateTimeUtc()) + QLatin1Char('Z');
        if (!QFile::rename(target, report.set_aside)) {
            QFile::remove(incoming);
            return Error{QStringLiteral("Cannot move %1 aside to %2; check the folder's "
                                        "permissions. Nothing was changed.")
                             .arg(target, report.set_aside)};
        }
        // the WAL belongs to the file set aside: it keeps its unmerged writes
        QFile::rename(target + QStringLiteral("-wal"), report.set_aside + QStringLiteral("-wal"));
        QFile::remove(target + QStringLiteral("-shm"));
    }
    if (!QFile::rename(incoming, target)) {
        if (!report.set_aside.isEmpty())
            QFile::rename(report.set_aside, target);
        return Error{QStringLiteral("Cannot put the backup in place at %1; check the folder's "
                                    "permissions. The database was left as it was.")
                         .arg(target)};
    }
    return report;
}

std::optional<qint64> countPlays(const QString& path, qint64 afterId) {
    RawConnection connection(path, SQLITE_OPEN_READWRITE);
    if (!connection.handle())
        return std::nullopt;
    return queryInt(connection.handle(), "SELECT count(*) FROM plays WHERE id > ?", afterId, true);
}

std::optional<qint64> maxPlayId(const QString& path) {
    RawConnection connection(path, SQLITE_OPEN_READWRITE);
    if (!connection.handle())
        return std::nullopt;
    return queryInt(connection.handle(), "SELECT coalesce(max(id), 0) FROM plays");
}

}  // namespace encore
