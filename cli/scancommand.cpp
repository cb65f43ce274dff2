#include "command.h"
#include "terminalprogress.h"

#include "library/scanjob.h"

#include <QDir>
#include <QThread>
#include <QThreadPool>

#include <csignal>

namespace encore::cli {

namespace {

std::atomic<bool> g_cancel{false};

void onInterrupt(int) {
    g_cancel.store(true);  // the scan stops between files and reports what it did
}

void define(QCommandLineParser& parser) {
    parser.setApplicationDescription(QStringLiteral(
        "Scans library folders into the database: new and changed files are read, unchanged "
        "ones are skipped, moved files keep their history, vanished ones are marked "
        "unavailable. Ctrl+C stops the scan cleanly."));
    parser.addPositionalArgument(QStringLiteral("DIR"),
                                 QStringLiteral("Library folders (default: every known one)."),
                                 QStringLiteral("[DIR...]"));
    parser.addOption({QStringLiteral("list-errors"),
                      QStringLiteral("Print every file that could not be read (default: 20).")});
}

void printReport(CommandContext& c, const ScanReport& report, bool listAll) {
    c.out << QStringLiteral(
                 "added %1, updated %2, unchanged %3, moved %4, removed %5, restored %6, "
                 "errors %7\n")
                 .arg(report.added)
                 .arg(report.updated)
                 .arg(report.unchanged)
                 .arg(report.moved)
                 .arg(report.removed)
                 .arg(report.restored)
                 .arg(report.errors);
    if (report.history_linked > 0)
        c.out << QStringLiteral("%1 tracks from imported history found their files\n")
                     .arg(report.history_linked);
    c.out << QStringLiteral("%1 files in %2 s, %3 files/s%4\n")
                 .arg(report.files_seen)
                 .arg(double(report.elapsed_ms) / 1000.0, 0, 'f', 2)
                 .arg(report.filesPerSecond(), 0, 'f', 0)
                 .arg(report.cancelled ? QStringLiteral(" (cancelled)") : QString());
    if (report.damaged_tags > 0)
        c.out << QStringLiteral(
                     "%1 files read with a tag TagLib could not read whole (listed with why)\n")
                     .arg(report.damaged_tags);
    const qsizetype shown =
        listAll ? report.problems.size() : qMin<qsizetype>(20, report.problems.size());
    for (qsizetype i = 0; i < shown; ++i)
        c.out << "  " << report.problems[i].path << ": " << report.problems[i].reason << "\n";
    const int listed = report.errors + report.damaged_tags;
    if (shown < listed)
        c.out
            << QStringLiteral("  ... and %1 more (--list-errors shows all)\n").arg(listed - shown);
}

int run(CommandContext& c) {
    QStringList roots = c.parser.positionalArguments().mid(1);
    for (const QString& root : roots) {
        if (!QFileInfo(root).isDir())
            return usageError(c, QStringLiteral("%1 is not a folder.").arg(root));
    }
    const Database database = c.database();
    const Status migrated = database.migrate();
    if (!migrated)
        return fail(c, migrated.error());
    ScopedConnection connection(database, QStringLiteral("encore-cli-scan"));
    if (!connection.ok())
        return fail(c, connection.error());
    if (roots.isEmpty()) {
        TrackStore store(connection.db());
        const auto folders = store.folders();
        if (!folders)
            return fail(c, folders.error());
        for (const LibraryFolder& folder : folders.value())
            roots.append(folder.path);
        if (roots.isEmpty())
            return usageError(c, QStringLiteral("No library folders yet: name one, e.g. "
                                                "`encore-cli scan ~/Music`."));
    }

    g_cancel.store(false);
    std::signal(SIGINT, onInterrupt);
    QThreadPool pool;
    pool.setMaxThreadCount(qMax(1, QThread::idealThreadCount()));
    TerminalProgress bar(c.err, c.err_is_terminal);
    ScanJob job(connection.db(), g_cancel, &pool);
    job.setProgressCallback([&](const ScanProgress& p) {
        if (p.phase == ScanProgress::Phase::Walking)
            bar.update(p.files_seen, -1, p.current_folder);
        else
            bar.update(p.files_done, p.files_total, p.current_folder);
    });
    const ScanReport report = job.run(roots);
    std::signal(SIGINT, SIG_DFL);
    bar.finish();
    printReport(c, report, c.parser.isSet(QStringLiteral("list-errors")));
    if (!report.fatal_error.isEmpty())
        return fail(c, report.fatal_error);
    return kExitOk;
}

}  // namespace

Command scanCommand() {
    return {"scan", "Scan library folders (incremental).", define, run};
}

}  // namespace encore::cli
