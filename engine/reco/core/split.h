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

// One cutoff instant for the whole log: the timestamp of the first example after the
// train_fraction quantile of every example's time. Train is strictly before it and test at or
// after it, so no profile's later listens reach training (timeSplit lets them: another profile's
// newest 10% may lie before this profile's training listens).
Split globalTimeSplit(const Interactions& log, double train_fraction);

// Each example goes to train with probability train_fraction (deterministic for a seed).
Split randomSplit(const Interactions& log, double train_fraction, uint64_t seed);

}  // namespace encore::reco
