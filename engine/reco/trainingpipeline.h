#pragma once

#include "core/result.h"
#include "reco/publishedmodel.h"
#include "reco/recosettings.h"
#include "reco/recostatus.h"
#include "reco/servingevaluation.h"
#include "store/database.h"

#include <QJsonObject>

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace encore::reco {
class TwoTowerModel;
struct Catalog;
}  // namespace encore::reco

namespace encore {

// One run of the recommender's work, start to finish, on the calling thread: read a snapshot
// of the log (own connection, read transaction), extend the checkpoint's vocabularies, train
// (warm from the checkpoint when there is one) on all but each profile's newest listens,
// measure that same model on them (the status figures are the serving model's own), checkpoint,
// and assemble the object to publish. The trainer thread runs it; `encore-cli recommend` runs
// it in place.
class TrainingPipeline {
public:
    enum class Mode {
        Publish,  // serve the checkpoint's model with today's library; train only without one
        Train,    // retrain now
    };

    struct Outcome {
        PublishedModelPtr model;
        bool trained = false;
        QStringList notes;  // things worth a log line (a discarded checkpoint, ...)
    };

    TrainingPipeline(Database database, RecoSettings settings, QString connectionName);

    // "cancelled" when `cancel` was set; other errors are one readable sentence. `interim`,
    // when given, receives a baselines-only model before a training from scratch, so that
    // something serves while the first model learns.
    Result<Outcome> run(Mode mode, const std::atomic<bool>* cancel = nullptr,
                        const std::function<void(const RecoStatus&)>& progress = {},
                        const std::function<void(PublishedModelPtr)>& interim = {});

    const RecoSettings& settings() const { return settings_; }
    void setSettings(const RecoSettings& settings) { settings_ = settings; }

private:
    std::optional<QJsonObject> measure(const reco::TwoTowerModel& model,
                                       const reco::Catalog& catalog, const HeldOutParts& parts,
                                       const std::atomic<bool>* cancel) const;

    Database database_;
    RecoSettings settings_;
    QString connection_name_;
};

}  // namespace encore
