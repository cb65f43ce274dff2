#pragma once

#include "engine.h"
#include "reco/recostatus.h"

#include <QString>

namespace encore {

// The recommender's state in words, for the status bar, the Up Next page and Settings.
class ModelStatusText {
public:
    // "Trained 12:04 on 18,233 plays · HR@10 0.31 vs 0.12 popular · next retrain in 14 min",
    // "Learning from your listening… (18,233 plays)", or what suggests while there is no
    // model ("play counts and tags", under the engine's minimum of plays).
    static QString line(const RecoStatus& status, const RetrainSchedule& schedule, qint64 nowMs);
    // The figures behind it, one per line (the tooltip).
    static QString details(const RecoStatus& status);
    // Said above the suggestions while they are stand-ins (no trained model yet); empty once
    // a model serves.
    static QString note(const RecoStatus& status, const RetrainSchedule& schedule);
    // When a model was trained: "12:04" today, else the date and time.
    static QString when(qint64 unixSeconds, qint64 nowMs);
};

}  // namespace encore
