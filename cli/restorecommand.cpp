#include "command.h"

#include "store/databasebackup.h"
#include "store/sessionlock.h"

#include <QDir>

namespace encore::cli {

namespace {

void define(QCommandLineParser& parser) {
    parser.setApplicationDescription(QStringLiteral(
        "Replaces the library database with a backup (`encore-cli backup --list` lists them) "
        "after checking the backup's integrity. The current file is kept beside it as "
        "<name>.before-restore-<time>, never deleted. Quit Encore first."));
    parser.addPositionalArgument(QStringLiteral("BACKUP"), QStringLiteral("The backup file."));
}

int run(CommandContext& c) {
    const QStringList args = c.parser.positionalArguments().mid(1);
    if (args.size() != 1)
        return usageError(c, QStringLiteral("restore takes one BACKUP file."));
    const Database database = c.database();
    // Replacing the file under a running Encore would lose what it writes next, and the
    // window would go on showing a library that is no longer on disk.
    if (SessionLock::heldElsewhere(database.path()))
        return fail(c, QStringLiteral("Encore is running with %1: quit it, then run restore again.")
                           .arg(QDir::toNativeSeparators(database.path())));
    const Result<RestoreReport> report = DatabaseBackup(database).restore(args.first());
    if (!report)
        return fail(c, report.error());
    c.out << "restored " << report->backup << " into " << database.path() << ": " << report->plays
          << " listens, schema " << report->schema_version << "\n";
    if (!report->set_aside.isEmpty())
        c.out << "the replaced database is kept at " << report->set_aside << "\n";
    return kExitOk;
}

}  // namespace

Command restoreCommand() {
    return {"restore", "Replace the library database with a checked backup.", define, run};
}

}  // namespace encore::cli
