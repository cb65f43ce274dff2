#include "command.h"

namespace encore::cli {

// Each command lives in its own <name>command.cpp and is listed here once.
Command scanCommand();
Command tracksCommand();
Command importCommand();
Command playsCommand();
Command exportCommand();
Command forgetCommand();
Command profilesCommand();
Command statsCommand();
Command recommendCommand();
Command similarCommand();
Command evalCommand();
Command incognitoCommand();
Command renderCommand();
Command backupCommand();
Command restoreCommand();

const QList<Command>& allCommands() {
    static const QList<Command> kCommands = {
        scanCommand(),   tracksCommand(),    importCommand(), playsCommand(),     exportCommand(),
        forgetCommand(), profilesCommand(),  statsCommand(),  recommendCommand(), similarCommand(),
        evalCommand(),   incognitoCommand(), renderCommand(), backupCommand(),    restoreCommand(),
    };
    return kCommands;
}

}  // namespace encore::cli
