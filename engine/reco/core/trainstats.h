#pragma once

// What a training run reports, during (progress) and after (stats).

#include <cstdint>
#include <functional>

namespace encore::reco {

struct TrainProgress {
    int epoch = 0;      // 0-based
    int64_t batch = 0;  // 0-based within the epoch
    int64_t batches_per_epoch = 0;
    int64_t examples_seen = 0;  // over the whole run
    double epoch_loss = 0.0;    // running mean over this epoch's batches
};

// Called after every batch on the training thread; must be cheap.
using ProgressCallback = std::function<void(const TrainProgress&)>;

struct TrainStats {
    int epochs_completed = 0;
    int64_t batches = 0;
    int64_t examples = 0;     // plays and skips processed
    double final_loss = 0.0;  // mean batch loss of the last (possibly partial) epoch
    double seconds = 0.0;
    double examples_per_second = 0.0;
    bool cancelled = false;
};

}  // namespace encore::reco
