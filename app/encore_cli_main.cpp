#include "clirunner.h"

#include <QCoreApplication>
#include <QTextStream>

#include <unistd.h>
#include <cstdio>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Encore"));
    QCoreApplication::setOrganizationName(QStringLiteral("Encore"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ENCORE_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return encore::cli::runCli(app.arguments(), out, err, ::isatty(STDOUT_FILENO),
                               ::isatty(STDERR_FILENO));
}
