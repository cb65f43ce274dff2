#pragma once

#include "reco/blendscorer.h"
#include "reco/core/interactions.h"

#include <atomic>
#include <optional>
#include <string>

namespace encore {

// Fewer validation plays than this tune on noise: the measured defaults are kept instead.
constexpr size_t kMinBlendTuningPlays = 100;

struct TunedBlend {
    BlendWeights weights;
    double hr10 = 0.0;          // on the validation plays it was learned on (optimistic)
    double softmax_hr10 = 0.0;  // the listwise model alone, before the HR@10 search
    double default_hr10 = 0.0;  // the defaults on the same plays
    size_t queries = 0;         // validation plays used
};

// The learned re-ranker over the registered scorers, fitted on validation plays only (never on
// test plays). Each query's pool is the target plus every component's top tracks. A listwise
// logistic model (softmax over the pool, one weight per component's term) is fitted first;
// then a coordinate search from the better of it and the defaults maximises HR@10 itself.
// nullopt when cancelled.
std::optional<TunedBlend> tuneBlend(const BlendScorer::Components& components,
                                    const reco::Interactions& validation, size_t max_queries,
                                    const BlendWeights& defaults,
                                    const std::atomic<bool>* cancel = nullptr);

}  // namespace encore
