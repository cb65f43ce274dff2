#pragma once

#include "reco/blendscorer.h"
#include "reco/core/candidateindex.h"
#include "reco/core/catalog.h"
#include "reco/core/interactions.h"
#include "reco/core/scorer.h"
#include "reco/core/twotowermodel.h"

#include <memory>
#include <string>
#include <vector>

namespace encore {

// The model and every registered baseline (scorerregistry.h) trained on one log, ready to score
// (all immutable).
struct ScorerSet {
    std::shared_ptr<const reco::TwoTowerModel> model;   // null: too few plays to train
    std::shared_ptr<const reco::CandidateIndex> index;  // with model
    std::shared_ptr<const reco::Scorer> two_tower;      // with model
    // Every registered baseline, in registration order.
    std::vector<std::shared_ptr<const reco::Scorer>> baseline_scorers;

    // Every registered baseline of `train` over `catalog`.
    static ScorerSet baselines(const reco::Catalog& catalog, const reco::Interactions& train);
    // Adds the trained model and its index.
    void setModel(std::shared_ptr<const reco::TwoTowerModel> trained,
                  std::shared_ptr<const reco::CandidateIndex> candidates);

    // The scorer named `name` (two_tower or a baseline), or null.
    std::shared_ptr<const reco::Scorer> find(const std::string& name) const;
    // The blend's terms: every present scorer registered as one.
    BlendScorer::Components blendComponents() const;
};

}  // namespace encore
