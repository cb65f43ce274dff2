#include "command.h"

namespace encore::cli {

// Each command lives in its own <name>command.cpp and is listed here once.
Command scanCommand();
Command tracksCommand();

const QList<Command>& allCommands() {
    static const QList<Command> kCommands = {
        scanCommand(),
        tracksCommand(),
    };
    return kCommands;
}

}  // namespace encore::cli
