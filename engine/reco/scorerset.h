#pragma once

#include "reco/blendscorer.h"
#include "reco/core/candidateindex.h"
#include "reco/core/catalog.h"
#include "reco/core/interactions.h"
#include "reco/core/scorer.h"
#include "reco/core/twotowermodel.h"

#include <memory>

namespace encore {

// The model and every baseline trained on one log, ready to score (all immutable).
struct ScorerSet {
    std::shared_ptr<const reco::TwoTowerModel> model;   // null: too few plays to train
    std::shared_ptr<const reco::CandidateIndex> index;  // with model
    std::shared_ptr<const reco::Scorer> two_tower;      // with model
    std::shared_ptr<const reco::Scorer> popular;
    std::shared_ptr<const reco::Scorer> user_popular;
    std::shared_ptr<const reco::Scorer> cooccurrence;
    std::shared_ptr<const reco::Scorer> content;

    // The four baselines of `train` over `catalog`.
    static ScorerSet baselines(const reco::Catalog& catalog, const reco::Interactions& train);
    // Adds the trained model and its index.
    void setModel(std::shared_ptr<const reco::TwoTowerModel> trained,
                  std::shared_ptr<const reco::CandidateIndex> candidates);

    BlendScorer::Components blendComponents() const;
};

}  // namespace encore
