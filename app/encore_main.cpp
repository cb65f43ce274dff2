#include "browse/librarymodel.h"
#include "browse/librarypage.h"
#include "desktop/mpris.h"
#include "desktop/singleinstance.h"
#include "engine.h"
#include "mainwindow.h"
#include "settings/loudnesssection.h"
#include "status/restoreoffer.h"
#include "store/locationoptions.h"
#include "widgets/appearance.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <csignal>
#include <cstdio>

namespace {

// What help and errors call the program: argv[0] may be a path into the build tree.
char kProgramName[] = "encore";

const QCommandLineOption kVersionOption(QStringLiteral("version"),
                                        QStringLiteral("Show the version and exit."));

// Without a display Qt would abort; say what to do instead.
bool hasDisplay() {
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

// The listener's own -style or QT_STYLE_OVERRIDE wins over Encore's default (Fusion).
bool styleChosen(int argc, char** argv) {
    if (!qEnvironmentVariableIsEmpty("QT_STYLE_OVERRIDE"))
        return true;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-style" || arg.startsWith("-style=") || arg == "--style" ||
            arg.startsWith("--style="))
            return true;
    }
    return false;
}

// --help and --version only print, so they are answered without a display (see printText).
bool asksOnlyForText(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--")
            break;
        if (arg == "-h" || arg == "-?" || arg == "--help" || arg == "--help-all" ||
            arg == "--version")
            return true;
    }
    return false;
}

void defineOptions(QCommandLineParser& parser) {
    parser.setApplicationDescription(
        QStringLiteral("Encore: a music library that learns from how you listen."));
    parser.addHelpOption();
    parser.addOption(kVersionOption);
    encore::LocationOptions::define(parser);
    parser.addPositionalArgument(
        QStringLiteral("PATH"),
        QStringLiteral("Music folder to add to the library, or song to play (queued when "
                       "something plays). With Encore already open, it goes to that window."),
        QStringLiteral("[PATH...]"));
}

// A QCoreApplication needs no platform plugin, so help and version work on any terminal.
int printText(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    defineOptions(parser);
    parser.process(app);  // prints the help, or a usage error, and exits
    std::printf("%s %s\n", kProgramName, ENCORE_VERSION);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGXFSZ, SIG_IGN);  // a file-size limit: a write error, not a silent death
    if (argc > 0)
        argv[0] = kProgramName;
    if (asksOnlyForText(argc, argv))
        return printText(argc, argv);
    if (!hasDisplay()) {
        std::fprintf(
            stderr,
            "encore: there is no display here, so the window cannot open.\n"
            "  encore-cli scan DIR       the library from the terminal (encore-cli --help)\n"
            "  xvfb-run -a encore DIR    the window on a virtual display\n"
            "  QT_QPA_PLATFORM=offscreen encore DIR\n");
        return 1;
    }
    const bool ownStyle = styleChosen(argc, argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Encore"));
    QApplication::setOrganizationName(QStringLiteral("Encore"));
    QApplication::setDesktopFileName(QStringLiteral("encore"));
    if (!ownStyle)
        QApplication::setStyle(QStringLiteral("Fusion"));
    encore::Appearance::apply(encore::Appearance::stored());

    QCommandLineParser parser;
    defineOptions(parser);
    parser.process(app);

    const QString database = encore::LocationOptions::database(parser).path();
    QStringList opened;  // files and folders to open, from a file manager or the shell
    for (const QString& path : parser.positionalArguments())
        opened.append(QFileInfo(path).absoluteFilePath());
    // One window per library: an Encore already open on it takes them and comes forward.
    encore::SingleInstance instance(database);
    if (instance.handOver(opened)) {
        std::printf("encore: handed to the Encore already open on %s\n", qPrintable(database));
        return 0;
    }
    if (QString why; !instance.listen(&why))
        std::fprintf(stderr, "encore: %s\n", qPrintable(why));
    encore::Engine engine{encore::Database(database)};
    // untagged files get R128 levels, at idle, unless the listener switched it off
    engine.setMeasureLoudnessInBackground(encore::LoudnessSection::inBackground());
    encore::Status started = engine.start();
    // a damaged database: offer its newest good backup, then start on that
    if (!started && !engine.health().ok && encore::offerRestore(engine.database(), engine.health()))
        started = engine.start();
    if (!started) {
        std::fprintf(stderr, "encore: %s\n", qPrintable(started.error()));
        return 2;
    }
    if (const QString profile = encore::LocationOptions::profile(parser); !profile.isEmpty()) {
        const auto& profiles = engine.profiles();
        const bool known = std::any_of(profiles.begin(), profiles.end(),
                                       [&](const encore::Profile& p) { return p.name == profile; });
        if (!known) {
            std::fprintf(stderr,
                         "encore: there is no listener profile \"%s\"; `encore-cli profiles` "
                         "lists them, `encore-cli profiles add NAME` adds one.\n",
                         qPrintable(profile));
            return 1;
        }
        engine.setActiveProfile(profile);  // this window listens as them (and so does the CLI)
    }
    encore::MainWindow window(engine);
    window.reloadLibrary();  // reads on a pool thread while the window opens
    window.show();
    // Media keys, the desktop's media widgets and playerctl (MPRIS2 on the session bus).
    encore::Mpris mpris(window, *window.playback(), engine);
    mpris.setUseCount(
        [&window](encore::TrackId id) { return window.libraryPage()->model()->playsOf(id); });
    if (QString why; !mpris.registerOn(QDBusConnection::sessionBus(), &why))
        std::fprintf(stderr, "encore: %s\n", qPrintable(why));
    QObject::connect(&instance, &encore::SingleInstance::openRequested, &window,
                     &encore::MainWindow::openPaths);
    if (opened.isEmpty()) {
        window.offerFirstRun();
        engine.scan();  // rescans the known folders
    } else {
        window.openPaths(opened);  // folders join the library, songs play once it is loaded
    }
    return app.exec();
}
