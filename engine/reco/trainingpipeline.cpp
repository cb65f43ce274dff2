#include "reco/trainingpipeline.h"

#include "reco/checkpointfile.h"
#include "reco/offlineevaluation.h"
#include "reco/scorerregistry.h"
#include "reco/servingevaluation.h"
#include "reco/snapshotreader.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace encore {

namespace {

const QString kCancelled = QStringLiteral("cancelled");
constexpr double kStatusTrainShare = 0.9;  // the newest 10% per profile are held out
const std::vector<int> kStatusKs{10};
const std::vector<std::string> kStatusMethods{"two_tower", "popular", "blend"};

bool cancelled(const std::atomic<bool>* cancel) {
    return cancel && cancel->load(std::memory_order_relaxed);
}

QJsonObject weightsJson(const BlendWeights& weights) {
    QJsonObject o;
    for (const auto& [name, w] : weights)
        o.insert(QString::fromStdString(name), w);
    return o;
}

// Registered scorers' weights from a checkpoint; a name no longer registered is dropped, and
// checkpoints before the registry called the model's weight "model".
BlendWeights weightsFrom(const QJsonObject& o) {
    if (o.isEmpty())
        return defaultBlendWeights();
    BlendWeights weights;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const std::string name =
            it.key() == QLatin1String("model") ? std::string("two_tower") : it.key().toStdString();
        if (scorerKind(name) && it.value().toDouble() != 0.0)
            weights[name] = float(it.value().toDouble());
    }
    return weights;
}

// The serving model's facts, as the checkpoint keeps them.
RecoStatus statusFrom(const QJsonObject& meta) {
    RecoStatus s;
    s.state = RecoStatus::State::Ready;
    s.trained_at = meta.value(QStringLiteral("trained_at")).toInteger();
    s.plays = meta.value(QStringLiteral("plays")).toInteger();
    s.log_plays = meta.value(QStringLiteral("log_plays")).toInteger();
    s.epochs = meta.value(QStringLiteral("epochs")).toInt();
    s.loss = meta.value(QStringLiteral("loss")).toDouble();
    s.warm_start = meta.value(QStringLiteral("warm_start")).toBool();
    s.train_seconds = meta.value(QStringLiteral("train_seconds")).toDouble();
    const QJsonObject e = meta.value(QStringLiteral("evaluation")).toObject();
    s.hr10_model = e.value(QStringLiteral("hr10_model")).toDouble(-1.0);
    s.hr10_popular = e.value(QStringLiteral("hr10_popular")).toDouble(-1.0);
    s.hr10_blend = e.value(QStringLiteral("hr10_blend")).toDouble(-1.0);
    s.evaluated_plays = e.value(QStringLiteral("scored")).toInteger();
    s.validation_plays = e.value(QStringLiteral("validation")).toInteger();
    s.evaluated_at = e.value(QStringLiteral("at")).toInteger();
    return s;
}

reco::ModelConfig configFor(const RecoSettings& settings, const TrainingData& data) {
    reco::ModelConfig config = settings.dimensions;
    const reco::ModelConfig sizes = reco::ModelConfig::forCatalog(data.catalog, data.num_profiles);
    config.num_tracks = sizes.num_tracks;
    config.num_profiles = sizes.num_profiles;
    config.num_artists = sizes.num_artists;
    config.num_genres = sizes.num_genres;
    config.num_tokens = sizes.num_tokens;
    return config;
}

// Per profile (vocabulary index), the newest listen the model learned: kept with the checkpoint.
QJsonArray learnedUntil(const reco::Interactions& train) {
    std::vector<qint64> newest(size_t(train.profileCount()), 0);
    for (size_t i = 0; i < train.size(); ++i)
        newest[size_t(train.profile[i])] =
            qMax<qint64>(newest[size_t(train.profile[i])], train.timestamp[i]);
    QJsonArray out;
    for (const qint64 t : newest)
        out.append(t);
    return out;
}

// The listens of `log` a model with this `learned_until` learned from (all when unknown).
reco::Interactions learnedPart(const reco::Interactions& log, const QJsonArray& until) {
    if (until.isEmpty())
        return log;
    std::vector<size_t> rows;
    for (size_t i = 0; i < log.size(); ++i) {
        const int p = log.profile[i];
        if (p < until.size() && log.timestamp[i] <= until[p].toInteger())
            rows.push_back(i);
    }
    return log.subset(rows);
}

// A saved model may go on learning only if none of today's held-out listens is one it learned
// from (history deleted since can move older listens into the held-out part).
bool learnedNothingOf(const QJsonObject& meta, const HeldOutParts& parts) {
    const QJsonArray until = meta.value(QStringLiteral("learned_until")).toArray();
    if (until.isEmpty())
        return false;  // a checkpoint from before this was recorded: measure a fresh model
    for (const reco::Interactions* part : {&parts.validation, &parts.test}) {
        for (size_t i = 0; i < part->size(); ++i) {
            const int p = part->profile[i];
            if (p < until.size() && part->timestamp[i] <= until[p].toInteger())
                return false;
        }
    }
    return true;
}

}  // namespace

// The status figures of `model` (trained on parts.train, whose popularity `catalog` carries):
// the blend tuned on the validation plays, then model, most-played and blend on the test plays.
std::optional<QJsonObject> TrainingPipeline::measure(const reco::TwoTowerModel& model,
                                                     const reco::Catalog& catalog,
                                                     const HeldOutParts& parts,
                                                     const std::atomic<bool>* cancel) const {
    if (countPlays(parts.test) == 0 || parts.train.size() == 0)
        return QJsonObject{{QStringLiteral("at"), QDateTime::currentSecsSinceEpoch()},
                           {QStringLiteral("scored"), 0},
                           {QStringLiteral("weights"), weightsJson(defaultBlendWeights())}};
    reco::Expected<reco::CandidateIndex> index = model.buildIndex(catalog);
    if (!index)
        return std::nullopt;
    ScorerSet set = ScorerSet::baselines(catalog, parts.train);
    // Borrowed for the measurement only: the caller keeps the model.
    set.setModel(std::shared_ptr<const reco::TwoTowerModel>(&model, [](auto*) {}),
                 std::make_shared<const reco::CandidateIndex>(std::move(index).value()));
    const std::optional<ServingMeasurement> m =
        measureAsServed(set, parts, kStatusMethods, kStatusKs, settings_.status_eval_plays, cancel);
    if (!m)
        return std::nullopt;
    auto hr10 = [&](const char* name) {
        const MethodResult* r = m->method(name);
        return r ? r->report.all.hr[0] : -1.0;
    };
    return QJsonObject{{QStringLiteral("hr10_model"), hr10("two_tower")},
                       {QStringLiteral("hr10_popular"), hr10("popular")},
                       {QStringLiteral("hr10_blend"), hr10("blend")},
                       {QStringLiteral("scored"), m->test_plays},
                       {QStringLiteral("validation"), qint64(m->validation_queries)},
                       {QStringLiteral("at"), QDateTime::currentSecsSinceEpoch()},
                       {QStringLiteral("weights"), weightsJson(m->weights)}};
}

TrainingPipeline::TrainingPipeline(Database database, RecoSettings settings, QString connectionName)
    : database_(std::move(database))
    , settings_(std::move(settings))
    , connection_name_(std::move(connectionName)) {}

Result<TrainingPipeline::Outcome> TrainingPipeline::run(
    Mode mode, const std::atomic<bool>* cancel,
    const std::function<void(const RecoStatus&)>& progress,
    const std::function<void(PublishedModelPtr)>& interim) {
    Outcome outcome;
    LogSnapshot snapshot;
    {
        ScopedConnection connection(database_, connection_name_);
        if (!connection.ok())
            return Error{connection.error()};
        Result<LogSnapshot> read = SnapshotReader(connection.db()).read(cancel);
        if (!read)
            return Error{read.error()};
        snapshot = std::move(read).value();
    }  // no connection is held while training

    const QString& path = settings_.checkpoint_path;
    std::optional<CheckpointFile::Contents> checkpoint;
    if (!path.isEmpty())
        CheckpointFile::removeLeftovers(path);
    if (!path.isEmpty() && QFile::exists(path)) {
        Result<CheckpointFile::Contents> read = CheckpointFile::read(path);
        if (read) {
            checkpoint = std::move(read).value();
        } else {
            outcome.notes << read.error();
            QFile::remove(path);
        }
    }
    RecoVocabulary vocabulary = checkpoint ? checkpoint->vocabulary : RecoVocabulary();
    std::optional<TrainingData> built = TrainingData::build(snapshot, vocabulary, cancel);
    if (!built)
        return Error{kCancelled};
    TrainingData data = std::move(*built);
    snapshot = LogSnapshot();
    data.assignPopularity(data.log);

    QJsonObject meta = checkpoint ? checkpoint->meta : QJsonObject();
    if (data.plays < settings_.min_plays_for_model) {
        RecoStatus status;
        status.state = RecoStatus::State::Baselines;
        status.plays = data.plays;
        status.log_plays = data.plays;
        status.message = QStringLiteral(
                             "%1 plays so far: recommendations come from play counts "
                             "and tags until there are %2 to learn from.")
                             .arg(data.plays)
                             .arg(settings_.min_plays_for_model);
        ScorerSet set = ScorerSet::baselines(data.catalog, data.log);
        outcome.model = assemblePublishedModel(std::move(data), vocabulary, std::move(set),
                                               baselineBlendWeights(), status);
        return outcome;
    }

    const reco::ModelConfig config = configFor(settings_, data);
    std::optional<reco::TwoTowerModel> model;
    if (checkpoint) {
        Result<reco::TwoTowerModel> loaded = CheckpointFile::loadModel(*checkpoint, path, config);
        if (loaded) {
            model.emplace(std::move(loaded).value());
        } else {
            outcome.notes << loaded.error();
            QFile::remove(path);
            meta = {};
        }
    }
    const bool have_checkpoint_model = model.has_value();
    // The candidate tower serves with the popularity it learned and was measured with.
    reco::Catalog served_catalog = data.catalog;
    if (mode == Mode::Train || !have_checkpoint_model) {
        RecoStatus training = have_checkpoint_model ? statusFrom(meta) : RecoStatus();
        training.state = RecoStatus::State::Training;
        training.log_plays = data.plays;
        training.message = QStringLiteral("Learning from %1 plays.").arg(data.plays);
        if (progress)
            progress(training);
        if (interim && !have_checkpoint_model) {
            RecoStatus serving = training;
            serving.message = QStringLiteral(
                                  "Learning from %1 plays; play counts and tags "
                                  "recommend meanwhile.")
                                  .arg(data.plays);
            ScorerSet set = ScorerSet::baselines(data.catalog, data.log);
            interim(assemblePublishedModel(data, vocabulary, std::move(set), baselineBlendWeights(),
                                           serving));
        }

        // The model that serves is the one measured: it learns from all but the newest listens
        // of each profile, which then tune the blend (older half) and give the status figures.
        const HeldOutParts parts = splitForEvaluation(data.log, SplitKind::Time, kStatusTrainShare);
        if (model && !learnedNothingOf(meta, parts)) {
            outcome.notes << QStringLiteral(
                "the saved model had learned listens that are now held out (history was "
                "deleted): training a new one");
            model.reset();
        }
        const bool warm = model.has_value();
        if (!model) {
            reco::Expected<reco::TwoTowerModel> created = reco::TwoTowerModel::create(config);
            if (!created)
                return Error{QString::fromStdString(created.error())};
            model.emplace(std::move(created).value());
        }
        if (cancelled(cancel))
            return Error{kCancelled};
        served_catalog = data.catalogWithPopularityOf(parts.train);  // nothing held out leaks
        const int epochs = warm ? settings_.warm_epochs : settings_.cold_epochs;
        const reco::Expected<reco::TrainStats> stats =
            model->train(parts.train, served_catalog, settings_.trainOptions(epochs), cancel);
        if (!stats)
            return Error{QString::fromStdString(stats.error())};
        if (stats->cancelled)
            return Error{kCancelled};

        const std::optional<QJsonObject> evaluation =
            measure(*model, served_catalog, parts, cancel);
        if (!evaluation)
            return Error{kCancelled};
        meta.insert(QStringLiteral("evaluation"), *evaluation);
        meta.insert(QStringLiteral("trained_at"), QDateTime::currentSecsSinceEpoch());
        meta.insert(QStringLiteral("plays"), countPlays(parts.train));
        meta.insert(QStringLiteral("log_plays"), data.plays);
        meta.insert(QStringLiteral("learned_until"), learnedUntil(parts.train));
        meta.insert(QStringLiteral("epochs"), stats->epochs_completed);
        meta.insert(QStringLiteral("loss"), stats->final_loss);
        meta.insert(QStringLiteral("warm_start"), warm);
        meta.insert(QStringLiteral("train_seconds"), stats->seconds);
        outcome.trained = true;
        if (!path.isEmpty()) {
            const Status saved = CheckpointFile::save(path, vocabulary, meta, *model);
            if (!saved)
                outcome.notes << saved.error();
        }
    }
    if (cancelled(cancel))
        return Error{kCancelled};
    if (!outcome.trained)
        served_catalog = data.catalogWithPopularityOf(
            learnedPart(data.log, meta.value(QStringLiteral("learned_until")).toArray()));
    reco::Expected<reco::CandidateIndex> index = model->buildIndex(served_catalog);
    if (!index)
        return Error{QString::fromStdString(index.error())};
    if (cancelled(cancel))
        return Error{kCancelled};
    // The counting scorers follow the whole log, as they do between retrainings.
    ScorerSet set = ScorerSet::baselines(data.catalog, data.log);
    set.setModel(std::make_shared<const reco::TwoTowerModel>(std::move(*model)),
                 std::make_shared<const reco::CandidateIndex>(std::move(index).value()));
    const BlendWeights weights = weightsFrom(meta.value(QStringLiteral("evaluation"))
                                                 .toObject()
                                                 .value(QStringLiteral("weights"))
                                                 .toObject());
    RecoStatus status = statusFrom(meta);
    status.log_plays = data.plays;
    outcome.model =
        assemblePublishedModel(std::move(data), vocabulary, std::move(set), weights, status);
    return outcome;
}

}  // namespace encore
