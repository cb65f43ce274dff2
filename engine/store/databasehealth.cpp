#include "store/databasehealth.h"

#include <QFileInfo>
#include <QLocale>

namespace encore {

DatabaseHealth checkDatabaseHealth(const Database& database) {
    DatabaseHealth health;
    const QString path = database.path();
    if (!QFileInfo::exists(path))
        return health;  // a first start: nothing to check
    health.integrity = DatabaseBackup::check(path);
    health.ok = health.integrity.ok;
    if (health.ok)
        return health;

    const DatabaseBackup backups(database);
    for (const BackupFile& file : backups.list()) {
        if (DatabaseBackup::check(file.path, true).ok) {
            health.backup = file;
            break;
        }
    }
    const QString problem = health.integrity.problems.value(0);
    if (!health.backup) {
        health.message = QStringLiteral(
                             "The library database %1 is damaged (%2) and there is no good backup "
                             "in %3. Keep the file; `sqlite3 %1 .recover` may save part of it.")
                             .arg(path, problem, backups.folder());
        return health;
    }
    health.backup_plays = countPlays(health.backup->path).value_or(0);
    // plays.id only grows, so listens after the backup are those with a larger id
    if (const std::optional<qint64> last = maxPlayId(health.backup->path))
        health.plays_lost = countPlays(path, *last);
    const QString when = health.backup->taken_at.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    const QLocale locale = QLocale::system();
    const QString lost =
        health.plays_lost
            ? QStringLiteral("%1 listens logged after it").arg(locale.toString(*health.plays_lost))
            : QStringLiteral("the listens after %1").arg(when);
    health.message = QStringLiteral(
                         "The library database %1 is damaged (%2). The newest good "
                         "backup is %3 (%4, %5 listens); restoring it loses %6. "
                         "Restore it with `encore-cli restore %3`.")
                         .arg(path, problem, health.backup->path, when,
                              locale.toString(health.backup_plays), lost);
    return health;
}

}  // namespace encore
