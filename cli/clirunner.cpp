#include "clirunner.h"

#include "command.h"
#include "store/locationoptions.h"

#include <QCommandLineOption>
#include <QCoreApplication>

namespace encore::cli {

namespace {

void printOverview(QTextStream& out) {
    out << "Usage: encore-cli COMMAND [options]\n\n"
           "Encore's library, listening log and recommender from the terminal.\n\n"
           "Commands:\n";
    for (const Command& command : allCommands())
        out << QStringLiteral("  %1%2\n")
                   .arg(QString::fromLatin1(command.name), -10)
                   .arg(QString::fromUtf8(command.summary));
    out << "\nGlobal options: --data-dir DIR, --db PATH, --profile NAME, --help.\n"
           "Run `encore-cli COMMAND --help` for a command's options.\n"
           "`encore-cli --version` prints the version.\n"
           "Exit codes: 0 ok, 1 usage error, 2 runtime error.\n";
}

const Command* findCommand(const QString& name) {
    for (const Command& command : allCommands()) {
        if (name == QLatin1String(command.name))
            return &command;
    }
    return nullptr;
}

}  // namespace

Database CommandContext::database() const {
    return LocationOptions::database(parser);
}

QString CommandContext::profile() const {
    return LocationOptions::profile(parser);
}

int fail(CommandContext& context, const QString& message) {
    context.err << "encore-cli: " << message << "\n";
    // A write refused by a read-only file: say which file, and the way out.
    const Database database = context.database();
    if (database.isReadOnlyForUs() && !message.contains(database.readOnlyReason()))
        context.err << "encore-cli: " << database.readOnlyReason() << "\n";
    context.err.flush();
    return kExitRuntime;
}

int usageError(CommandContext& context, const QString& message) {
    const QString command = context.parser.positionalArguments().value(0);
    context.err << "encore-cli: " << message << "\n"
                << "Run `encore-cli " << command << " --help` for usage.\n";
    context.err.flush();
    return kExitUsage;
}

int runCli(const QStringList& arguments, QTextStream& out, QTextStream& err, bool outIsTerminal,
           bool errIsTerminal) {
    const QString first = arguments.value(1);
    if (first.isEmpty() || first == QLatin1String("--help") || first == QLatin1String("-h") ||
        first == QLatin1String("help")) {
        printOverview(first.isEmpty() ? err : out);
        return first.isEmpty() ? kExitUsage : kExitOk;
    }
    if (first == QLatin1String("--version")) {
        out << "encore-cli " << QCoreApplication::applicationVersion() << "\n";
        return kExitOk;
    }
    const Command* command = findCommand(first);
    if (!command) {
        err << "encore-cli: unknown command \"" << first << "\".\n";
        printOverview(err);
        return kExitUsage;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(command->summary));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                        QStringLiteral("Show this help."));
    parser.addOption(helpOption);
    LocationOptions::define(parser);
    parser.addPositionalArgument(QString::fromLatin1(command->name), QString(), QString());
    command->define(parser);

    QStringList withoutProgram = arguments;
    withoutProgram[0] = QStringLiteral("encore-cli");
    CommandContext context{parser, out, err, outIsTerminal, errIsTerminal};
    if (!parser.parse(withoutProgram))
        return usageError(context, parser.errorText());
    if (parser.isSet(helpOption)) {
        // Qt's usage line names the program as it was started (maybe a path) and the command
        // as a positional argument: "Usage: build/app/encore-cli [options] scan [DIR...]".
        QString help = parser.helpText();
        const QString name = QString::fromLatin1(command->name);
        const QString qtUsage = QStringLiteral(" [options] ") + name;
        const int end = help.indexOf(qtUsage);
        if (end >= 0)
            help.replace(0, end + qtUsage.size(),
                         QStringLiteral("Usage: encore-cli %1 [options]").arg(name));
        out << help;
        return kExitOk;
    }
    const int code = command->run(context);
    out.flush();
    err.flush();
    return code;
}

}  // namespace encore::cli
