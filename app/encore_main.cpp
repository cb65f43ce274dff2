#include "engine.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>

#include <cstdio>

namespace {

// Without a display Qt would abort; say what to do instead.
bool hasDisplay() {
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

}  // namespace

int main(int argc, char** argv) {
    if (!hasDisplay()) {
        std::fprintf(
            stderr,
            "encore: there is no display here, so the window cannot open.\n"
            "  encore-cli scan DIR       the library from the terminal (encore-cli --help)\n"
            "  xvfb-run -a encore DIR    the window on a virtual display\n"
            "  QT_QPA_PLATFORM=offscreen encore DIR\n");
        return 1;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Encore"));
    QApplication::setOrganizationName(QStringLiteral("Encore"));
    QApplication::setStyle(QStringLiteral("Fusion"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Encore: a music library that learns from how you listen."));
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("db"), QStringLiteral("Library database file."), QStringLiteral("PATH")});
    parser.addPositionalArgument(QStringLiteral("DIR"),
                                 QStringLiteral("Music folder to add and scan."),
                                 QStringLiteral("[DIR...]"));
    parser.process(app);

    const QString dbPath = parser.value(QStringLiteral("db"));
    encore::Engine engine(
        encore::Database(dbPath.isEmpty() ? encore::Database::defaultPath() : dbPath));
    const encore::Status started = engine.start();
    if (!started) {
        std::fprintf(stderr, "encore: %s\n", qPrintable(started.error()));
        return 2;
    }
    encore::MainWindow window(engine);
    window.show();
    window.reloadLibrary();
    QStringList roots;
    for (const QString& dir : parser.positionalArguments())
        roots.append(QDir(dir).absolutePath());
    engine.scan(roots);  // no folders named: rescan the known ones
    return app.exec();
}
