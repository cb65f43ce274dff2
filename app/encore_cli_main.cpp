#include "clirunner.h"

#include <QCoreApplication>
#include <QTextStream>

#include <unistd.h>

#include <csignal>
#include <cstdio>

int main(int argc, char** argv) {
    // Past a file-size limit a write fails with EFBIG, which SQLite reports as a full disk,
    // instead of the signal killing the program mid-write without a word.
    std::signal(SIGXFSZ, SIG_IGN);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Encore"));
    QCoreApplication::setOrganizationName(QStringLiteral("Encore"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ENCORE_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return encore::cli::runCli(app.arguments(), out, err, ::isatty(STDOUT_FILENO),
                               ::isatty(STDERR_FILENO));
}
