// bench_import [--listens N] [--plays M] [--seed S]
// Imports N generated listens (Spotify extended JSON, then ListenBrainz JSON lines) into a
// fresh database holding a library of generated tracks, prints seconds and listens/s for the
// first import and the re-import, peak RSS, then grows the log to M plays and times the
// queries the log's indexes are for. Target (issue 3): 100,000 listens in <= 5 s.
#include "listengenerator.h"

#include "listens/import/historyimporter.h"
#include "store/database.h"
#include "store/playlog.h"
#include "store/profilestore.h"
#include "store/trackstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimeZone>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace encore;

namespace {

QTextStream out(stdout);

long peakRssMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

bool addLibrary(QSqlDatabase db, const bench::ListenPlan& plan) {
    QList<TrackWrite> writes;
    for (int song = 0; song < plan.library_songs; ++song) {
        TrackWrite w;
        w.track.key = QStringLiteral("bench:%1").arg(song);
        w.track.path = QStringLiteral("/music/bench/%1.flac").arg(song);
        w.track.tags.artist = bench::songArtist(song);
        w.track.tags.title = bench::songTitle(song);
        w.track.tags.album = bench::songAlbum(song);
        w.track.tags.duration_ms = bench::songDurationMs(song);
        writes.append(w);
    }
    const Status written = TrackStore(db).writeBatch(writes, 1577836800);
    if (!written)
        out << "library: " << written.error() << "\n";
    return written.ok();
}

void printImport(const QString& label, const ImportReport& report, qint64 ms) {
    const FileImportReport total = report.total();
    const qint64 listens = total.added() + total.duplicates;
    out << QStringLiteral(
               "%1: %2 listens in %3 s (%4 listens/s); matched %5, unmatched %6, "
               "duplicates %7, failed files %8\n")
               .arg(label, -34)
               .arg(listens)
               .arg(double(ms) / 1000.0, 0, 'f', 2)
               .arg(ms > 0 ? listens * 1000 / ms : 0)
               .arg(total.matched)
               .arg(total.unmatched)
               .arg(total.duplicates)
               .arg(report.failedFiles());
    for (const FileImportReport& f : report.files) {
        if (!f.ok())
            out << "  error: " << f.error << "\n";
    }
    out.flush();
}

qint64 timeImport(QSqlDatabase db, const QString& label, const QString& path,
                  const QString& profile) {
    ImportOptions options;
    options.profile = profile;
    options.time_zone = QTimeZone("UTC");
    QElapsedTimer timer;
    timer.start();
    const ImportReport report = HistoryImporter(db).importPaths({path}, options);
    const qint64 ms = timer.elapsed();
    printImport(label, report, ms);
    return ms;
}

// Median of `runs` timings of `query`, in microseconds.
template <typename Query>
qint64 medianMicros(int runs, Query query) {
    std::vector<qint64> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        query();
        times.push_back(timer.nsecsElapsed() / 1000);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

QString plan(QSqlDatabase db, const QString& sql) {
    QSqlQuery q(db);
    q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql);
    QStringList steps;
    while (q.next())
        steps << q.value(3).toString();
    return steps.join(QStringLiteral("; "));
}

void growAndQuery(QSqlDatabase db, qint64 targetPlays, ProfileId profile) {
    PlayLog log(db);
    const qint64 have = log.count(PlayQuery{}).value();
    if (targetPlays > have) {
        QElapsedTimer timer;
        timer.start();
        QSqlQuery q(db);
        q.exec(QStringLiteral("BEGIN"));
        q.prepare(QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
            "INSERT INTO plays(profile_id, track_id, started_at, utc_offset_minutes, ms_played, "
            "duration_ms, end_reason, counted, session_id) "
            "SELECT ?, (SELECT min(id) FROM tracks) + abs(random()) % (SELECT count(*) FROM "
            "tracks), 1262304000 + i * 150, 0, 180000, 200000, 'finished', 1, 1262304000 + i * "
            "150 FROM n"));
        q.addBindValue(targetPlays - have);
        q.addBindValue(profile);
        if (!q.exec())
            out << "grow: " << q.lastError().text() << "\n";
        q.exec(QStringLiteral("COMMIT"));
        out << QStringLiteral("grew the log to %1 plays in %2 s (bulk SQL, stats triggers on)\n")
                   .arg(log.count(PlayQuery{}).value())
                   .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1);
    }
    const qint64 day = 86400;
    const qint64 middle = 1262304000 + 700000 * 150;
    TrackId someTrack = 0;
    {
        QSqlQuery q(db);
        q.exec(
            QStringLiteral("SELECT track_id FROM plays WHERE profile_id = %1 LIMIT 1 OFFSET 5000")
                .arg(profile));
        if (q.next())
            someTrack = q.value(0).toLongLong();
    }
    struct Case {
        const char* name;
        PlayQuery query;
    };
    PlayQuery recent;
    recent.profile_id = profile;
    recent.limit = 50;
    PlayQuery ofTrack;
    ofTrack.profile_id = profile;
    ofTrack.track_id = someTrack;
    PlayQuery oneDay;
    oneDay.profile_id = profile;
    oneDay.since = middle;
    oneDay.until = middle + day;
    PlayQuery month;
    month.profile_id = profile;
    month.since = middle;
    month.until = middle + 30 * day;
    PlayQuery allProfilesDay;
    allProfilesDay.since = middle;
    allProfilesDay.until = middle + day;
    const Case cases[] = {{"recent 50 plays", recent},
                          {"plays of a track", ofTrack},
                          {"plays in one day", oneDay},
                          {"plays in 30 days", month},
                          {"one day, all profiles", allProfilesDay}};
    for (const Case& c : cases) {
        qint64 rows = 0;
        const qint64 us = medianMicros(7, [&] {
            rows = 0;
            log.forEach(c.query, [&rows](const PlayRecord&) {
                ++rows;
                return true;
            });
        });
        out << QStringLiteral("  %1 %2 rows in %3 ms\n")
                   .arg(QString::fromLatin1(c.name), -24)
                   .arg(rows, 6)
                   .arg(double(us) / 1000.0, 0, 'f', 2);
    }
    const qint64 statsUs = medianMicros(7, [&] { log.stats(profile, someTrack); });
    out << QStringLiteral("  %1 in %2 ms\n")
               .arg(QStringLiteral("track stats lookup"), -31)
               .arg(double(statsUs) / 1000.0, 0, 'f', 3);
    out << "  plan recent:  "
        << plan(db, QStringLiteral("SELECT * FROM plays WHERE profile_id = 1 ORDER BY started_at "
                                   "DESC LIMIT 50"))
        << "\n  plan track:   "
        << plan(db, QStringLiteral("SELECT * FROM plays WHERE track_id = 1"))
        << "\n  plan range:   "
        << plan(db, QStringLiteral("SELECT * FROM plays WHERE profile_id = 1 AND started_at >= 0 "
                                   "AND started_at < 100"))
        << "\n";
    // Privacy at scale: forgetting a profile's whole log (stats follow by trigger).
    QElapsedTimer timer;
    timer.start();
    ForgetQuery everything;
    everything.profile_id = profile;
    everything.everything = true;
    const Result<qint64> forgotten = log.forget(everything);
    out << QStringLiteral("forget --all: %1 plays in %2 s\n")
               .arg(forgotten ? forgotten.value() : -1)
               .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2);
    out.flush();
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    bench::ListenPlan listenPlan;
    qint64 plays = 1000000;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--listens"))
            listenPlan.listens = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--plays"))
            plays = args[i + 1].toLongLong();
        else if (args[i] == QLatin1String("--seed"))
            listenPlan.seed = args[i + 1].toUInt();
    }
    QTemporaryDir dir;
    Database database(dir.filePath(QStringLiteral("bench.sqlite")));
    const Status migrated = database.migrate();
    if (!migrated) {
        out << migrated.error() << "\n";
        return 2;
    }
    ScopedConnection connection(database, QStringLiteral("bench"));
    QSqlDatabase db = connection.db();
    if (!addLibrary(db, listenPlan))
        return 2;
    out << QStringLiteral("# bench_import: %1 listens over %2 songs (%3 in the library), seed %4\n")
               .arg(listenPlan.listens)
               .arg(listenPlan.songs)
               .arg(listenPlan.library_songs)
               .arg(listenPlan.seed);

    const QString spotify = dir.filePath(QStringLiteral("Streaming_History_Audio_2020.json"));
    {
        QFile file(spotify);
        file.open(QIODevice::WriteOnly);
        bench::writeSpotifyExtended(listenPlan, file);
    }
    bench::ListenPlan lbPlan = listenPlan;
    lbPlan.seed += 1000;
    const QString listenbrainz = dir.filePath(QStringLiteral("listens.jsonl"));
    {
        QFile file(listenbrainz);
        file.open(QIODevice::WriteOnly);
        bench::writeListenBrainzLines(lbPlan, file);
    }
    out << QStringLiteral("files: Spotify extended %1 MB, ListenBrainz JSONL %2 MB\n")
               .arg(QFile(spotify).size() / (1024 * 1024))
               .arg(QFile(listenbrainz).size() / (1024 * 1024));

    timeImport(db, QStringLiteral("import Spotify extended"), spotify, QStringLiteral("bench"));
    timeImport(db, QStringLiteral("re-import (all duplicates)"), spotify, QStringLiteral("bench"));
    timeImport(db, QStringLiteral("import ListenBrainz JSONL"), listenbrainz,
               QStringLiteral("bench-lb"));
    out << QStringLiteral("peak RSS %1 MB\n").arg(peakRssMb());

    if (plays > 0) {
        const Result<Profile> profile = ProfileStore(db).find(QStringLiteral("bench"));
        growAndQuery(db, plays, profile->id);
    }
    out.flush();
    return 0;
}
