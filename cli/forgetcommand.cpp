#include "command.h"
#include "listenscli.h"

#include "store/playlog.h"
#include "store/profilestore.h"

namespace encore::cli {

namespace {

void define(QCommandLineParser& parser) {
    parser.setApplicationDescription(QStringLiteral(
        "Deletes listens of a profile for good: a time range (--from/--to), a track (--track, "
        "combinable with a range), or everything (--all). Statistics follow at once and the "
        "next model retrain never sees them."));
    parser.addOption(
        {QStringLiteral("from"), QStringLiteral("Listens from DATE on."), QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("to"),
                      QStringLiteral("Listens before DATE (a date alone includes that day)."),
                      QStringLiteral("DATE")});
    parser.addOption(
        {QStringLiteral("track"), QStringLiteral("Listens of track ID."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("all"), QStringLiteral("Every listen of the profile.")});
}

int run(CommandContext& c) {
    if (c.parser.positionalArguments().size() > 1)
        return usageError(c, QStringLiteral("forget takes no arguments."));
    ForgetQuery query;
    int code = kExitOk;
    if (!readTimeOption(c, QStringLiteral("from"), false, query.since, code) ||
        !readTimeOption(c, QStringLiteral("to"), true, query.until, code))
        return code;
    if (!readTrackOption(c, query.track_id, code))
        return code;
    query.everything = c.parser.isSet(QStringLiteral("all"));
    const bool filtered = query.since || query.until || query.track_id > 0;
    if (query.everything && filtered)
        return usageError(c, QStringLiteral("--all forgets everything; drop --from/--to/--track."));
    if (!query.everything && !filtered)
        return usageError(c,
                          QStringLiteral("Say what to forget: --from/--to, --track ID or --all."));
    if (query.since && query.until && *query.since >= *query.until)
        return usageError(c, QStringLiteral("--from must be before --to."));

    const Database database = c.database();
    const Status migrated = database.migrate();
    if (!migrated)
        return fail(c, migrated.error());
    ScopedConnection connection(database, QStringLiteral("encore-cli-forget"));
    if (!connection.ok())
        return fail(c, connection.error());
    const Result<Profile> profile = ProfileStore(connection.db()).find(c.profile());
    if (!profile)
        return fail(c, profile.error());
    query.profile_id = profile->id;
    const Result<qint64> forgotten = PlayLog(connection.db()).forget(query);
    if (!forgotten)
        return fail(c, forgotten.error());
    c.out << "forgot " << forgotten.value() << " listens of profile \"" << profile->name << "\"\n";
    return kExitOk;
}

}  // namespace

Command forgetCommand() {
    return {"forget", "Delete listens by time range, track, or all of a profile.", define, run};
}

}  // namespace encore::cli
