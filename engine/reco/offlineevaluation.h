#pragma once

#include "core/result.h"
#include "reco/blendscorer.h"
#include "reco/core/interactions.h"
#include "reco/core/metrics.h"
#include "reco/core/modelconfig.h"
#include "reco/core/scorer.h"
#include "reco/core/trainoptions.h"
#include "reco/core/trainstats.h"
#include "reco/recosettings.h"
#include "reco/scorerset.h"
#include "reco/servingevaluation.h"
#include "reco/trainingdata.h"

#include <QJsonObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace encore {

// Per-profile means and their bootstrap intervals are reported at this K.
constexpr int kIntervalK = 10;

// How `encore-cli eval`, bench/quality and the trainer's status figure evaluate.
struct EvalSettings {
    using SplitKind = encore::SplitKind;
    SplitKind split = SplitKind::Time;
    // Time: per profile, the newest (1 - f) are held out, the older half of them tunes the
    // blend and the newer half is scored (as the product measures itself: servingevaluation.h).
    double train_fraction = 0.9;
    uint64_t split_seed = 1;  // random split only
    std::vector<int> ks{1, 5, 10, 50, 100};
    reco::ModelConfig model;  // dimensions; vocabulary sizes come from the data
    reco::TrainOptions train;
    bool include_blend = true;
    size_t max_test_plays = 0;  // 0: every held-out play; else an evenly spread sample

    // Exactly what the product trains and serves with `settings` (towers, epochs of a fresh
    // model, skip term, one thread), time split 0.9, the blend included: what gates are for.
    static EvalSettings asServed(const RecoSettings& settings = {});

    // "time:0.9" / "global-time:0.9" / "random:0.8" (the form --split takes); empty split_error
    // when it parses.
    QString splitName() const;
    static bool parseSplit(const QString& text, EvalSettings* settings, QString* error);
};

struct EvalResult {
    QString split;
    qint64 train_examples = 0;
    qint64 test_plays = 0;  // scored held-out plays
    reco::TrainStats train_stats;
    std::vector<MethodResult> methods;
    BlendWeights blend_weights;  // tuned on the validation plays (never on the scored ones)
    TunedBlend blend_tuning;
    size_t validation_plays = 0;

    const MethodResult* method(const std::string& name) const;
    // {"split": "...", "results": {"<method>": {"hr@10": x, "ndcg@10": x, "top_100": x, ...}}}
    // with every K, the same keys prefixed "repeat_" and "new_" for the two parts, and
    // "count" / "repeat_count" / "new_count" (held-out plays scored), and per-profile means
    // with 95% bootstrap intervals ("profile_hr@10", "_low", "_high", "profile_ndcg@10", ...,
    // "profiles"). Every value is a number.
    QJsonObject toJson() const;
};

// The learned blend in words: its weights, each term's meaning (scorerregistry.h), and its
// HR@10 on the validation plays for the defaults, the listwise model and the final search.
QString blendWeightsText(const EvalResult& result);

// Stage name and completed share, for progress output.
using EvalProgress = std::function<void(const QString& stage)>;

// Splits `data` (splitForEvaluation), trains the two-tower model and every baseline on the
// training part (nothing held out reaches training or features: popularity buckets come from
// the training part), tunes the blend on the validation plays, and ranks each test play's track
// among all tracks: the same procedure as the trainer's own status figures.
Result<EvalResult> evaluateOffline(TrainingData data, const EvalSettings& settings,
                                   const std::atomic<bool>* cancel = nullptr,
                                   const EvalProgress& progress = {});

// The baselines and a fresh model trained on `train` (catalog popularity must come from
// `train`). `dimensions` gives every size but the vocabularies.
Result<ScorerSet> trainScorerSet(const reco::Catalog& catalog, int32_t num_profiles,
                                 const reco::Interactions& train,
                                 const reco::ModelConfig& dimensions,
                                 const reco::TrainOptions& options, const std::atomic<bool>* cancel,
                                 reco::TrainStats* stats);

// Ranks held-out plays of `test` with one scorer (optionally a spread sample of them); nullopt
// when cancelled. Shared with the trainer's status figure.
std::optional<reco::EvalReport> evaluateScorer(const reco::Scorer& scorer,
                                               const reco::Interactions& train,
                                               const reco::Interactions& test,
                                               const std::vector<int>& ks,
                                               const std::atomic<bool>* cancel = nullptr);

// Held-out plays (not skips) of `test`, at most `max` of them spread evenly (0: all).
reco::Interactions samplePlays(const reco::Interactions& test, size_t max);

}  // namespace encore
