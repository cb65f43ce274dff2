#pragma once

#include "reco/core/modelconfig.h"
#include "reco/core/trainoptions.h"

#include <QString>

#include <cstddef>

namespace encore {

// How the recommender trains and when. Defaults are the measured choices (bench/quality).
struct RecoSettings {
    static constexpr int kDefaultIntervalMinutes = 30;
    static constexpr int kDefaultRetrainAfterPlays = 50;

    QString checkpoint_path;  // one file; empty: no checkpoints (tests, CLI --no-checkpoint)
    int retrain_interval_minutes = kDefaultIntervalMinutes;  // with new plays since the last
    int retrain_after_plays = kDefaultRetrainAfterPlays;     // new plays (and "not for me")
    int retrain_interval_ms = 0;                             // > 0: overrides the minutes (tests)
    int min_plays_for_model = 200;    // below: baselines serve ("too few plays to learn from")
    int cold_epochs = 4;              // fresh model
    int warm_epochs = 1;              // continuing from the checkpoint
    bool use_skip_negatives = false;  // measured: the skip term does not help (bench/quality)
    reco::ModelConfig dimensions;     // 32-d towers by default; vocabularies come from data
    size_t status_eval_plays = 2000;  // held-out plays scored for the status figure
    int start_delay_ms = 0;           // first look at the log after start (GUI: let it settle)

    // How the product trains for `epochs`: everything else as these settings say.
    reco::TrainOptions trainOptions(int epochs) const {
        reco::TrainOptions options;
        options.epochs = epochs;
        options.use_skip_negatives = use_skip_negatives;
        options.num_threads = 1;  // the other core belongs to the GUI and the scanner
        return options;
    }
};

}  // namespace encore
