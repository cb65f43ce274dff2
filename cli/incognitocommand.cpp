#include "command.h"

#include "store/settingsstore.h"

namespace encore::cli {

namespace {

void define(QCommandLineParser& parser) {
    parser.setApplicationDescription(QStringLiteral(
        "Incognito: while it is on, nothing you play is added to the listening history. "
        "The switch is kept in the library database and shared with the app: turning it on "
        "here stops a running Encore from logging within seconds. `status` (the default) "
        "says whether it is on."));
    parser.addPositionalArgument(QStringLiteral("STATE"), QStringLiteral("on, off or status."),
                                 QStringLiteral("[on|off|status]"));
}

int run(CommandContext& c) {
    const QStringList args = c.parser.positionalArguments().mid(1);
    if (args.size() > 1)
        return usageError(c, QStringLiteral("incognito takes one of on, off or status."));
    const QString action = args.value(0, QStringLiteral("status")).toLower();
    if (action != QLatin1String("on") && action != QLatin1String("off") &&
        action != QLatin1String("status"))
        return usageError(
            c, QStringLiteral("Unknown state \"%1\": use on, off or status.").arg(args.value(0)));

    const Database database = c.database();
    const Status migrated = database.migrate();
    if (!migrated)
        return fail(c, migrated.error());
    ScopedConnection connection(database, QStringLiteral("encore-cli-incognito"));
    if (!connection.ok())
        return fail(c, connection.error());
    SettingsStore settings(connection.db());
    if (action != QLatin1String("status")) {
        const Status saved = settings.setIncognito(action == QLatin1String("on"));
        if (!saved)
            return fail(c, saved.error());
    }
    const Result<bool> on = settings.incognito();
    if (!on)
        return fail(c, on.error());
    c.out << (on.value() ? "incognito is on: nothing you play is logged\n"
                         : "incognito is off: every listen is logged\n");
    return kExitOk;
}

}  // namespace

Command incognitoCommand() {
    return {"incognito", "Turn listening-history logging off (on) and back on (off).", define, run};
}

}  // namespace encore::cli
