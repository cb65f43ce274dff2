#include "command.h"

#include "store/profilestore.h"

namespace encore::cli {

namespace {

void define(QCommandLineParser& parser) {
    parser.setApplicationDescription(QStringLiteral(
        "Listener profiles sharing the library. `list` (the default) shows each with its "
        "listens, * marks the active one; `add NAME` creates one; `use NAME` makes it active; "
        "`remove NAME` deletes it with all its listens (not the active one)."));
    parser.addPositionalArgument(QStringLiteral("ACTION"),
                                 QStringLiteral("list, add, use or remove."),
                                 QStringLiteral("[list|add|use|remove]"));
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The profile."),
                                 QStringLiteral("[NAME]"));
}

int run(CommandContext& c) {
    const QStringList args = c.parser.positionalArguments().mid(1);
    const QString action = args.value(0, QStringLiteral("list"));
    const bool needsName = action == QLatin1String("add") || action == QLatin1String("use") ||
                           action == QLatin1String("remove");
    if (!needsName && action != QLatin1String("list"))
        return usageError(
            c, QStringLiteral("Unknown action \"%1\": use list, add, use or remove.").arg(action));
    if (needsName && args.size() != 2)
        return usageError(c, QStringLiteral("profiles %1 needs one NAME (quote names with "
                                            "spaces).")
                                 .arg(action));
    if (!needsName && args.size() > 1)
        return usageError(c, QStringLiteral("profiles list takes no NAME."));

    const Database database = c.database();
    const Status migrated = database.migrate();
    if (!migrated)
        return fail(c, migrated.error());
    ScopedConnection connection(database, QStringLiteral("encore-cli-profiles"));
    if (!connection.ok())
        return fail(c, connection.error());
    ProfileStore store(connection.db());
    const QString name = args.value(1);
    if (action == QLatin1String("add")) {
        const Result<Profile> added = store.add(name);
        if (!added)
            return fail(c, added.error());
        c.out << "added profile \"" << added->name << "\"\n";
        return kExitOk;
    }
    if (action == QLatin1String("use")) {
        const Status used = store.setActive(name);
        if (!used)
            return fail(c, used.error());
        c.out << "profile \"" << name << "\" is now active\n";
        return kExitOk;
    }
    if (action == QLatin1String("remove")) {
        const Status removed = store.remove(name);
        if (!removed)
            return fail(c, removed.error());
        c.out << "removed profile \"" << name << "\" and its listens\n";
        return kExitOk;
    }
    const Result<QList<Profile>> profiles = store.profiles();
    if (!profiles)
        return fail(c, profiles.error());
    for (const Profile& p : profiles.value())
        c.out << (p.active ? "* " : "  ") << p.name << '\t' << p.listens << " listens\n";
    return kExitOk;
}

}  // namespace

Command profilesCommand() {
    return {"profiles", "List, add, switch or remove listener profiles.", define, run};
}

}  // namespace encore::cli
