#pragma once

#include <QStringList>
#include <QTextStream>

namespace encore::cli {

// Parses `encore-cli COMMAND [options]` and runs the command. `arguments` includes the program
// name. Returns the exit code (0 ok, 1 usage error, 2 runtime error).
int runCli(const QStringList& arguments, QTextStream& out, QTextStream& err,
           bool outIsTerminal = false, bool errIsTerminal = false);

}  // namespace encore::cli
