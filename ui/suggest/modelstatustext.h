#pragma once

#include "engine.h"
#include "reco/recostatus.h"

#include <QString>

namespace encore {

// The recommender's state in words, for the status bar, the Up Next page and Settings.
class ModelStatusText {
public:
    // "Suggestions learned from 16,624 of your plays, 21:48; they find your next song 4x as
    // often as 'most played'" (the serving model's own figures, in words), "Learning from your
    // 18,233 plays…", or what suggests while there is no model ("play counts and tags").
    static QString line(const RecoStatus& status, const RetrainSchedule& schedule, qint64 nowMs);
    // The figures behind it (HR@10 and what it was measured on, the retraining), one per line.
    static QString details(const RecoStatus& status, const RetrainSchedule& schedule,
                           qint64 nowMs);
    // Said above the suggestions while they are stand-ins (no trained model yet); empty once
    // a model serves.
    static QString note(const RecoStatus& status, const RetrainSchedule& schedule);
    // When a model was trained: "12:04" today, else the date and time.
    static QString when(qint64 unixSeconds, qint64 nowMs);
};

}  // namespace encore
