#pragma once

#include "suggest/suggestionprovider.h"

#include <QSet>

namespace encore {

class Engine;

// The window's suggestions from the engine's recommender (RecoService): "recommended next" for
// the active profile at the engine clock's time and UTC offset, similar songs, "not for me"
// stored as feedback the trainer learns from, and the model's status in words. A new model or
// another active profile makes the lists ask again.
class RecommenderProvider : public SuggestionProvider {
    Q_OBJECT

public:
    // `engine` must be started (it owns the recommender) and outlive this.
    explicit RecommenderProvider(Engine& engine, QObject* parent = nullptr);

    QFuture<Result<QList<Suggestion>>> upNext(TrackId playing, int count) override;
    QFuture<Result<QList<Suggestion>>> similar(TrackId track, int count) override;
    QFuture<Status> notForMe(TrackId track, TrackId context) override;
    QString status() const override;
    QString note() const override;
    // The figures behind status(), one per line.
    QString details() const;
    bool isTraining() const;

    void retrainNow();
    void cancelTraining();

private:
    Engine& engine_;
    // Marked "not for me" in this session: left out at once, even from answers in flight
    // and from similar songs (the recommender leaves them out of "recommended next" itself).
    QSet<TrackId> rejected_;
};

}  // namespace encore
