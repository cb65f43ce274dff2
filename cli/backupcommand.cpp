#include "command.h"

#include "store/databasebackup.h"

#include <QFileInfo>

namespace encore::cli {

namespace {

void define(QCommandLineParser& parser) {
    parser.setApplicationDescription(QStringLiteral(
        "Backs up the library database with SQLite's online backup (safe while Encore runs) "
        "into backups/ beside it, checks the copy's integrity and keeps the newest 5. Encore "
        "also backs up daily and before every schema upgrade. --list shows the backups."));
    parser.addOption({QStringLiteral("list"), QStringLiteral("List the backups, newest first.")});
}

int run(CommandContext& c) {
    if (c.parser.positionalArguments().size() > 1)
        return usageError(c, QStringLiteral("backup takes no arguments."));
    const DatabaseBackup backups(c.database());
    if (c.parser.isSet(QStringLiteral("list"))) {
        const QList<BackupFile> files = backups.list();
        if (files.isEmpty())
            c.out << "no backups in " << backups.folder() << "\n";
        for (const BackupFile& file : files) {
            c.out << file.path << "  " << file.bytes << " bytes  schema " << file.schema_version
                  << "  " << file.taken_at.toString(Qt::ISODate) << "\n";
        }
        return kExitOk;
    }
    const Result<BackupReport> report = backups.backUp();
    if (!report)
        return fail(c, report.error());
    c.out << "backed up to " << report->file.path << " (" << report->file.bytes << " bytes, "
          << QString::number(report->seconds, 'f', 2) << " s)\n";
    for (const QString& pruned : report->pruned)
        c.out << "deleted the older backup " << QFileInfo(pruned).fileName() << "\n";
    return kExitOk;
}

}  // namespace

Command backupCommand() {
    return {"backup", "Back up the library database now (or --list the backups).", define, run};
}

}  // namespace encore::cli
