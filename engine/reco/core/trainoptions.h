#pragma once

// How one training run goes: epochs, batch, optimiser, loss switches.

#include <cstdint>

namespace encore::reco {

// Both are row-wise for embedding tables (only rows touched by a batch are updated).
enum class OptimizerKind { kAdam, kAdagrad };

struct TrainOptions {
    int epochs = 4;
    int batch_size = 512;  // chosen by measurement (bench_train --sweep)
    float learning_rate = 0.005f;
    OptimizerKind optimizer = OptimizerKind::kAdam;
    uint64_t seed = 1;  // shuffling and id dropout

    bool use_logq = true;                // subtract log sampling probability of each candidate
    bool remove_accidental_hits = true;  // same track twice in a batch is not a negative
    bool use_skip_negatives = true;      // skips push the query away from the skipped track
    float skip_weight = 0.5f;            // weight of the skip term against the softmax term
    float id_dropout = 0.1f;  // share of track ids replaced by the OOV row: trains content path

    int num_threads = 1;  // intra-op threads set on the calling thread; 0 leaves torch's default
};

}  // namespace encore::reco
