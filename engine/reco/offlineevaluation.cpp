#include "reco/offlineevaluation.h"

#include "reco/blendscorer.h"
#include "reco/blendtuner.h"
#include "reco/core/candidateindex.h"
#include "reco/core/split.h"
#include "reco/core/twotowermodel.h"
#include "reco/publishedmodel.h"
#include "reco/scorerregistry.h"

#include <QJsonArray>

#include <algorithm>
#include <unordered_set>

namespace encore {

namespace {

constexpr size_t kQueriesPerBatch = 32;  // scored together between cancel checks (~20 ms)
constexpr size_t kMaxBatchScores = size_t(1) << 22;  // 16 MB of scores at most per batch

bool cancelled(const std::atomic<bool>* cancel) {
    return cancel && cancel->load(std::memory_order_relaxed);
}

int64_t profileTrackKey(int32_t profile, int32_t track) {
    return (int64_t(profile) << 32) | uint32_t(track);
}

// Every metric at every K, keys prefixed (""/"repeat_"/"new_"), all values numbers.
void addMetrics(QJsonObject& o, const QString& prefix, const reco::MetricSet& set,
                const std::vector<int>& ks) {
    for (size_t j = 0; j < ks.size(); ++j) {
        o.insert(prefix + QStringLiteral("hr@%1").arg(ks[j]), set.hr[j]);
        o.insert(prefix + QStringLiteral("ndcg@%1").arg(ks[j]), set.ndcg[j]);
        o.insert(prefix + QStringLiteral("top_%1").arg(ks[j]), set.top_k[j]);
    }
    o.insert(prefix + QStringLiteral("count"), static_cast<qint64>(set.count));
}

// "profile_hr@10", "profile_hr@10_low", "profile_hr@10_high", the same for NDCG, "profiles".
void addProfileIntervals(QJsonObject& o, const reco::EvalReport& report) {
    for (const auto& [name, metric] :
         {std::pair{"hr", reco::Metric::HitRate}, std::pair{"ndcg", reco::Metric::Ndcg}}) {
        const reco::ProfileInterval interval = reco::perProfile(report, metric, kIntervalK);
        if (interval.profiles == 0)
            continue;
        const QString key =
            QStringLiteral("profile_%1@%2").arg(QLatin1String(name)).arg(kIntervalK);
        o.insert(key, interval.mean);
        o.insert(key + QStringLiteral("_low"), interval.low);
        o.insert(key + QStringLiteral("_high"), interval.high);
        o.insert(QStringLiteral("profiles"), static_cast<qint64>(interval.profiles));
    }
}

}  // namespace

EvalSettings EvalSettings::asServed(const RecoSettings& settings) {
    EvalSettings e;
    e.split = SplitKind::Time;
    e.train_fraction = 0.9;
    e.model = settings.dimensions;
    e.train = settings.trainOptions(settings.cold_epochs);
    e.include_blend = true;
    return e;
}

QString EvalSettings::splitName() const {
    const QString kind = split == SplitKind::Time         ? QStringLiteral("time")
                         : split == SplitKind::GlobalTime ? QStringLiteral("global-time")
                                                          : QStringLiteral("random");
    return QStringLiteral("%1:%2").arg(kind).arg(train_fraction);
}

bool EvalSettings::parseSplit(const QString& text, EvalSettings* settings, QString* error) {
    const QStringList parts = text.split(QLatin1Char(':'));
    bool ok = parts.size() == 2;
    const double fraction = ok ? parts[1].toDouble(&ok) : 0.0;
    const QString kind = ok ? parts[0] : QString();
    if (!ok || !(fraction > 0.0 && fraction < 1.0) ||
        (kind != QLatin1String("time") && kind != QLatin1String("global-time") &&
         kind != QLatin1String("random"))) {
        *error = QStringLiteral(
                     "--split \"%1\" is not understood: use time:F, global-time:F or random:F "
                     "with 0 < F < 1 (the training share), e.g. time:0.9")
                     .arg(text);
        return false;
    }
    settings->split = kind == QLatin1String("time")          ? SplitKind::Time
                      : kind == QLatin1String("global-time") ? SplitKind::GlobalTime
                                                             : SplitKind::Random;
    settings->train_fraction = fraction;
    return true;
}

const MethodResult* EvalResult::method(const std::string& name) const {
    for (const MethodResult& m : methods) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

QJsonObject EvalResult::toJson() const {
    QJsonObject results;
    for (const MethodResult& m : methods) {
        QJsonObject o;
        addMetrics(o, QString(), m.report.all, m.report.ks);
        addMetrics(o, QStringLiteral("repeat_"), m.report.repeat, m.report.ks);
        addMetrics(o, QStringLiteral("new_"), m.report.fresh, m.report.ks);
        addProfileIntervals(o, m.report);
        results.insert(QString::fromStdString(m.name), o);
    }
    return QJsonObject{{QStringLiteral("split"), split}, {QStringLiteral("results"), results}};
}

QString blendWeightsText(const EvalResult& result) {
    const TunedBlend& t = result.blend_tuning;
    QString text = QStringLiteral(
                       "  blend: learned on %1 validation plays (the older half of the held-out "
                       "part); HR@10 there: defaults %2, listwise model %3, after the HR@10 "
                       "search %4\n")
                       .arg(t.queries)
                       .arg(t.default_hr10, 0, 'f', 4)
                       .arg(t.softmax_hr10, 0, 'f', 4)
                       .arg(t.hr10, 0, 'f', 4);
    for (const ScorerKind& kind : scorerKinds()) {
        if (!kind.in_blend)
            continue;
        text += QStringLiteral("    %1 %2  (%3)\n")
                    .arg(QString::fromStdString(kind.name), -13)
                    .arg(double(weightOf(result.blend_weights, kind.name)), 7, 'g', 3)
                    .arg(QString::fromStdString(kind.reason));
    }
    return text;
}

reco::Interactions samplePlays(const reco::Interactions& test, size_t max) {
    std::vector<size_t> rows;
    for (size_t i = 0; i < test.size(); ++i) {
        if (test.feedback[i] == reco::Feedback::kPlay)
            rows.push_back(i);
    }
    if (max > 0 && rows.size() > max) {
        std::vector<size_t> spread(max);
        for (size_t j = 0; j < max; ++j)
            spread[j] = rows[j * rows.size() / max];
        rows.swap(spread);
    }
    return test.subset(rows);
}

std::optional<reco::EvalReport> evaluateScorer(const reco::Scorer& scorer,
                                               const reco::Interactions& train,
                                               const reco::Interactions& test,
                                               const std::vector<int>& ks,
                                               const std::atomic<bool>* cancel) {
    std::unordered_set<int64_t> played;
    for (size_t i = 0; i < train.size(); ++i) {
        if (train.feedback[i] == reco::Feedback::kPlay)
            played.insert(profileTrackKey(train.profile[i], train.target[i]));
    }
    std::vector<size_t> rows;
    for (size_t i = 0; i < test.size(); ++i) {
        if (test.feedback[i] == reco::Feedback::kPlay)
            rows.push_back(i);
    }
    const size_t n = static_cast<size_t>(scorer.size());
    const size_t per_batch =
        std::clamp<size_t>(kMaxBatchScores / std::max<size_t>(n, 1), 1, kQueriesPerBatch);
    reco::MetricAccumulator metrics(ks);
    std::vector<float> scores;
    for (size_t begin = 0; begin < rows.size(); begin += per_batch) {
        if (cancelled(cancel))
            return std::nullopt;
        const size_t count = std::min(per_batch, rows.size() - begin);
        std::vector<reco::Query> queries;
        for (size_t j = 0; j < count; ++j)
            queries.push_back(reco::Query::fromExample(test, rows[begin + j]));
        scores.resize(count * n);
        scorer.scoreBatch(queries, scores.data());
        for (size_t j = 0; j < count; ++j) {
            const size_t i = rows[begin + j];
            const reco::RankOutcome rank =
                reco::rankTarget(scores.data() + j * n, n, test.target[i]);
            metrics.add(rank, played.count(profileTrackKey(test.profile[i], test.target[i])) > 0,
                        test.profile[i]);
        }
    }
    return metrics.report();
}

Result<ScorerSet> trainScorerSet(const reco::Catalog& catalog, int32_t num_profiles,
                                 const reco::Interactions& train,
                                 const reco::ModelConfig& dimensions,
                                 const reco::TrainOptions& options, const std::atomic<bool>* cancel,
                                 reco::TrainStats* stats) {
    ScorerSet set = ScorerSet::baselines(catalog, train);
    reco::ModelConfig config = dimensions;
    const reco::ModelConfig sizes = reco::ModelConfig::forCatalog(catalog, num_profiles);
    config.num_tracks = sizes.num_tracks;
    config.num_profiles = sizes.num_profiles;
    config.num_artists = sizes.num_artists;
    config.num_genres = sizes.num_genres;
    config.num_tokens = sizes.num_tokens;
    reco::Expected<reco::TwoTowerModel> created = reco::TwoTowerModel::create(config);
    if (!created)
        return Error{QString::fromStdString(created.error())};
    auto model = std::make_shared<reco::TwoTowerModel>(std::move(created).value());
    const reco::Expected<reco::TrainStats> trained = model->train(train, catalog, options, cancel);
    if (!trained)
        return Error{QString::fromStdString(trained.error())};
    if (trained->cancelled)
        return Error{QStringLiteral("cancelled")};
    if (stats)
        *stats = trained.value();
    reco::Expected<reco::CandidateIndex> index = model->buildIndex(catalog);
    if (!index)
        return Error{QString::fromStdString(index.error())};
    set.setModel(model, std::make_shared<reco::CandidateIndex>(std::move(index).value()));
    return set;
}

Result<EvalResult> evaluateOffline(TrainingData data, const EvalSettings& settings,
                                   const std::atomic<bool>* cancel, const EvalProgress& progress) {
    const Error cancelledError{QStringLiteral("cancelled")};
    auto stage = [&](const QString& text) {
        if (progress)
            progress(text);
    };
    const HeldOutParts parts =
        splitForEvaluation(data.log, settings.split, settings.train_fraction, settings.split_seed);
    const qint64 test_plays = countPlays(parts.test);
    if (parts.train.size() == 0 || test_plays == 0)
        return Error{QStringLiteral("There are too few plays to evaluate (%1 for training, %2 "
                                    "held out): import or play more music first.")
                         .arg(parts.train.size())
                         .arg(test_plays)};
    EvalResult result;
    result.split = settings.splitName();
    result.train_examples = static_cast<qint64>(parts.train.size());

    data.assignPopularity(parts.train);
    stage(QStringLiteral("training the two-tower model on %1 examples").arg(parts.train.size()));
    Result<ScorerSet> set =
        trainScorerSet(data.catalog, data.num_profiles, parts.train, settings.model, settings.train,
                       cancel, &result.train_stats);
    if (!set)
        return Error{set.error()};
    std::vector<std::string> methods;
    for (const ScorerKind& kind : scorerKinds())
        methods.push_back(kind.name);
    if (settings.include_blend)
        methods.push_back("blend");
    stage(QStringLiteral("tuning the blend on validation plays, then ranking %1 test plays")
              .arg(settings.max_test_plays > 0
                       ? qMin<qint64>(test_plays, qint64(settings.max_test_plays))
                       : test_plays));
    const std::optional<ServingMeasurement> measured =
        measureAsServed(set.value(), parts, methods, settings.ks, settings.max_test_plays, cancel);
    if (!measured)
        return cancelledError;
    result.test_plays = measured->test_plays;
    result.methods = measured->methods;
    result.blend_weights = measured->weights;
    result.blend_tuning = measured->tuning;
    result.validation_plays = measured->validation_queries;
    return result;
}

}  // namespace encore
