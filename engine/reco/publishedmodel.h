#pragma once

#include "reco/blendscorer.h"
#include "reco/reasonindex.h"
#include "reco/recostatus.h"
#include "reco/recovocabulary.h"
#include "reco/scorerset.h"
#include "reco/trainingdata.h"

#include <QString>

#include <memory>
#include <vector>

namespace encore {

// Everything serving needs, built on the trainer thread and then never changed: readers hold
// a std::shared_ptr<const PublishedModel> taken with one atomic load, so a retraining swaps
// in a whole new object and nobody ever sees a half-built index.
struct PublishedModel {
    RecoVocabulary vocabulary;
    reco::Catalog catalog;                        // popularity from every play
    std::vector<RecoTrackInfo> tracks;            // per catalog track
    ScorerSet scorers;                            // model (may be null) and baselines
    std::shared_ptr<const reco::Scorer> primary;  // what ranks "recommended next"
    QString method;                               // "blend", "two_tower" or "baselines"
    BlendWeights weights;
    ReasonIndex reasons;
    RecoStatus status;
    qint64 plays = 0;
    std::vector<int32_t> play_counts;  // per catalog track, every profile
};

using PublishedModelPtr = std::shared_ptr<const PublishedModel>;

// Assembles a PublishedModel from training data (popularity already assigned), its scorers
// and weights. No model, or too few plays: the baselines' own blend serves.
PublishedModelPtr assemblePublishedModel(TrainingData data, const RecoVocabulary& vocabulary,
                                         ScorerSet scorers, const BlendWeights& weights,
                                         RecoStatus status);

// Blend weights used before any tuning: measured on real listening (bench/quality).
BlendWeights defaultBlendWeights();
// The baselines-only blend used while there is no model.
BlendWeights baselineBlendWeights();

}  // namespace encore
