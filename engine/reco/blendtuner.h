#pragma once

#include "reco/blendscorer.h"
#include "reco/core/interactions.h"

#include <atomic>
#include <optional>

namespace encore {

// Fewer validation plays than this tune on noise: the measured defaults are kept instead.
constexpr size_t kMinBlendTuningPlays = 100;

struct TunedBlend {
    BlendWeights weights;
    double hr10 = 0.0;   // on the validation plays it was tuned on (optimistic)
    size_t queries = 0;  // validation plays used
};

// Picks the blend weights with the best HR@10 on validation plays (never on test plays): a
// grid over the weights, each query re-ranking the union of every component's top tracks.
// nullopt when cancelled.
std::optional<TunedBlend> tuneBlend(const BlendScorer::Components& components,
                                    const reco::Interactions& validation, size_t max_queries,
                                    const std::atomic<bool>* cancel = nullptr);

}  // namespace encore
