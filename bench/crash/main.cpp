// bench_crash [--rounds N] [--files F] [--listens L] [--seed S] [--keep DIR]
// Issue 16 §3: N times (default 20), at a random moment, kill -9 an encore-cli that is scanning
// an F-file library (default 10,000), importing an L-listen history (default 100,000), or
// retraining and writing the recommender's checkpoint; then checks that PRAGMA integrity_check
// is ok, that the interrupted import is entirely present or entirely absent (present only if
// it committed), that no play committed before is lost, that the next scan completes, and that
// the next run uses the last good checkpoint or retrains. Prints "N/N ok" or what failed, and
// exits 1 when any round failed.

#include "crashchecks.h"
#include "import/listengenerator.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <sys/stat.h>
#include <utime.h>

#include <cstdio>

using namespace encore;
using namespace encore::bench;

namespace {

struct Options {
    int rounds = 20;
    int files = 10000;
    int listens = 100000;
    quint32 seed = 1;
    QString keep;
};

struct CliRun {
    int exit_code = -1;
    bool killed = false;
    double seconds = 0;
    QString output;
};

void say(const QString& line) {
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

// Files in `dir` that are neither the database (and its -wal, -shm) nor the checkpoint: what a
// write in progress, or one a kill interrupted, leaves.
QStringList temporaryFiles(const QString& dir) {
    QStringList found;
    for (const QString& name : QDir(dir).entryList(QDir::Files | QDir::Hidden)) {
        if (!name.startsWith(QLatin1String("encore.sqlite")) &&
            name != QLatin1String("recommender.ckpt"))
            found << name;
    }
    return found;
}

// Runs encore-cli with `args`; with `killAfterMs` >= 0 sends it SIGKILL then, if still running.
// With `writingIn`, the kill comes instead 0-30 ms after the checkpoint's temporary files appear
// there (CheckpointFile::save is writing), or not at all if they never do.
CliRun runCli(const QStringList& args, int killAfterMs = -1, const QString& writingIn = {},
              int writeKillDelayMs = 0) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer clock;
    clock.start();
    p.start(QStringLiteral(ENCORE_CLI_PATH), args);
    CliRun run;
    if (!p.waitForStarted()) {
        run.output = p.errorString();
        return run;
    }
    if (!writingIn.isEmpty()) {
        const QStringList before = temporaryFiles(writingIn);  // left by earlier kills
        const auto writing = [&writingIn, &before] {
            for (const QString& name : temporaryFiles(writingIn))
                if (!before.contains(name) && (name.startsWith(QLatin1String("model-save-")) ||
                                               name.startsWith(QLatin1String("model-write-"))))
                    return true;
            return false;
        };
        while (!p.waitForFinished(2)) {
            if (writing()) {
                if (!p.waitForFinished(writeKillDelayMs)) {
                    p.kill();
                    run.killed = true;
                }
                break;
            }
        }
    } else if (killAfterMs >= 0 && !p.waitForFinished(killAfterMs)) {
        p.kill();  // SIGKILL: no handler, no flush, no rollback in the process
        run.killed = true;
    }
    p.waitForFinished(-1);
    run.seconds = clock.elapsed() / 1000.0;
    run.output = QString::fromUtf8(p.readAll());
    run.exit_code = run.killed ? -9 : p.exitCode();
    return run;
}

bool makeLibrary(int files, const QString& dir) {
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(QStringLiteral(ENCORE_MAKE_LIBRARY_PATH), {QString::number(files), dir});
    return p.waitForFinished(-1) && p.exitCode() == 0;
}

// A history of `listens` listens in a time range of its own, so no two files share a listen.
QString writeHistory(const QString& dir, int index, int listens) {
    ListenPlan plan;
    plan.listens = listens;
    plan.seed = quint32(1000 + index);
    plan.first_second = 1262304000 + qint64(index) * 15'000'000;  // 2010 + half a year a file
    const QString path = QDir(dir).filePath(QStringLiteral("history-%1.jsonl").arg(index));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    writeListenBrainzLines(plan, out);
    return path;
}

// New mtimes for every file, so the next scan reads and writes all of them again.
void touchLibrary(const QString& dir, qint64 second) {
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QByteArray path = QFile::encodeName(it.next());
        utimbuf times{second, second};
        utime(path.constData(), &times);
    }
}

class Bench {
public:
    Bench(const Options& o, const QString& work)
        : o_(o)
        , work_(work)
        , library_(work + QStringLiteral("/library"))
        , db_(work + QStringLiteral("/data/encore.sqlite"))
        , checkpoint_(work + QStringLiteral("/data/recommender.ckpt"))
        , random_(o.seed) {}

    bool prepare();
    int run();

private:
    QStringList cli(const QStringList& args) const {
        return args + QStringList{QStringLiteral("--db"), db_};
    }
    // The round's kill moment: uniform over most of a full run of that operation.
    int killMoment(double fullSeconds) {
        const double f = 0.05 + 0.9 * random_.generateDouble();
        return int(1000 * fullSeconds * f);
    }
    QStringList commonChecks(qint64 playsBefore);
    QStringList scanRound(int round);
    QStringList importRound(int round);
    QStringList checkpointRound(bool whileWriting);

    Options o_;
    QString work_, library_, db_, checkpoint_;
    QRandomGenerator random_;
    double scan_seconds_ = 0, import_seconds_ = 0, train_seconds_ = 0;
    qint64 plays_ = 0;  // committed so far
};

bool Bench::prepare() {
    QDir().mkpath(work_ + QStringLiteral("/data"));
    say(QStringLiteral("making a library of %1 files ...").arg(o_.files));
    if (!makeLibrary(o_.files, library_))
        return false;
    // Timings of uninterrupted runs, on the database the rounds go on with.
    CliRun scan = runCli(cli({QStringLiteral("scan"), library_}));
    if (scan.exit_code != 0) {
        say(QStringLiteral("the first scan failed:\n") + scan.output);
        return false;
    }
    scan_seconds_ = scan.seconds;
    touchLibrary(library_, 1600000000);
    scan_seconds_ =
        std::max(scan_seconds_, runCli(cli({QStringLiteral("scan"), library_})).seconds);
    CliRun import = runCli(cli({QStringLiteral("import"), writeHistory(work_, 0, o_.listens)}));
    if (import.exit_code != 0) {
        say(QStringLiteral("the first import failed:\n") + import.output);
        return false;
    }
    import_seconds_ = import.seconds;
    CliRun train = runCli(cli({QStringLiteral("recommend"), QStringLiteral("--retrain")}));
    if (train.exit_code != 0) {
        say(QStringLiteral("the first retrain failed:\n") + train.output);
        return false;
    }
    train_seconds_ = train.seconds;
    const DatabaseFacts facts = readFacts(db_);
    plays_ = facts.plays;
    say(QStringLiteral("uninterrupted: rescan of %1 changed files %2 s, import of %3 listens %4 s, "
                       "retrain and checkpoint %5 s (%6 plays)")
            .arg(o_.files)
            .arg(scan_seconds_, 0, 'f', 2)
            .arg(o_.listens)
            .arg(import_seconds_, 0, 'f', 2)
            .arg(train_seconds_, 0, 'f', 2)
            .arg(plays_));
    return true;
}

QStringList Bench::commonChecks(qint64 playsBefore) {
    QStringList problems;
    const DatabaseFacts facts = readFacts(db_);
    if (!facts.error.isEmpty())
        return {QStringLiteral("the database cannot be opened: ") + facts.error};
    if (facts.integrity != QLatin1String("ok"))
        problems << QStringLiteral("integrity_check: ") + facts.integrity;
    if (facts.plays < playsBefore)
        problems << QStringLiteral("%1 committed plays lost (%2 before, %3 after)")
                        .arg(playsBefore - facts.plays)
                        .arg(playsBefore)
                        .arg(facts.plays);
    return problems;
}

QStringList Bench::scanRound(int round) {
    const qint64 touched = 1600000000 + round;
    touchLibrary(library_, touched);
    const CliRun killed =
        runCli(cli({QStringLiteral("scan"), library_}), killMoment(scan_seconds_));
    QStringList problems = commonChecks(plays_);
    const CliRun next = runCli(cli({QStringLiteral("scan"), library_}));
    if (next.exit_code != 0)
        problems << QStringLiteral("the next scan failed: ") + next.output.right(400);
    const DatabaseFacts after = readFacts(db_);
    if (after.tracks != o_.files)
        problems << QStringLiteral("after the next scan %1 tracks, not %2")
                        .arg(after.tracks)
                        .arg(o_.files);
    if (const qint64 read = tracksWithMtime(db_, touched); read != o_.files)
        problems << QStringLiteral("the next scan read %1 of the %2 changed files")
                        .arg(read)
                        .arg(o_.files);
    if (after.plays != plays_)
        problems << QStringLiteral("plays %1, not %2").arg(after.plays).arg(plays_);
    say(QStringLiteral("  scan killed at %1 s%2; the next scan took %3 s")
            .arg(killed.seconds, 0, 'f', 2)
            .arg(killed.killed ? QString() : QStringLiteral(" (it had finished)"))
            .arg(next.seconds, 0, 'f', 2));
    return problems;
}

QStringList Bench::importRound(int round) {
    const QString file = writeHistory(work_, round, o_.listens);
    const CliRun killed =
        runCli(cli({QStringLiteral("import"), file}), killMoment(import_seconds_));
    QStringList problems = commonChecks(plays_);
    const qint64 present = playsImportedFrom(db_, file);
    const qint64 afterKill = readFacts(db_).plays;
    // The import again, to completion: it adds exactly what the killed one did not commit.
    const CliRun again = runCli(cli({QStringLiteral("import"), file}));
    if (again.exit_code != 0)
        problems << QStringLiteral("the import again failed: ") + again.output.right(400);
    const qint64 whole = playsImportedFrom(db_, file);
    const qint64 total = readFacts(db_).plays;
    if (present != 0 && present != whole)
        problems << QStringLiteral("the interrupted import is partly present: %1 of %2 plays")
                        .arg(present)
                        .arg(whole);
    if (!killed.killed && present != whole)
        problems << QStringLiteral("the import reported success but %1 of %2 plays are there")
                        .arg(present)
                        .arg(whole);
    if (afterKill != plays_ + present)
        problems << QStringLiteral("after the kill %1 plays, expected %2")
                        .arg(afterKill)
                        .arg(plays_ + present);
    if (total != plays_ + whole)
        problems << QStringLiteral("after the import again %1 plays, expected %2")
                        .arg(total)
                        .arg(plays_ + whole);
    say(QStringLiteral("  import killed at %1 s%2: %3 of its %4 plays present (%5)")
            .arg(killed.seconds, 0, 'f', 2)
            .arg(killed.killed ? QString() : QStringLiteral(" (it had finished)"))
            .arg(present)
            .arg(whole)
            .arg(present == 0 ? QStringLiteral("absent") : QStringLiteral("committed")));
    plays_ = total;
    return problems;
}

QStringList Bench::checkpointRound(bool whileWriting) {
    const QStringList retrain = cli({QStringLiteral("recommend"), QStringLiteral("--retrain")});
    const QString data = QFileInfo(checkpoint_).absolutePath();
    const CliRun killed = whileWriting ? runCli(retrain, -1, data, int(random_.bounded(30)))
                                       : runCli(retrain, killMoment(train_seconds_));
    const QStringList leftAfterKill = temporaryFiles(data);
    QStringList problems = commonChecks(plays_);
    const QString damaged = checkpointProblem(checkpoint_);
    if (!damaged.isEmpty())
        problems << QStringLiteral("the checkpoint left behind is unusable: ") + damaged;
    // The next run must serve: from the checkpoint on disk, or after a retrain when none is.
    const bool had = QFileInfo::exists(checkpoint_);
    const CliRun next = runCli(cli({QStringLiteral("recommend")}));
    if (next.exit_code != 0)
        problems << QStringLiteral("the next recommend failed: ") + next.output.right(400);
    if (!next.output.contains(QLatin1String("Recommended by:")))
        problems << QStringLiteral("the next recommend named no model: ") + next.output.right(400);
    if (const QStringList left = temporaryFiles(data); !left.isEmpty())
        problems << QStringLiteral("after the next run, temporary files remain: ") +
                        left.join(QStringLiteral(", "));
    say(QStringLiteral("  retrain killed %1 at %2 s%3, leaving %4; checkpoint %5; the next run "
                       "took %6 s")
            .arg(whileWriting ? QStringLiteral("while writing") : QStringLiteral("at random"))
            .arg(killed.seconds, 0, 'f', 2)
            .arg(killed.killed ? QString() : QStringLiteral(" (it had finished)"))
            .arg(leftAfterKill.isEmpty() ? QStringLiteral("no temporary file")
                                         : leftAfterKill.join(QStringLiteral(", ")))
            .arg(had ? QStringLiteral("verifies") : QStringLiteral("absent, so it retrained"))
            .arg(next.seconds, 0, 'f', 2));
    return problems;
}

int Bench::run() {
    int ok = 0;
    for (int round = 1; round <= o_.rounds; ++round) {
        const int kind = (round - 1) % 3;
        say(QStringLiteral("round %1/%2: %3")
                .arg(round)
                .arg(o_.rounds)
                .arg(kind == 0   ? QStringLiteral("scan")
                     : kind == 1 ? QStringLiteral("import")
                                 : QStringLiteral("checkpoint")));
        // Every other checkpoint round is killed while the checkpoint is being written.
        const QStringList problems = kind == 0   ? scanRound(round)
                                     : kind == 1 ? importRound(round)
                                                 : checkpointRound(round % 2 == 0);
        for (const QString& p : problems)
            say(QStringLiteral("  FAILED: ") + p);
        ok += problems.isEmpty() ? 1 : 0;
    }
    say(QStringLiteral("%1/%2 ok").arg(ok).arg(o_.rounds));
    return ok == o_.rounds ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    Options o;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        const QString& a = args[i];
        const QString& v = args[i + 1];
        if (a == QLatin1String("--rounds"))
            o.rounds = v.toInt();
        else if (a == QLatin1String("--files"))
            o.files = v.toInt();
        else if (a == QLatin1String("--listens"))
            o.listens = v.toInt();
        else if (a == QLatin1String("--seed"))
            o.seed = v.toUInt();
        else if (a == QLatin1String("--keep"))
            o.keep = v;
        else {
            std::fprintf(stderr, "unknown option %s\n", qPrintable(a));
            return 2;
        }
    }
    if (o.rounds < 1 || o.files < 1 || o.listens < 1) {
        std::fprintf(stderr, "--rounds, --files and --listens need positive numbers\n");
        return 2;
    }
    QTemporaryDir temp;
    const QString work = o.keep.isEmpty() ? temp.path() : o.keep;
    Bench bench(o, work);
    if (!bench.prepare())
        return 1;
    return bench.run();
}
