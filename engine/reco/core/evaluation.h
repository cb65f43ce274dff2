#pragma once

// Offline evaluation of any Scorer on held-out plays.

#include "reco/core/interactions.h"
#include "reco/core/metrics.h"
#include "reco/core/scorer.h"

#include <vector>

namespace encore::reco {

struct EvalOptions {
    std::vector<int> ks{1, 5, 10, 50, 100};
    bool exclude_previous_track = false;  // as serving does, unless the target repeats it
};

// Ranks every test play's target among all tracks; skips in `test` are not scored.
// A test play is a repeat when its profile played the target in `train`.
EvalReport evaluate(const Scorer& scorer, const Interactions& train, const Interactions& test,
                    const EvalOptions& options = {});

}  // namespace encore::reco
