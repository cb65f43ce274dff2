#pragma once

#include "store/database.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace encore::cli {

// Exit codes shared by every command.
enum ExitCode { kExitOk = 0, kExitUsage = 1, kExitRuntime = 2 };

// What a command gets: parsed options (global ones included) and where to write.
struct CommandContext {
    QCommandLineParser& parser;
    QTextStream& out;
    QTextStream& err;
    bool out_is_terminal = false;
    bool err_is_terminal = false;

    // --db PATH or the default database file.
    Database database() const;
    // --profile NAME or empty (the active profile).
    QString profile() const;
};

// One encore-cli command. `define` adds its options and positional arguments; `run` does it.
struct Command {
    const char* name;
    const char* summary;
    void (*define)(QCommandLineParser& parser);
    int (*run)(CommandContext& context);
};

// Every command encore-cli knows, in the order `encore-cli --help` lists them.
const QList<Command>& allCommands();

// Prints a one-line runtime error ("encore-cli: <message>") and returns kExitRuntime.
int fail(CommandContext& context, const QString& message);
// Prints a usage error and the command's help hint, returns kExitUsage.
int usageError(CommandContext& context, const QString& message);

}  // namespace encore::cli
