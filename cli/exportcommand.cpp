#include "command.h"
#include "listenscli.h"

#include "listens/import/historyexporter.h"
#include "store/profilestore.h"

#include <QFile>
#include <QSaveFile>

namespace encore::cli {

namespace {

void define(QCommandLineParser& parser) {
    parser.setApplicationDescription(QStringLiteral(
        "Writes a profile's listening log, oldest first, as ListenBrainz JSON lines "
        "(listened_at + track_metadata; ListenBrainz and Encore import it) or as CSV with a "
        "header. Every listen is written, skips included; Encore's own fields travel along."));
    parser.addOption({QStringLiteral("format"), QStringLiteral("listenbrainz or csv."),
                      QStringLiteral("FORMAT")});
    parser.addOption({QStringLiteral("since"), QStringLiteral("Only listens from DATE on."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("until"), QStringLiteral("Only listens before DATE."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("plays-only"),
                      QStringLiteral("Only listens that count as plays (no skips).")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("Write to FILE instead of standard output."),
                      QStringLiteral("FILE")});
}

int run(CommandContext& c) {
    if (c.parser.positionalArguments().size() > 1)
        return usageError(c, QStringLiteral("export takes no arguments."));
    if (!c.parser.isSet(QStringLiteral("format")))
        return usageError(c, QStringLiteral("Say --format listenbrainz or --format csv."));
    const auto format = HistoryExporter::formatFromName(c.parser.value(QStringLiteral("format")));
    if (!format)
        return usageError(c, QStringLiteral("--format is listenbrainz or csv, not \"%1\".")
                                 .arg(c.parser.value(QStringLiteral("format"))));
    ExportOptions options;
    options.format = *format;
    options.counted_only = c.parser.isSet(QStringLiteral("plays-only"));
    int code = kExitOk;
    if (!readTimeOption(c, QStringLiteral("since"), false, options.since, code) ||
        !readTimeOption(c, QStringLiteral("until"), true, options.until, code))
        return code;
    const Database database = c.database();
    const Status migrated = database.migrate();
    if (!migrated)
        return fail(c, migrated.error());
    ScopedConnection connection(database, QStringLiteral("encore-cli-export"));
    if (!connection.ok())
        return fail(c, connection.error());
    const Result<Profile> profile = ProfileStore(connection.db()).find(c.profile());
    if (!profile)
        return fail(c, profile.error());
    options.profile_id = profile->id;

    HistoryExporter exporter(connection.db());
    Result<qint64> written = qint64(0);
    if (c.parser.isSet(QStringLiteral("output"))) {
        // A file appears whole or not at all.
        QSaveFile file(c.parser.value(QStringLiteral("output")));
        if (!file.open(QIODevice::WriteOnly))
            return fail(
                c, QStringLiteral("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
        written = exporter.write(options, file);
        if (written && !file.commit())
            return fail(
                c, QStringLiteral("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
    } else {
        TextStreamDevice out(c.out);
        written = exporter.write(options, out);
    }
    if (!written)
        return fail(c, written.error());
    c.err << "exported " << written.value() << " listens of profile \"" << profile->name << "\"\n";
    return kExitOk;
}

}  // namespace

Command exportCommand() {
    return {"export", "Export the listening log (ListenBrainz JSON lines or CSV).", define, run};
}

}  // namespace encore::cli
