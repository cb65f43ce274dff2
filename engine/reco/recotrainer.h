#pragma once

#include "reco/publishedmodel.h"
#include "reco/recosettings.h"
#include "reco/recostatus.h"
#include "store/database.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

class QTimer;

namespace encore {

class TrainingPipeline;

// The recommender's worker: lives on its own QThread (LowestPriority), retrains every N
// minutes when there are new plays, after K new plays, and on demand, and hands each finished
// model to `publish` (called on this thread). Slots are meant for queued calls; cancel() and
// shutdown() may be called from any thread.
class RecoTrainer : public QObject {
    Q_OBJECT

public:
    using Publish = std::function<void(PublishedModelPtr)>;

    RecoTrainer(Database database, RecoSettings settings, Publish publish);
    ~RecoTrainer() override;

    // Stops a running job at its next check (a training batch: a few ms).
    void cancel() { cancel_.store(true); }
    // Cancels and refuses every later job (before the thread quits).
    void shutdown();

public Q_SLOTS:
    // Serves the checkpoint (or trains when there is none), then waits for triggers.
    void start();
    void retrainNow();
    // New plays (or "not for me" marks) since the last training.
    void notePlays(int count);
    // Tracks were added or removed: re-index soon with the current model (no training).
    void noteLibraryChanged();
    void setRetrainIntervalMinutes(int minutes);
    void setRetrainAfterPlays(int plays);

Q_SIGNALS:
    void statusChanged(const encore::RecoStatus& status);
    void published();
    // One job ended (trained: a new model was trained, not only re-served).
    void jobFinished(bool trained, bool cancelled);

private:
    void runJob(bool train);
    void onInterval();
    void setStatus(const RecoStatus& status);
    void restartInterval();

    Database database_;
    Publish publish_;
    RecoSettings settings_;
    std::unique_ptr<TrainingPipeline> pipeline_;
    QTimer* interval_timer_ = nullptr;
    QTimer* library_timer_ = nullptr;
    QTimer* baseline_timer_ = nullptr;
    std::atomic<bool> cancel_{false};
    std::atomic<bool> stopping_{false};
    int new_plays_ = 0;
    qint64 next_check_ms_ = 0;  // when interval_timer_ fires, unix ms
    qint64 published_plays_ = -1;
    RecoStatus status_;
};

}  // namespace encore
