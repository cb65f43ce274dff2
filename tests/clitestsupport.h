#pragma once

// Runs encore-cli in-process and keeps what it printed.

#include "clirunner.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace encore::test {

struct CliRun {
    int code = -1;
    QString out;
    QString err;
};

inline CliRun runCli(const QStringList& arguments) {
    CliRun run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    run.code = cli::runCli(QStringList{QStringLiteral("encore-cli")} + arguments, out, err);
    out.flush();
    err.flush();
    return run;
}

}  // namespace encore::test
