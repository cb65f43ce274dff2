#pragma once

#include <QMetaType>
#include <QString>

namespace encore {

// What the recommender is doing and how good its last model is (the status signal).
struct RecoStatus {
    enum class State {
        Starting,   // reading the checkpoint and the log
        Baselines,  // too few plays for the model: baselines serve (no model yet)
        Training,   // a retraining runs; the previous model keeps serving
        Ready,      // a trained model serves
        Failed,     // the last run failed: `message` says why; the previous model keeps serving
    };
    State state = State::Starting;
    QString message;  // one sentence for people (what happened, what to do)

    QString method;         // what serves: "blend", "two_tower" or "baselines"
    qint64 trained_at = 0;  // unix seconds of the serving model's training; 0: never
    qint64 plays = 0;       // plays the serving model learned from (baselines: plays they count)
    qint64 log_plays = 0;   // plays in the log when this status was made (every profile)
    qint64 tracks = 0;      // tracks it knows
    int epochs = 0;         // epochs of the last training run
    double loss = 0.0;      // its final mean batch loss
    bool warm_start = false;
    double train_seconds = 0.0;

    // HR@10 of the serving model itself on the plays it did not learn from (the newest 10% per
    // profile: the blend's weights are tuned on their older half, the figures come from the
    // newer half). -1: not measured.
    double hr10_model = -1.0;
    double hr10_popular = -1.0;
    double hr10_blend = -1.0;
    qint64 evaluated_plays = 0;   // held-out plays scored
    qint64 validation_plays = 0;  // held-out plays the blend was tuned on
    qint64 evaluated_at = 0;      // unix seconds

    // When the next retraining comes (the trainer's own counters, so nobody counts twice).
    int new_plays = 0;         // logged, imported or deleted since the serving model was trained
    qint64 next_check_ms = 0;  // unix ms when the interval next looks for new plays; 0: none set

    bool training() const { return state == State::Training; }
};

}  // namespace encore

Q_DECLARE_METATYPE(encore::RecoStatus)
