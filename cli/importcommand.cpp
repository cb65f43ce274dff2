#include "command.h"
#include "listenscli.h"

#include "listens/import/historyimporter.h"

#include <QElapsedTimer>
#include <QTimeZone>

#include <csignal>

namespace encore::cli {

namespace {

std::atomic<bool> g_cancel{false};

void onInterrupt(int) {
    g_cancel.store(true);  // the file being imported rolls back; earlier files stay
}

void define(QCommandLineParser& parser) {
    parser.setApplicationDescription(QStringLiteral(
        "Imports listening history: Spotify (basic and extended), Last.fm / Libre.fm CSV, "
        ".scrobbler.log, ListenBrainz, Maloja, Pano Scrobbler, and the seed project's "
        "songs.csv + ratings.csv (its ratings go to profiles \"user N\"). Formats are found from "
        "content; folders and .zip archives import every history inside. Each file is one "
        "transaction: a bad file leaves nothing behind. Importing again adds nothing. Listens "
        "go to --profile (created if new) or the active profile."));
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 QStringLiteral("Files, folders or .zip archives."),
                                 QStringLiteral("PATH..."));
    parser.addOption({QStringLiteral("skip-invalid"),
                      QStringLiteral("Leave out records with a missing or bad field (they are "
                                     "listed) instead of refusing the whole file.")});
    parser.addOption({QStringLiteral("time-zone"),
                      QStringLiteral("Where the listening happened, for local times (default: "
                                     "this computer's zone), e.g. Europe/Berlin."),
                      QStringLiteral("ZONE")});
}

QString counts(const FileImportReport& r) {
    QString text = QStringLiteral("matched %1, unmatched %2, duplicates %3")
                       .arg(r.matched)
                       .arg(r.unmatched)
                       .arg(r.duplicates);
    // The listens added (matched + unmatched) are plays and skipped or short listens.
    text += QStringLiteral(", plays %1, skipped or short %2").arg(r.plays).arg(r.skipsAndShort());
    if (r.tracks_added > 0)
        text += QStringLiteral(", new tracks %1").arg(r.tracks_added);
    if (r.profiles_added > 0)
        text += QStringLiteral(", new profiles %1").arg(r.profiles_added);
    if (r.not_music > 0)
        text += QStringLiteral(", not music %1").arg(r.not_music);
    if (r.private_listens > 0)
        text += QStringLiteral(", private %1").arg(r.private_listens);
    if (r.invalid > 0)
        text += QStringLiteral(", invalid skipped %1").arg(r.invalid);
    if (!r.profiles.isEmpty())
        text += QStringLiteral(" -> profile %1").arg(r.profiles.join(QStringLiteral(", ")));
    return text;
}

int run(CommandContext& c) {
    const QStringList paths = c.parser.positionalArguments().mid(1);
    if (paths.isEmpty())
        return usageError(c, QStringLiteral("Name at least one file, folder or .zip to import."));
    ImportOptions options;
    options.profile = c.profile();
    options.skip_invalid = c.parser.isSet(QStringLiteral("skip-invalid"));
    if (c.parser.isSet(QStringLiteral("time-zone"))) {
        const QByteArray zone = c.parser.value(QStringLiteral("time-zone")).toUtf8();
        if (!QTimeZone::isTimeZoneIdAvailable(zone))
            return usageError(c, QStringLiteral("--time-zone \"%1\" is not a time zone this "
                                                "system knows (e.g. Europe/Berlin, UTC).")
                                     .arg(QString::fromUtf8(zone)));
        options.time_zone = QTimeZone(zone);
    }
    const Database database = c.database();
    const Status migrated = database.migrate();
    if (!migrated)
        return fail(c, migrated.error());
    ScopedConnection connection(database, QStringLiteral("encore-cli-import"));
    if (!connection.ok())
        return fail(c, connection.error());

    g_cancel.store(false);
    std::signal(SIGINT, onInterrupt);
    options.cancel = &g_cancel;
    if (c.err_is_terminal) {
        // One line redrawn in place; pipes and logs get only the results.
        options.progress = [&c](const QString& file, qint64 records) {
            c.err << "\r\x1b[K" << records << " records  " << file.right(60);
            c.err.flush();
        };
    }
    QElapsedTimer timer;
    timer.start();
    HistoryImporter importer(connection.db());
    const ImportReport report = importer.importPaths(paths, options);
    std::signal(SIGINT, SIG_DFL);
    if (c.err_is_terminal)
        c.err << "\r\x1b[K";

    QStringList passedOver;
    for (const FileImportReport& file : report.files) {
        if (file.not_history) {
            passedOver << file.path;
            continue;
        }
        if (!file.ok()) {
            c.err << "encore-cli: " << file.error << "\n";
            continue;
        }
        c.out << file.path << " (" << file.format << "): " << counts(file) << "\n";
        for (const QString& warning : file.warnings)
            c.out << "  skipped " << warning << "\n";
        if (file.invalid > file.warnings.size())
            c.out << "  ... and " << (file.invalid - file.warnings.size()) << " more\n";
    }
    if (!passedOver.isEmpty()) {
        c.out << "passed over " << passedOver.size() << " files that hold no listens:\n";
        for (const QString& path : passedOver)
            c.out << "  " << path << "\n";
    }
    const FileImportReport total = report.total();
    c.out << QStringLiteral("total: %1 in %2 s%3\n")
                 .arg(counts(total))
                 .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2)
                 .arg(g_cancel.load() ? QStringLiteral(" (cancelled)") : QString());
    if (report.failedFiles() > 0)
        return fail(c, QStringLiteral("%1 file(s) were not imported (see above); the others were.")
                           .arg(report.failedFiles()));
    return g_cancel.load() ? kExitRuntime : kExitOk;
}

}  // namespace

Command importCommand() {
    return {"import", "Import listening history (Spotify, Last.fm, ListenBrainz, ...).", define,
            run};
}

}  // namespace encore::cli
