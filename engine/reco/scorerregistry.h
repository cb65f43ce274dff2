#pragma once

// The one place a kind of scorer is added: its name, how it is built from the training part,
// how its score enters the blend, and what its evidence means in plain words. Evaluation, the
// quality gates, the blend and its learned weights all follow this list.

#include "reco/core/catalog.h"
#include "reco/core/interactions.h"
#include "reco/core/scorer.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace encore {

// How a scorer's raw score becomes a term of the log-linear blend.
enum class BlendTerm {
    ModelCosine,  // cosine x 1 / temperature
    LogEvidence,  // log(1 + count), keeping the popularity tie-break below every real count
    Raw,          // as scored
};

struct ScorerKind {
    std::string name;  // method name in eval, its JSON and the checkpoint's weights
    BlendTerm term = BlendTerm::Raw;
    bool in_blend = true;         // a term of the blend the re-ranker weighs
    bool single_baseline = true;  // one of the baselines the quality gates compare with
    float default_weight = 0.0f;  // before any tuning (measured on bench/quality), with a model
    std::string reason;           // what a high score means, for eval and Details
    // Builds it from the training part; empty for the two-tower model (trained, not counted).
    std::function<std::shared_ptr<const reco::Scorer>(const reco::Catalog&,
                                                      const reco::Interactions&)>
        build;
};

// Every scorer Encore has, the two-tower model first.
const std::vector<ScorerKind>& scorerKinds();
// The kind named `name`, or null.
const ScorerKind* scorerKind(const std::string& name);

}  // namespace encore
