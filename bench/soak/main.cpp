// bench_soak [--seconds N] [--files F] [--warmup S] [--keep DIR]
// Issue 16 §8: one Engine, as the app runs it, does everything at once for N seconds (default
// 600): rescans of a library that keeps changing, history imports, a listen logged every few
// seconds, retrains, loudness analysis, and reads of the dashboards, "recommended next" and
// "similar songs". Prints the operations done, the errors (every failed job and every "database
// is locked" message, wherever it came from) and RSS after the warm-up and at the end. Exits 1
// on any error, on RSS growth of 10% or more, or when a kind of job never completed.

#include "soak.h"

#include "stats/statsservice.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace encore;
using namespace encore::bench;

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    SoakOptions o;
    QString keep;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        const QString& a = args[i];
        const int v = args[i + 1].toInt();
        if (a == QLatin1String("--seconds"))
            o.seconds = v;
        else if (a == QLatin1String("--files"))
            o.files = v;
        else if (a == QLatin1String("--warmup"))
            o.warmup_seconds = v;
        else if (a == QLatin1String("--keep"))
            keep = args[i + 1];
        else {
            std::fprintf(stderr, "unknown option %s\n", qPrintable(a));
            return 2;
        }
    }
    if (o.seconds < 10 || o.files < 10 || o.warmup_seconds < 1 || o.warmup_seconds >= o.seconds) {
        std::fprintf(stderr, "--seconds >= 10, --files >= 10, 0 < --warmup < --seconds\n");
        return 2;
    }
    QTemporaryDir temp;
    o.work = keep.isEmpty() ? temp.path() : keep;
    const QString library = o.work + QStringLiteral("/library");
    QProcess make;
    make.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    make.start(QStringLiteral(ENCORE_MAKE_LIBRARY_PATH), {QString::number(o.files), library});
    if (!make.waitForFinished(-1) || make.exitStatus() != QProcess::NormalExit ||
        make.exitCode() != 0) {
        std::fprintf(stderr, "make-library failed (exit %d, %s): %s\n", make.exitCode(),
                     qPrintable(make.errorString()), make.readAllStandardOutput().constData());
        return 2;
    }
    Soak::countLockedMessages();
    QDir().mkpath(o.work + QStringLiteral("/data"));
    Database database(o.work + QStringLiteral("/data/encore.sqlite"));
    Engine engine(database);
    engine.setMeasureLoudnessInBackground(true);
    if (const Status started = engine.start(); !started) {
        std::fprintf(stderr, "soak: %s\n", qPrintable(started.error()));
        return 2;
    }
    stats::StatsService stats(database);
    engine.scan({QDir(library).absolutePath()});
    Soak soak(engine, stats, o);
    QObject::connect(&soak, &Soak::finished, &app, &QCoreApplication::quit);
    soak.start();
    app.exec();
    soak.printSummary();
    return soak.exitCode();
}
