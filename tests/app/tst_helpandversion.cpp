// encore and encore-cli started as on a terminal without a display (no DISPLAY, WAYLAND_DISPLAY
// or QT_QPA_PLATFORM): --help and --version answer, naming the program as a user types it and
// the version of CMakeLists.txt's project(), never a path into the build.

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

namespace {

constexpr int kTimeoutMs = 30000;  // a hang, not a slow start: these print and exit at once

struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run run(const QString& program, const QStringList& arguments, bool display) {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name : {QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("DISPLAY"),
                                QStringLiteral("WAYLAND_DISPLAY")})
        environment.remove(name);
    if (display)
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    Run result;
    if (!process.waitForFinished(kTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("did not finish: ") + process.errorString();
        return result;
    }
    if (process.exitStatus() == QProcess::NormalExit)
        result.code = process.exitCode();
    result.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    result.err += QString::fromLocal8Bit(process.readAllStandardError());
    return result;
}

Run runWithoutDisplay(const QString& program, const QStringList& arguments) {
    return run(program, arguments, false);
}

const QString kGui = QStringLiteral(ENCORE_GUI_PROGRAM);
const QString kCli = QStringLiteral(ENCORE_CLI_PROGRAM);
const QString kVersion = QStringLiteral(ENCORE_VERSION);

}  // namespace

class TestHelpAndVersion : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void versionIsTheProjects() {
        QVERIFY2(
            QRegularExpression(QStringLiteral("^\\d+\\.\\d+\\.\\d+$")).match(kVersion).hasMatch(),
            qPrintable(kVersion));
    }

    void printsWithoutDisplay_data() {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("firstLine");
        const QString help = QStringLiteral("--help");
        QTest::newRow("encore --help")
            << kGui << QStringList{help} << QStringLiteral("Usage: encore [options] [PATH...]");
        QTest::newRow("encore -h") << kGui << QStringList{QStringLiteral("-h")}
                                   << QStringLiteral("Usage: encore [options] [PATH...]");
        QTest::newRow("encore DIR --help") << kGui << QStringList{QStringLiteral("/nowhere"), help}
                                           << QStringLiteral("Usage: encore [options] [PATH...]");
        QTest::newRow("encore --version") << kGui << QStringList{QStringLiteral("--version")}
                                          << QStringLiteral("encore ") + kVersion;
        QTest::newRow("encore-cli --version") << kCli << QStringList{QStringLiteral("--version")}
                                              << QStringLiteral("encore-cli ") + kVersion;
        QTest::newRow("encore-cli --help")
            << kCli << QStringList{help} << QStringLiteral("Usage: encore-cli COMMAND [options]");
        QTest::newRow("encore-cli scan --help")
            << kCli << QStringList{QStringLiteral("scan"), help}
            << QStringLiteral("Usage: encore-cli scan [options] [DIR...]");
    }
    void printsWithoutDisplay() {
        QFETCH(QString, program);
        QFETCH(QStringList, arguments);
        QFETCH(QString, firstLine);
        const Run run = runWithoutDisplay(program, arguments);
        QVERIFY2(run.code == 0,
                 qPrintable(QStringLiteral("exit %1: %2").arg(run.code).arg(run.err)));
        QCOMPARE(run.out.section(QLatin1Char('\n'), 0, 0), firstLine);
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));  // no platform plugin complaint either
        for (const QString& dir :
             {QStringLiteral(ENCORE_BUILD_DIR), QStringLiteral(ENCORE_SOURCE_DIR)})
            QVERIFY2(!run.out.contains(dir), qPrintable(run.out));
    }

    void helpListsVersion() {
        const Run run = runWithoutDisplay(kGui, {QStringLiteral("--help")});
        QVERIFY2(run.out.contains(QStringLiteral("--version")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("--db <PATH>")), qPrintable(run.out));
    }

    // Both programs take the same --data-dir, --db and --profile.
    void sharedLocationOptions_data() {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("encore") << kGui << QStringList{QStringLiteral("--help")};
        QTest::newRow("encore-cli tracks")
            << kCli << QStringList{QStringLiteral("tracks"), QStringLiteral("--help")};
    }
    void sharedLocationOptions() {
        QFETCH(QString, program);
        QFETCH(QStringList, arguments);
        const Run help = runWithoutDisplay(program, arguments);
        for (const char* option : {"--data-dir <DIR>", "--db <PATH>", "--profile <NAME>"})
            QVERIFY2(help.out.contains(QLatin1String(option)), qPrintable(help.out));
    }

    // --data-dir holds the database (and, beside it, the model); --db puts the database alone.
    void dataDirHoldsTheDatabase() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const Run listed =
            runWithoutDisplay(kCli, {QStringLiteral("tracks"), QStringLiteral("--data-dir"), data});
        QCOMPARE(listed.code, 0);
        QVERIFY(QFileInfo::exists(data + QStringLiteral("/encore.sqlite")));
        const QString alone = dir.filePath(QStringLiteral("alone.sqlite"));
        const Run elsewhere = runWithoutDisplay(
            kCli, {QStringLiteral("tracks"), QStringLiteral("--data-dir"),
                   dir.filePath(QStringLiteral("unused")), QStringLiteral("--db"), alone});
        QCOMPARE(elsewhere.code, 0);
        QVERIFY(QFileInfo::exists(alone));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("unused"))));
    }

    // The window listens as the profile named; one that does not exist is said, with the fix.
    void anUnknownProfileIsSaid() {
        QTemporaryDir dir;
        const Run started = run(kGui,
                                {QStringLiteral("--data-dir"), dir.path(),
                                 QStringLiteral("--profile"), QStringLiteral("nobody")},
                                true);
        QCOMPARE(started.code, 1);
        QVERIFY2(started.err.contains(QStringLiteral("there is no listener profile \"nobody\"")) &&
                     started.err.contains(QStringLiteral("encore-cli profiles add NAME")),
                 qPrintable(started.err));
    }

    // Anything else needs the window: without a display encore says what to do instead.
    void windowWithoutDisplaySaysWhatToDo() {
        const Run run = runWithoutDisplay(kGui, {});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.startsWith(QStringLiteral("encore: there is no display here")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("xvfb-run -a encore DIR")), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHelpAndVersion)
#include "tst_helpandversion.moc"
