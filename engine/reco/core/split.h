#pragma once

// Train/test splits of the log for offline evaluation.

#include "reco/core/interactions.h"

#include <cstdint>

namespace encore::reco {

struct Split {
    Interactions train;
    Interactions test;
};

// Per profile, the first ceil(train_fraction * n) examples by time train, the rest test
// (the last 10% of each profile's listens for 0.9). Ties in time keep log order.
Split timeSplit(const Interactions& log, double train_fraction);

// Each example goes to train with probability train_fraction (deterministic for a seed).
Split randomSplit(const Interactions& log, double train_fraction, uint64_t seed);

}  // namespace encore::reco
