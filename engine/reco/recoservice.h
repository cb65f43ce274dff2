#pragma once

#include "core/result.h"
#include "core/track.h"
#include "reco/publishedmodel.h"
#include "reco/recommendation.h"
#include "reco/recosettings.h"
#include "reco/recostatus.h"
#include "store/database.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QThread>

#include <memory>

namespace encore {

class RecoTrainer;

// The recommender as the Engine owns it: the trainer on its own QThread (LowestPriority), the
// published model (one std::shared_ptr<const PublishedModel>, swapped atomically), and the
// asynchronous calls the GUI makes. Create and use it on one thread (the GUI's); its signals
// arrive there. Nothing here blocks: reads run on pool threads with their own connections.
class RecoService : public QObject {
    Q_OBJECT

public:
    RecoService(Database database, RecoSettings settings, QObject* parent = nullptr);
    ~RecoService() override;  // cancels a running training and joins the thread

    // <folder of the database>/recommender.ckpt
    static QString defaultCheckpointPath(const Database& database);

    // Starts the trainer thread: it serves the checkpoint (or trains), then retrains on its
    // triggers. Call after the migrations.
    void start();
    // Cancels, stops the thread and waits for it (also done by the destructor).
    void stop();

    // The model serving now; null until the first one is published.
    PublishedModelPtr publishedModel() const;
    RecoStatus status() const { return status_; }

    // "Recommended next" for the request (defaults: active profile, playing/last track, now).
    QFuture<Result<QList<Recommendation>>> recommendedNext(
        const RecommendRequest& request = {}) const;
    // Tracks similar to `track`, never itself.
    QFuture<Result<QList<Recommendation>>> similar(TrackId track, int count = 10) const;
    // "Not for me": never recommended to the profile again (0: active); `context` = playing.
    QFuture<Status> markNotForMe(TrackId track, ProfileId profile = 0, TrackId context = 0);
    QFuture<Status> clearNotForMe(TrackId track, ProfileId profile = 0);

    // Retrains now (a running training finishes first; cancelTraining() stops it).
    void retrainNow();
    void cancelTraining();
    // The listening log added plays (the Engine calls this for every logged listen).
    void notePlaysLogged(int count = 1);
    // The scanner changed the library: new tracks become recommendable after a re-index.
    void noteLibraryChanged();

    void setRetrainIntervalMinutes(int minutes);
    int retrainIntervalMinutes() const { return settings_.retrain_interval_minutes; }
    void setRetrainAfterPlays(int plays);
    int retrainAfterPlays() const { return settings_.retrain_after_plays; }

Q_SIGNALS:
    void statusChanged(const encore::RecoStatus& status);
    // A new model serves: panels should ask again.
    void modelPublished();

private:
    Database database_;
    RecoSettings settings_;
    QThread thread_;
    RecoTrainer* trainer_ = nullptr;
    std::shared_ptr<const PublishedModel> published_;  // std::atomic_load / atomic_store only
    RecoStatus status_;
};

}  // namespace encore
