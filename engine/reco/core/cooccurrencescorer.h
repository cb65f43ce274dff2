#pragma once

// Baseline: item-to-item co-occurrence. B scores for A when B was played within the next few
// tracks after A in a session.

#include "reco/core/interactions.h"
#include "reco/core/paircounts.h"
#include "reco/core/scorer.h"

#include <vector>

namespace encore::reco {

class CooccurrenceScorer : public Scorer {
public:
    static constexpr size_t kDefaultWindow = 3;  // "within the next few tracks"

    CooccurrenceScorer(const Interactions& train, int32_t num_tracks,
                       size_t window = kDefaultWindow);

    std::string name() const override { return "cooccurrence"; }
    int32_t size() const override { return static_cast<int32_t>(backoff_.size()); }
    void score(const Query& query, float* out) const override;

    // How often `next` was played within the window after `anchor` (0 if never).
    float count(int32_t anchor, int32_t next) const;

private:
    size_t window_;
    std::vector<float> backoff_;
    PairCounts counts_;
};

}  // namespace encore::reco
