#include "reco/trainingpipeline.h"

#include "reco/blendtuner.h"
#include "reco/checkpointfile.h"
#include "reco/core/split.h"
#include "reco/offlineevaluation.h"
#include "reco/snapshotreader.h"

#include <QDateTime>
#include <QFile>
#include <QJsonObject>

namespace encore {

namespace {

const QString kCancelled = QStringLiteral("cancelled");
constexpr double kStatusTrainShare = 0.9;  // the newest 10% per profile are held out
constexpr double kValidationShare = 0.5;   // older half of them tunes the blend
const std::vector<int> kStatusKs{10};

bool cancelled(const std::atomic<bool>* cancel) {
    return cancel && cancel->load(std::memory_order_relaxed);
}

QJsonObject weightsJson(const BlendWeights& w) {
    return {{QStringLiteral("model"), w.model},
            {QStringLiteral("cooccurrence"), w.cooccurrence},
            {QStringLiteral("user_popular"), w.user_popular},
            {QStringLiteral("content"), w.content}};
}

BlendWeights weightsFrom(const QJsonObject& o) {
    if (o.isEmpty())
        return defaultBlendWeights();
    return {float(o.value(QStringLiteral("model")).toDouble()),
            float(o.value(QStringLiteral("cooccurrence")).toDouble()),
            float(o.value(QStringLiteral("user_popular")).toDouble()),
            float(o.value(QStringLiteral("content")).toDouble())};
}

// The serving model's facts, as the checkpoint keeps them.
RecoStatus statusFrom(const QJsonObject& meta) {
    RecoStatus s;
    s.state = RecoStatus::State::Ready;
    s.trained_at = meta.value(QStringLiteral("trained_at")).toInteger();
    s.plays = meta.value(QStringLiteral("plays")).toInteger();
    s.epochs = meta.value(QStringLiteral("epochs")).toInt();
    s.loss = meta.value(QStringLiteral("loss")).toDouble();
    s.warm_start = meta.value(QStringLiteral("warm_start")).toBool();
    s.train_seconds = meta.value(QStringLiteral("train_seconds")).toDouble();
    const QJsonObject e = meta.value(QStringLiteral("evaluation")).toObject();
    s.hr10_model = e.value(QStringLiteral("hr10_model")).toDouble(-1.0);
    s.hr10_popular = e.value(QStringLiteral("hr10_popular")).toDouble(-1.0);
    s.hr10_blend = e.value(QStringLiteral("hr10_blend")).toDouble(-1.0);
    s.evaluated_plays = e.value(QStringLiteral("scored")).toInteger();
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

reco::TrainOptions trainOptions(const RecoSettings& settings, int epochs) {
    reco::TrainOptions options;
    options.epochs = epochs;
    options.use_skip_negatives = settings.use_skip_negatives;
    options.num_threads = 1;  // the other core belongs to the GUI and the scanner
    return options;
}

}  // namespace

struct TrainingPipeline::Evaluation {
    BlendWeights weights;
    QJsonObject json;
};

TrainingPipeline::TrainingPipeline(Database database, RecoSettings settings, QString connectionName)
    : database_(std::move(database))
    , settings_(std::move(settings))
    , connection_name_(std::move(connectionName)) {}

std::optional<TrainingPipeline::Evaluation> TrainingPipeline::evaluate(
    const TrainingData& data, const std::atomic<bool>* cancel) {
    const reco::Split split = reco::timeSplit(data.log, kStatusTrainShare);
    const reco::Split holdout = reco::timeSplit(split.test, kValidationShare);
    const reco::Interactions test = samplePlays(holdout.test, settings_.status_eval_plays);
    if (test.size() == 0 || split.train.size() == 0)
        return Evaluation{defaultBlendWeights(), {}};
    TrainingData eval_data = data;
    eval_data.assignPopularity(split.train);
    Result<ScorerSet> set = trainScorerSet(
        eval_data.catalog, eval_data.num_profiles, split.train, configFor(settings_, eval_data),
        trainOptions(settings_, settings_.cold_epochs), cancel, nullptr);
    if (!set)
        return std::nullopt;
    const std::optional<TunedBlend> tuned =
        tuneBlend(set->blendComponents(), holdout.train, settings_.status_eval_plays, cancel);
    if (!tuned)
        return std::nullopt;
    const BlendWeights weights =
        tuned->queries >= kMinBlendTuningPlays ? tuned->weights : defaultBlendWeights();
    const BlendScorer blend(set->blendComponents(), weights);
    double figures[3] = {-1.0, -1.0, -1.0};
    const reco::Scorer* scorers[3] = {set->two_tower.get(), set->popular.get(), &blend};
    for (int i = 0; i < 3; ++i) {
        const std::optional<reco::EvalReport> r =
            evaluateScorer(*scorers[i], split.train, test, kStatusKs, cancel);
        if (!r)
            return std::nullopt;
        figures[i] = r->all.hr[0];
    }
    Evaluation e;
    e.weights = weights;
    e.json = {{QStringLiteral("hr10_model"), figures[0]},
              {QStringLiteral("hr10_popular"), figures[1]},
              {QStringLiteral("hr10_blend"), figures[2]},
              {QStringLiteral("scored"), qint64(test.size())},
              {QStringLiteral("at"), QDateTime::currentSecsSinceEpoch()},
              {QStringLiteral("log_plays"), data.plays},
              {QStringLiteral("weights"), weightsJson(weights)}};
    return e;
}

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
    const bool warm = model.has_value();
    if (mode == Mode::Train || !warm) {
        RecoStatus training = warm ? statusFrom(meta) : RecoStatus();
        training.state = RecoStatus::State::Training;
        training.message = QStringLiteral("Learning from %1 plays.").arg(data.plays);
        if (progress)
            progress(training);
        if (interim && !warm) {
            RecoStatus serving = training;
            serving.message = QStringLiteral(
                                  "Learning from %1 plays; play counts and tags "
                                  "recommend meanwhile.")
                                  .arg(data.plays);
            ScorerSet set = ScorerSet::baselines(data.catalog, data.log);
            interim(assemblePublishedModel(data, vocabulary, std::move(set), baselineBlendWeights(),
                                           serving));
        }
        const QJsonObject last = meta.value(QStringLiteral("evaluation")).toObject();
        const double measured_at = last.value(QStringLiteral("log_plays")).toDouble(0.0);
        if (last.isEmpty() ||
            double(data.plays) >= measured_at * (1.0 + settings_.reevaluate_growth)) {
            const std::optional<Evaluation> e = evaluate(data, cancel);
            if (!e)
                return Error{kCancelled};
            meta.insert(QStringLiteral("evaluation"), e->json);
        }
        if (!model) {
            reco::Expected<reco::TwoTowerModel> created = reco::TwoTowerModel::create(config);
            if (!created)
                return Error{QString::fromStdString(created.error())};
            model.emplace(std::move(created).value());
        }
        if (cancelled(cancel))
            return Error{kCancelled};
        const int epochs = warm ? settings_.warm_epochs : settings_.cold_epochs;
        const reco::Expected<reco::TrainStats> stats =
            model->train(data.log, data.catalog, trainOptions(settings_, epochs), cancel);
        if (!stats)
            return Error{QString::fromStdString(stats.error())};
        if (stats->cancelled)
            return Error{kCancelled};
        meta.insert(QStringLiteral("trained_at"), QDateTime::currentSecsSinceEpoch());
        meta.insert(QStringLiteral("plays"), data.plays);
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
    reco::Expected<reco::CandidateIndex> index = model->buildIndex(data.catalog);
    if (!index)
        return Error{QString::fromStdString(index.error())};
    if (cancelled(cancel))
        return Error{kCancelled};
    ScorerSet set = ScorerSet::baselines(data.catalog, data.log);
    set.setModel(std::make_shared<const reco::TwoTowerModel>(std::move(*model)),
                 std::make_shared<const reco::CandidateIndex>(std::move(index).value()));
    const BlendWeights weights = weightsFrom(meta.value(QStringLiteral("evaluation"))
                                                 .toObject()
                                                 .value(QStringLiteral("weights"))
                                                 .toObject());
    outcome.model = assemblePublishedModel(std::move(data), vocabulary, std::move(set), weights,
                                           statusFrom(meta));
    return outcome;
}

}  // namespace encore
