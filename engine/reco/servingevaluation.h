#pragma once

#include "reco/blendscorer.h"
#include "reco/blendtuner.h"
#include "reco/core/interactions.h"
#include "reco/core/metrics.h"
#include "reco/scorerset.h"

#include <QtGlobal>

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace encore {

// The one way Encore measures what it serves, shared by the trainer's status figures,
// `encore-cli eval` and bench/quality, so that a figure always belongs to the model that serves:
// the model learns from `train` only; the blend's weights are tuned on `validation`; every
// method is scored on `test`. Nothing of validation or test reaches training or features.
struct HeldOutParts {
    reco::Interactions train;
    reco::Interactions validation;  // older half of the held-out listens (per profile, by time)
    reco::Interactions test;        // newer half
};

enum class SplitKind { Time, GlobalTime, Random };

// Time: per profile, the oldest `train_fraction` of the listens train and the rest is held out,
// its older half validating and its newer half testing. Random: each listen is held out with
// probability 1 - train_fraction, and held-out listens go to either half at random.
// GlobalTime: one cutoff instant for the whole log (reco::globalTimeSplit), and one more at the
// median time of the held-out listens between validation and test, so that nothing any profile
// did later reaches training, features or the blend's weights.
HeldOutParts splitForEvaluation(const reco::Interactions& log, SplitKind kind,
                                double train_fraction, uint64_t seed = 1);

// Plays that count (never skips or "not for me") among `part`.
qint64 countPlays(const reco::Interactions& part);

struct MethodResult {
    std::string name;  // a registered scorer's name (scorerregistry.h), or blend
    reco::EvalReport report;
};

struct ServingMeasurement {
    BlendWeights weights;               // tuned on validation plays (defaults when too few)
    TunedBlend tuning;                  // how the re-ranker did on the validation plays
    size_t validation_queries = 0;      // validation plays the tuning used
    qint64 test_plays = 0;              // test plays scored
    std::vector<MethodResult> methods;  // in the order asked, the blend last

    const MethodResult* method(const std::string& name) const;
};

// Tunes the blend of `set` (every scorer trained on parts.train only) on parts.validation and
// scores `methods` ("blend" included or not) on at most `max_test_plays` test plays (0: all).
// nullopt when cancelled.
std::optional<ServingMeasurement> measureAsServed(const ScorerSet& set, const HeldOutParts& parts,
                                                  const std::vector<std::string>& methods,
                                                  const std::vector<int>& ks, size_t max_test_plays,
                                                  const std::atomic<bool>* cancel = nullptr);

}  // namespace encore
