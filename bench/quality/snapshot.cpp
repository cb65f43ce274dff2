// bench_snapshot [--plays N] [--tracks T] [--cache DIR]
// Seconds to read the recommender's snapshot of a large log (issue 4: "a snapshot of 1M plays
// should take a second or two"), to turn it into training arrays, and to build what serving
// needs besides the model (baselines, reason facts). The log is generated once into a real
// database (library tracks through TrackStore, plays through PlayLog with sessions).
#include "benchdatabase.h"

#include "reco/core/contentscorer.h"
#include "reco/core/cooccurrencescorer.h"
#include "reco/core/popularscorer.h"
#include "reco/core/userpopularscorer.h"
#include "reco/publishedmodel.h"
#include "reco/recommender.h"
#include "reco/servingcontext.h"
#include "reco/snapshotreader.h"
#include "reco/trainingdata.h"
#include "store/playlog.h"
#include "store/profilestore.h"
#include "store/trackstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace encore;

namespace {

QTextStream out(stdout);

constexpr qint64 kStart = 1577836800;  // 2020-01-01 UTC
constexpr int kProfiles = 4;
constexpr int kArtists = 5000;
constexpr double kZipfExponent = 1.0;  // track popularity ~ 1 / rank

long peakRssMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

bool generate(const QString& path, qint64 plays, int tracks) {
    const Database database(path);
    if (!database.migrate())
        return false;
    ScopedConnection connection(database, QStringLiteral("bench-generate"));
    QSqlDatabase db = connection.db();
    QList<TrackWrite> writes;
    for (int t = 0; t < tracks; ++t) {
        TrackWrite w;
        w.track.key = QStringLiteral("bench:%1").arg(t);
        w.track.path = QStringLiteral("/music/bench/%1.flac").arg(t);
        w.track.tags.artist = QStringLiteral("Artist %1").arg(t % kArtists);
        w.track.tags.title = QStringLiteral("Song %1 of the night").arg(t);
        w.track.tags.genres = {QStringLiteral("Genre %1").arg(t % 40)};
        w.track.tags.duration_ms = 200000;
        writes.append(w);
    }
    if (!TrackStore(db).writeBatch(writes, kStart))
        return false;
    std::vector<TrackId> ids;
    for (const TrackWrite& w : writes)
        ids.push_back(w.track.id);
    std::vector<double> weights(ids.size());
    for (size_t r = 0; r < weights.size(); ++r)
        weights[r] = 1.0 / std::pow(double(r + 1), kZipfExponent);
    std::discrete_distribution<size_t> pick(weights.begin(), weights.end());
    std::mt19937_64 rng(7);
    std::vector<ProfileId> profiles;
    for (int p = 0; p < kProfiles; ++p)
        profiles.push_back(ProfileStore(db).ensure(QStringLiteral("listener %1").arg(p))->id);
    ScopedTransaction transaction(db);
    PlayLog log(db);
    const qint64 per_profile = plays / kProfiles;
    for (ProfileId profile : profiles) {
        qint64 t = kStart;
        for (qint64 i = 0; i < per_profile; ++i) {
            Play p;
            p.profile_id = profile;
            p.track_id = ids[pick(rng)];
            p.started_at = t;
            p.duration_ms = 200000;
            const bool skip = rng() % 10 == 0;
            p.counted = !skip;
            p.end_reason = skip ? EndReason::Skipped : EndReason::Finished;
            p.ms_played = skip ? 10000 : 200000;
            if (!log.insert(p))
                return false;
            t += (i % 12 == 11) ? 4 * 3600 : 200;  // sessions of 12
        }
        if (!log.assignSessions(profile, kStart, t))
            return false;
    }
    return transaction.commit().ok();
}

double percentile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[static_cast<size_t>(q * double(v.size() - 1))];
}

// "Recommended next" end to end on this log: the request's context read from the database,
// then the blend (model + baselines) over every track, the exclusions, diversity and reasons.
// The model is untrained (speed does not depend on its weights).
void serving(const Database& database) {
    ScopedConnection connection(database, QStringLiteral("bench-serving"));
    Result<LogSnapshot> snapshot = SnapshotReader(connection.db()).read();
    RecoVocabulary vocabulary;
    std::optional<TrainingData> data = TrainingData::build(snapshot.value(), vocabulary);
    data->assignPopularity(data->log);
    reco::Expected<reco::TwoTowerModel> model = reco::TwoTowerModel::create(
        reco::ModelConfig::forCatalog(data->catalog, data->num_profiles));
    QElapsedTimer timer;
    timer.start();
    auto index = std::make_shared<reco::CandidateIndex>(model->buildIndex(data->catalog).value());
    const double index_s = double(timer.nsecsElapsed()) / 1e9;
    ScorerSet set = ScorerSet::baselines(data->catalog, data->log);
    set.setModel(std::make_shared<reco::TwoTowerModel>(std::move(model).value()), index);
    RecoStatus status;
    const int32_t tracks = data->catalog.size();
    const PublishedModelPtr published =
        assemblePublishedModel(std::move(*data), vocabulary, set, defaultBlendWeights(), status);
    std::vector<double> context_ms, rank_ms;
    std::mt19937_64 rng(3);
    for (int i = 0; i < 200; ++i) {
        RecommendRequest request;
        request.profile = vocabulary.profileId(1 + int(rng() % kProfiles));
        request.current_track = vocabulary.trackId(int32_t(rng() % uint64_t(tracks)));
        request.now = kStart + 86400 * 30;
        timer.start();
        const Result<ServingContext> context = ServingContext::read(connection.db(), request);
        context_ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        timer.start();
        const QList<Recommendation> list =
            Recommender::recommendNext(*published, context.value(), 10);
        rank_ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (list.size() != 10)
            out << "unexpected: " << list.size() << " recommendations\n";
    }
    out << QStringLiteral(
               "serving over %1 tracks (blend of model and baselines): index build %2 s; "
               "context read p50 %3 ms p99 %4 ms; ranking + reasons p50 %5 ms p99 %6 ms\n")
               .arg(tracks)
               .arg(index_s, 0, 'f', 2)
               .arg(percentile(context_ms, 0.5), 0, 'f', 2)
               .arg(percentile(context_ms, 0.99), 0, 'f', 2)
               .arg(percentile(rank_ms, 0.5), 0, 'f', 2)
               .arg(percentile(rank_ms, 0.99), 0, 'f', 2);
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("plays"), QStringLiteral("Plays (default 1000000)"), QStringLiteral("N")},
         {QStringLiteral("tracks"), QStringLiteral("Tracks (default 100000)"), QStringLiteral("T")},
         {QStringLiteral("cache"), QStringLiteral("Keep the database here"),
          QStringLiteral("DIR")}});
    parser.process(app);
    const qint64 plays = parser.isSet(QStringLiteral("plays"))
                             ? parser.value(QStringLiteral("plays")).toLongLong()
                             : 1000000;
    const int tracks = parser.isSet(QStringLiteral("tracks"))
                           ? parser.value(QStringLiteral("tracks")).toInt()
                           : 100000;
    QTemporaryDir temp;
    const QString dir =
        parser.isSet(QStringLiteral("cache")) ? parser.value(QStringLiteral("cache")) : temp.path();
    QDir().mkpath(dir);
    const QString path =
        QDir(dir).filePath(QStringLiteral("snapshot-%1-%2.sqlite").arg(plays).arg(tracks));
    QElapsedTimer timer;
    if (!QFile::exists(path)) {
        timer.start();
        if (!generate(path, plays, tracks)) {
            out << "generating the log failed\n";
            return 1;
        }
        out << QStringLiteral("generated %1 listens over %2 tracks in %3 s\n")
                   .arg(plays)
                   .arg(tracks)
                   .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1);
    }
    const Database database(path);
    for (int round = 0; round < 3; ++round) {
        ScopedConnection connection(database, QStringLiteral("bench-snapshot"));
        timer.start();
        Result<LogSnapshot> snapshot = SnapshotReader(connection.db()).read();
        const double read_s = double(timer.nsecsElapsed()) / 1e9;
        if (!snapshot) {
            out << snapshot.error() << "\n";
            return 1;
        }
        timer.start();
        RecoVocabulary vocabulary;
        std::optional<TrainingData> data = TrainingData::build(snapshot.value(), vocabulary);
        data->assignPopularity(data->log);
        const double build_s = double(timer.nsecsElapsed()) / 1e9;
        timer.start();
        ScorerSet set = ScorerSet::baselines(data->catalog, data->log);
        const double baselines_s = double(timer.nsecsElapsed()) / 1e9;
        if (round == 0) {
            // Each baseline alone (none of them checks the cancel flag inside).
            QElapsedTimer part;
            part.start();
            reco::PopularScorer popular(data->log, data->catalog.size());
            const double popular_s = double(part.nsecsElapsed()) / 1e9;
            part.start();
            reco::UserPopularScorer user(data->log, data->catalog.size());
            const double user_s = double(part.nsecsElapsed()) / 1e9;
            part.start();
            reco::CooccurrenceScorer cooc(data->log, data->catalog.size());
            const double cooc_s = double(part.nsecsElapsed()) / 1e9;
            part.start();
            reco::ContentScorer content(data->catalog, data->log);
            const double content_s = double(part.nsecsElapsed()) / 1e9;
            out << QStringLiteral(
                       "baselines alone: popular %1 s, user_popular %2 s, "
                       "cooccurrence %3 s, content %4 s\n")
                       .arg(popular_s, 0, 'f', 2)
                       .arg(user_s, 0, 'f', 2)
                       .arg(cooc_s, 0, 'f', 2)
                       .arg(content_s, 0, 'f', 2);
        }
        timer.start();
        const ReasonIndex reasons =
            ReasonIndex::build(data->log, data->catalog, data->num_profiles);
        const double reasons_s = double(timer.nsecsElapsed()) / 1e9;
        out << QStringLiteral(
                   "round %1: snapshot of %2 listens, %3 tracks: read %4 s, training "
                   "arrays %5 s (total %6 s); baselines %7 s, reason facts %8 s; "
                   "peak RSS %9 MB\n")
                   .arg(round + 1)
                   .arg(snapshot->listens.size())
                   .arg(snapshot->tracks.size())
                   .arg(read_s, 0, 'f', 2)
                   .arg(build_s, 0, 'f', 2)
                   .arg(read_s + build_s, 0, 'f', 2)
                   .arg(baselines_s, 0, 'f', 2)
                   .arg(reasons_s, 0, 'f', 2)
                   .arg(peakRssMb());
        out.flush();
    }
    serving(database);
    return 0;
}
