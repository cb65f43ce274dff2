// bench_stats [--db PATH] [--rounds N]
// Generates 1,000,000 plays over 100,000 tracks and 3 profiles (deterministic; kept in PATH
// when given, and reused when PATH already holds them), then times what the Dashboards page
// does: the first refresh (reads the tracks and the whole log), a refresh with nothing new, one
// after 100 new listens, one after a deletion (full reload), and the computation of every
// section for two scopes, and "Your month" / "Your year" (the recap: two periods' statistics up
// to Discovery, made into cards). Prints medians over N rounds. Targets (issue 6, issue 13):
// <= 200 ms for the whole page, <= 200 ms for a recap; exits 1 when one is missed.
#include "benchdata.h"

#include "stats/load/statsdataloader.h"
#include "stats/recap/recap.h"
#include "stats/statscalculator.h"
#include "store/database.h"
#include "store/sqlitestatement.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <ctime>
#include <functional>
#include <vector>

using namespace encore;
using namespace encore::stats;

namespace {

QTextStream out(stdout);

double cpuMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

QString ms(double v) {
    return QString::number(v, 'f', 1).rightJustified(7) + QStringLiteral(" ms");
}

struct Timed {
    std::vector<double> wall;
    std::vector<double> cpu;
};

// Runs `f` `rounds` times; wall and process CPU time of each run.
Timed time(int rounds, const std::function<void()>& f) {
    Timed t;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer timer;
        const double cpu = cpuMs();
        timer.start();
        f();
        t.wall.push_back(timer.nsecsElapsed() / 1e6);
        t.cpu.push_back(cpuMs() - cpu);
    }
    return t;
}

void line(const QString& label, const Timed& t) {
    out << "  " << label.leftJustified(44) << ms(median(t.wall)) << "  (cpu " << ms(median(t.cpu))
        << ")\n";
    out.flush();
}

bool addListens(QSqlDatabase db, int count, qint64 start) {
    ScopedTransaction transaction(db);
    SqliteStatement insert(db,
                           "INSERT INTO plays(profile_id, track_id, started_at, ms_played, "
                           "end_reason, counted, session_id) VALUES (2, ?, ?, 200000, "
                           "'finished', 1, ?)");
    for (int i = 0; i < count; ++i) {
        insert.bind(1, 1 + (i * 7919) % 100000);
        insert.bind(2, start + i * 300);
        insert.bind(3, start);
        if (insert.step() != SqliteStatement::Step::Done)
            return false;
        insert.reset();
    }
    return transaction.commit().ok();
}

bool removeListens(QSqlDatabase db, qint64 start) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM plays WHERE profile_id = 2 AND started_at >= ?"));
    q.addBindValue(start);
    return q.exec();
}

constexpr double kPageTargetMs = 200.0;
constexpr double kRecapTargetMs = 200.0;

// Returns the median wall time of the whole page.
double benchScope(const QString& title, const StatsData& data, const StatsQuery& query,
                  int rounds) {
    out << "\n" << title << "\n";
    std::vector<std::vector<double>> parts(kStatsPartCount);
    std::vector<double> fold;
    std::vector<double> history;
    std::vector<double> correlations;
    std::vector<double> model;
    StatsReport last;
    const Timed page = time(rounds, [&] {
        last = computeStats(data, query);
        fold.push_back(last.fold_ms);
        history.push_back(last.history_ms);
        correlations.push_back(last.factors.correlations_ms);
        model.push_back(last.factors.model_ms);
        for (int p = 0; p < kStatsPartCount; ++p)
            parts[p].push_back(last.compute_ms[p]);
    });
    out << "  " << QStringLiteral("pass over the period's listens").leftJustified(44)
        << ms(median(fold)) << "\n";
    out << "  " << QStringLiteral("pass over the profile's history").leftJustified(44)
        << ms(median(history)) << "\n";
    for (int p = 0; p < kStatsPartCount; ++p)
        out << "  " << QString::fromLatin1(statsPartKey(StatsPart(p))).leftJustified(44)
            << ms(median(parts[p])) << "\n";
    out << "    of which correlations " << ms(median(correlations)) << ", model "
        << ms(median(model)) << "\n";
    line(QStringLiteral("whole page (all of the above)"), page);
    out << "  " << last.overview.listens << " listens, " << last.overview.plays << " plays, "
        << last.overview.distinct_tracks << " tracks; model on " << last.factors.model_tracks
        << " tracks\n";
    return median(page.wall);
}

// Returns the median wall time of the recap.
double benchRecap(const QString& title, const StatsData& data, const RecapQuery& query,
                  int rounds) {
    Recap last;
    const Timed recap = time(rounds, [&] { last = computeRecap(data, query); });
    line(title, recap);
    out << "    " << last.title << ": " << last.plays << " plays, " << last.cards.size()
        << " cards\n";
    return median(recap.wall);
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("db"), QStringLiteral("Database to use or create."),
                      QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("rounds"), QStringLiteral("Rounds per figure."),
                      QStringLiteral("N"), QStringLiteral("5")});
    parser.addHelpOption();
    parser.process(app);
    const int rounds = std::max(1, parser.value(QStringLiteral("rounds")).toInt());
    QTemporaryDir temp;
    const QString path = parser.isSet(QStringLiteral("db"))
                             ? parser.value(QStringLiteral("db"))
                             : temp.filePath(QStringLiteral("bench-stats.sqlite"));
    const bool fresh = !QFile::exists(path);
    Database database(path);
    if (Status s = database.migrate(); !s) {
        out << s.error() << "\n";
        return 2;
    }
    ScopedConnection connection(database, QStringLiteral("bench-stats"));
    if (!connection.ok()) {
        out << connection.error() << "\n";
        return 2;
    }
    const bench::BenchPlan plan;
    if (fresh) {
        QElapsedTimer timer;
        timer.start();
        if (Status s = bench::writeBenchData(connection.db(), plan); !s) {
            out << s.error() << "\n";
            return 2;
        }
        out << "generated " << plan.plays << " plays over " << plan.tracks << " tracks and "
            << plan.profiles << " profiles in " << timer.elapsed() / 1000.0 << " s\n";
    }
    out << "bench_stats on " << path << ", median of " << rounds << " rounds\n\nrefresh\n";

    std::vector<double> catalogue;
    std::vector<double> plays;
    std::vector<double> check;
    StatsDataLoader* kept = nullptr;
    std::vector<std::unique_ptr<StatsDataLoader>> loaders;
    const Timed cold = time(rounds, [&] {
        loaders.push_back(std::make_unique<StatsDataLoader>(database));
        kept = loaders.back().get();
        if (Status s = kept->refresh(connection.db()); !s)
            qFatal("%s", qPrintable(s.error()));
        catalogue.push_back(kept->lastReport().catalogue_ms);
        plays.push_back(kept->lastReport().plays_ms);
        check.push_back(kept->lastReport().check_ms);
    });
    loaders.erase(loaders.begin(), loaders.end() - 1);
    line(QStringLiteral("first refresh: tracks + whole log"), cold);
    out << "    tracks " << ms(median(catalogue)) << ", listens (2 connections, wall) "
        << ms(median(plays)) << ", fingerprint " << ms(median(check)) << "\n";
    line(QStringLiteral("refresh, nothing new"), time(rounds, [&] {
             if (Status s = kept->refresh(connection.db()); !s)
                 qFatal("%s", qPrintable(s.error()));
         }));
    // Writes come from another connection, as in the app (the loader's own writes would not
    // change PRAGMA data_version, which is how it knows that nothing changed).
    ScopedConnection writer(database, QStringLiteral("bench-stats-writer"));
    const qint64 start = plan.end_seconds + 3600;
    std::vector<double> incremental;
    Timed added;
    for (int r = 0; r < rounds; ++r) {
        if (!addListens(writer.db(), 100, start + r * 100000))
            qFatal("could not add listens");
        const Timed one = time(1, [&] {
            if (Status s = kept->refresh(connection.db()); !s)
                qFatal("%s", qPrintable(s.error()));
        });
        added.wall.push_back(one.wall.front());
        added.cpu.push_back(one.cpu.front());
        if (kept->lastReport().full_reload || kept->lastReport().listens_read != 100)
            qFatal("adding listens was not read incrementally");
    }
    line(QStringLiteral("refresh after 100 new listens"), added);
    if (!removeListens(writer.db(), start))
        qFatal("could not remove the added listens");
    line(QStringLiteral("refresh after a deletion (full reload)"), time(1, [&] {
             if (Status s = kept->refresh(connection.db()); !s)
                 qFatal("%s", qPrintable(s.error()));
         }));

    StatsQuery all;
    all.now_seconds = plan.end_seconds;
    const double allPage = benchScope(
        QStringLiteral("every profile, all time (%1 listens)").arg(kept->data().plays.size()),
        kept->data(), all, rounds);
    StatsQuery one;
    one.profile_id = kept->data().profiles.back().id;
    one.since = plan.end_seconds - 365 * 86400;
    one.until = plan.end_seconds;
    one.now_seconds = plan.end_seconds;
    const double onePage =
        benchScope(QStringLiteral("one profile, last 365 days"), kept->data(), one, rounds);

    out << "\nYour month and Your year (every profile)\n";
    // The month and year of the last listen: the generator fills its quota a little before
    // the plan's end.
    const std::vector<std::int64_t>& started = kept->data().plays.started_at;
    const QDate last =
        QDateTime::fromSecsSinceEpoch(*std::max_element(started.begin(), started.end()), Qt::UTC)
            .date();
    RecapQuery month;
    month.profile_id = 0;
    month.year = last.year();
    month.month = last.month();
    month.now_seconds = plan.end_seconds;
    const double monthMs = benchRecap(QStringLiteral("Your month"), kept->data(), month, rounds);
    RecapQuery year = month;
    year.span = RecapSpan::Year;
    const double yearMs = benchRecap(QStringLiteral("Your year"), kept->data(), year, rounds);

    const double page = std::max(allPage, onePage);
    const double recap = std::max(monthMs, yearMs);
    const bool met = page <= kPageTargetMs && recap <= kRecapTargetMs;
    out << "\nwhole page max_ms=" << page << " (target " << kPageTargetMs
        << "), recap max_ms=" << recap << " (target " << kRecapTargetMs
        << "): " << (met ? "every target met" : "TARGET MISSED") << "\n";
    return met ? 0 : 1;
}
