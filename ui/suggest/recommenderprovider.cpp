#include "suggest/recommenderprovider.h"

#include "engine.h"
#include "listens/clock.h"
#include "reco/recoservice.h"
#include "suggest/modelstatustext.h"

#include <QCoreApplication>

namespace encore {

namespace {

// Runs on whatever thread finished the request: plain copies only.
auto toSuggestions(QSet<TrackId> rejected) {
    return [rejected](const Result<QList<Recommendation>>& answer) -> Result<QList<Suggestion>> {
        if (!answer)
            return Error{answer.error()};
        QList<Suggestion> out;
        out.reserve(answer->size());
        for (const Recommendation& r : answer.value()) {
            if (!rejected.contains(r.track_id))
                out.append({r.track_id, r.title, r.artist, r.reason});
        }
        return out;
    };
}

QFuture<Result<QList<Suggestion>>> failed(const QString& message) {
    return QtFuture::makeReadyFuture(Result<QList<Suggestion>>(Error{message}));
}

QString notRunning() {
    return QCoreApplication::translate("RecommenderProvider",
                                       "The recommender is not running (the library database "
                                       "could not be opened).");
}

}  // namespace

RecommenderProvider::RecommenderProvider(Engine& engine, QObject* parent)
    : SuggestionProvider(parent), engine_(engine) {
    if (RecoService* reco = engine_.recommender()) {
        connect(reco, &RecoService::modelPublished, this, &SuggestionProvider::changed);
        connect(reco, &RecoService::statusChanged, this, &SuggestionProvider::statusChanged);
    }
    connect(&engine_, &Engine::activeProfileChanged, this, [this] {
        rejected_.clear();  // another listener's "no"s are the recommender's to apply
        Q_EMIT changed();
    });
    // The retrain countdown moves with new listens: the trainer re-sends its status for them.
}

QFuture<Result<QList<Suggestion>>> RecommenderProvider::upNext(TrackId playing, int count) {
    RecoService* reco = engine_.recommender();
    if (!reco)
        return failed(notRunning());
    const qint64 nowMs = engine_.clock().nowMs();
    RecommendRequest request;
    request.current_track = playing;
    request.now = nowMs / 1000;
    request.has_utc_offset = true;
    request.utc_offset_minutes = engine_.clock().utcOffsetMinutes(nowMs);
    request.count = count;
    return reco->recommendedNext(request).then(QtFuture::Launch::Sync, toSuggestions(rejected_));
}

QFuture<Result<QList<Suggestion>>> RecommenderProvider::similar(TrackId track, int count) {
    RecoService* reco = engine_.recommender();
    if (!reco)
        return failed(notRunning());
    return reco->similar(track, count).then(QtFuture::Launch::Sync, toSuggestions(rejected_));
}

QFuture<Status> RecommenderProvider::notForMe(TrackId track, TrackId context) {
    RecoService* reco = engine_.recommender();
    if (!reco)
        return QtFuture::makeReadyFuture(Status(Error{notRunning()}));
    rejected_.insert(track);
    return reco->markNotForMe(track, 0, context);
}

QString RecommenderProvider::status() const {
    const RecoService* reco = engine_.recommender();
    return reco ? ModelStatusText::line(reco->status(), engine_.retrainSchedule(),
                                        engine_.clock().nowMs())
                : QString();
}

QString RecommenderProvider::note() const {
    const RecoService* reco = engine_.recommender();
    return reco ? ModelStatusText::note(reco->status(), engine_.retrainSchedule()) : QString();
}

QString RecommenderProvider::details() const {
    const RecoService* reco = engine_.recommender();
    return reco ? ModelStatusText::details(reco->status(), engine_.retrainSchedule(),
                                           engine_.clock().nowMs())
                : QString();
}

bool RecommenderProvider::isTraining() const {
    const RecoService* reco = engine_.recommender();
    return reco && reco->status().training();
}

void RecommenderProvider::retrainNow() {
    if (RecoService* reco = engine_.recommender())
        reco->retrainNow();
}

void RecommenderProvider::cancelTraining() {
    if (RecoService* reco = engine_.recommender())
        reco->cancelTraining();
}

}  // namespace encore
