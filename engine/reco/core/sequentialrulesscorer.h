#pragma once

// Baseline: sequential rules (SR, Ludewig & Jannach 2018). A rule "A then B" gains 1/d each
// time B was played d songs after A in a session (d up to the session history's length); the
// score of B is the weight of the rule from the song played last. Other songs fall back to
// popularity.

#include "reco/core/interactions.h"
#include "reco/core/paircounts.h"
#include "reco/core/scorer.h"

#include <vector>

namespace encore::reco {

class SequentialRulesScorer : public Scorer {
public:
    SequentialRulesScorer(const Interactions& train, int32_t num_tracks);

    std::string name() const override { return "sr"; }
    int32_t size() const override { return static_cast<int32_t>(backoff_.size()); }
    void score(const Query& query, float* out) const override;

    // The weight of the rule anchor -> next (0 if never seen).
    float rule(int32_t anchor, int32_t next) const { return rules_.weight(anchor, next); }

private:
    std::vector<float> backoff_;
    PairCounts rules_;
};

}  // namespace encore::reco
