#include "reco/recoservice.h"

#include "reco/feedbackstore.h"
#include "reco/recommender.h"
#include "reco/recotrainer.h"
#include "reco/servingcontext.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace encore {

namespace {

const QString kNotReady = QStringLiteral(
    "Recommendations are being prepared from your listening history; they appear in a moment.");

// Pool threads come and go: each call opens its own uniquely named connection.
QString poolConnectionName() {
    static QAtomicInteger<int> counter;
    return QStringLiteral("encore-reco-%1").arg(counter.fetchAndAddRelaxed(1));
}

}  // namespace

RecoService::RecoService(Database database, RecoSettings settings, QObject* parent)
    : QObject(parent), database_(std::move(database)), settings_(std::move(settings)) {
    qRegisterMetaType<RecoStatus>();
    qRegisterMetaType<Recommendation>();
    thread_.setObjectName(QStringLiteral("encore-trainer"));
}

RecoService::~RecoService() {
    stop();
}

QString RecoService::defaultCheckpointPath(const Database& database) {
    return QFileInfo(database.path()).absoluteDir().filePath(QStringLiteral("recommender.ckpt"));
}

void RecoService::start() {
    if (trainer_)
        return;
    trainer_ = new RecoTrainer(database_, settings_, [this](PublishedModelPtr model) {
        std::atomic_store(&published_, std::move(model));  // on the trainer thread
    });
    trainer_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, trainer_, &QObject::deleteLater);
    connect(trainer_, &RecoTrainer::statusChanged, this, [this](const RecoStatus& s) {
        status_ = s;
        Q_EMIT statusChanged(s);
    });
    connect(trainer_, &RecoTrainer::published, this, &RecoService::modelPublished);
    thread_.start(QThread::LowestPriority);
    QMetaObject::invokeMethod(trainer_, &RecoTrainer::start, Qt::QueuedConnection);
}

void RecoService::stop() {
    if (!trainer_)
        return;
    trainer_->shutdown();
    thread_.quit();
    thread_.wait();
    trainer_ = nullptr;  // deleted by deleteLater on the thread's end
}

PublishedModelPtr RecoService::publishedModel() const {
    return std::atomic_load(&published_);
}

QFuture<Result<QList<Recommendation>>> RecoService::recommendedNext(
    const RecommendRequest& request) const {
    const PublishedModelPtr model = publishedModel();
    const Database database = database_;
    return QtConcurrent::run([model, database, request]() -> Result<QList<Recommendation>> {
        if (!model)
            return Error{kNotReady};
        Result<ServingContext> context = [&]() -> Result<ServingContext> {
            ScopedConnection connection(database, poolConnectionName());
            if (!connection.ok())
                return Error{connection.error()};
            return ServingContext::read(connection.db(), request);
        }();
        if (!context)
            return Error{context.error()};
        return Recommender::recommendNext(*model, context.value(), request.count);
    });
}

QFuture<Result<QList<Recommendation>>> RecoService::similar(TrackId track, int count) const {
    const PublishedModelPtr model = publishedModel();
    return QtConcurrent::run([model, track, count]() -> Result<QList<Recommendation>> {
        if (!model)
            return Error{kNotReady};
        return Recommender::similar(*model, track, count);
    });
}

QFuture<Status> RecoService::markNotForMe(TrackId track, ProfileId profile, TrackId context) {
    const Database database = database_;
    QFuture<Status> done = QtConcurrent::run([database, track, profile, context]() -> Status {
        ScopedConnection connection(database, poolConnectionName());
        if (!connection.ok())
            return Error{connection.error()};
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const int offset = QDateTime::fromSecsSinceEpoch(now).offsetFromUtc() / 60;
        return FeedbackStore(connection.db()).markNotForMe(profile, track, now, offset, context);
    });
    notePlaysLogged(1);  // an explicit "no" counts towards the next retraining like a play
    return done;
}

QFuture<Status> RecoService::clearNotForMe(TrackId track, ProfileId profile) {
    const Database database = database_;
    return QtConcurrent::run([database, track, profile]() -> Status {
        ScopedConnection connection(database, poolConnectionName());
        if (!connection.ok())
            return Error{connection.error()};
        return FeedbackStore(connection.db()).clearNotForMe(profile, track);
    });
}

void RecoService::retrainNow() {
    if (trainer_)
        QMetaObject::invokeMethod(trainer_, &RecoTrainer::retrainNow, Qt::QueuedConnection);
}

void RecoService::cancelTraining() {
    if (trainer_)
        trainer_->cancel();
}

void RecoService::notePlaysLogged(int count) {
    if (trainer_)
        QMetaObject::invokeMethod(
            trainer_, [t = trainer_, count] { t->notePlays(count); }, Qt::QueuedConnection);
}

void RecoService::noteLibraryChanged() {
    if (trainer_)
        QMetaObject::invokeMethod(trainer_, &RecoTrainer::noteLibraryChanged, Qt::QueuedConnection);
}

void RecoService::setRetrainIntervalMinutes(int minutes) {
    settings_.retrain_interval_minutes = qMax(1, minutes);
    if (trainer_)
        QMetaObject::invokeMethod(
            trainer_, [t = trainer_, minutes] { t->setRetrainIntervalMinutes(minutes); },
            Qt::QueuedConnection);
}

void RecoService::setRetrainAfterPlays(int plays) {
    settings_.retrain_after_plays = qMax(1, plays);
    if (trainer_)
        QMetaObject::invokeMethod(
            trainer_, [t = trainer_, plays] { t->setRetrainAfterPlays(plays); },
            Qt::QueuedConnection);
}

}  // namespace encore
