#include "reco/recotrainer.h"

#include "reco/snapshotreader.h"
#include "reco/trainingpipeline.h"

#include <QDateTime>
#include <QDebug>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace encore {

namespace {

constexpr int kLibraryDebounceMs = 5000;   // a scan changes many tracks: re-index once after it
constexpr int kBaselineDebounceMs = 1500;  // until a model serves, counts follow new plays soon
constexpr int kMillisecondsPerMinute = 60 * 1000;
const QString kConnectionName = QStringLiteral("encore-trainer");

// QThread::LowestPriority does nothing on Linux (SCHED_OTHER has one static priority): a nice
// value on this thread lets the GUI thread win a contended core from the training.
void lowerThisThreadsPriority() {
#ifdef Q_OS_LINUX
    constexpr int kTrainerNice = 15;
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), kTrainerNice);
#endif
}

}  // namespace

RecoTrainer::RecoTrainer(Database database, RecoSettings settings, Publish publish)
    : database_(database)
    , publish_(std::move(publish))
    , settings_(settings)
    , pipeline_(std::make_unique<TrainingPipeline>(std::move(database), std::move(settings),
                                                   kConnectionName)) {}

RecoTrainer::~RecoTrainer() = default;

void RecoTrainer::shutdown() {
    stopping_.store(true);
    cancel_.store(true);
}

void RecoTrainer::start() {
    lowerThisThreadsPriority();
    interval_timer_ = new QTimer(this);
    interval_timer_->setSingleShot(true);
    connect(interval_timer_, &QTimer::timeout, this, &RecoTrainer::onInterval);
    library_timer_ = new QTimer(this);
    library_timer_->setSingleShot(true);
    library_timer_->setInterval(kLibraryDebounceMs);
    connect(library_timer_, &QTimer::timeout, this, [this] { runJob(false); });
    baseline_timer_ = new QTimer(this);
    baseline_timer_->setSingleShot(true);
    baseline_timer_->setInterval(kBaselineDebounceMs);
    connect(baseline_timer_, &QTimer::timeout, this, [this] { runJob(false); });
    if (settings_.start_delay_ms > 0)
        QTimer::singleShot(settings_.start_delay_ms, this, [this] { runJob(false); });
    else
        runJob(false);
}

void RecoTrainer::retrainNow() {
    runJob(true);
}

void RecoTrainer::notePlays(int count) {
    new_plays_ += count;
    if (new_plays_ >= settings_.retrain_after_plays)
        runJob(true);
    else if (status_.state == RecoStatus::State::Baselines && baseline_timer_)
        baseline_timer_->start();  // cheap below the model's minimum: say the new count soon
    else
        setStatus(status_);  // the new count, for "next retrain in ..."
}

void RecoTrainer::noteLibraryChanged() {
    if (library_timer_)
        library_timer_->start();
}

void RecoTrainer::setRetrainIntervalMinutes(int minutes) {
    settings_.retrain_interval_minutes = qMax(1, minutes);
    settings_.retrain_interval_ms = 0;
    restartInterval();
}

void RecoTrainer::setRetrainAfterPlays(int plays) {
    settings_.retrain_after_plays = qMax(1, plays);
    if (new_plays_ >= settings_.retrain_after_plays)
        runJob(true);
}

void RecoTrainer::restartInterval() {
    if (!interval_timer_)
        return;
    const int ms = settings_.retrain_interval_ms > 0
                       ? settings_.retrain_interval_ms
                       : settings_.retrain_interval_minutes * kMillisecondsPerMinute;
    interval_timer_->start(ms);
    next_check_ms_ = QDateTime::currentMSecsSinceEpoch() + ms;
    setStatus(status_);
}

void RecoTrainer::onInterval() {
    // Plays may also arrive from elsewhere (encore-cli import): ask the log, cheaply.
    qint64 plays = published_plays_;
    {
        ScopedConnection connection(database_, kConnectionName);
        if (connection.ok()) {
            const Result<qint64> count = SnapshotReader(connection.db()).playCount();
            if (count)
                plays = count.value();
        }
    }
    if (new_plays_ > 0 || plays != published_plays_)
        runJob(true);
    else
        restartInterval();
}

void RecoTrainer::setStatus(const RecoStatus& status) {
    status_ = status;
    status_.new_plays = new_plays_;
    status_.next_check_ms = interval_timer_ && interval_timer_->isActive() ? next_check_ms_ : 0;
    Q_EMIT statusChanged(status_);
}

void RecoTrainer::runJob(bool train) {
    if (stopping_.load())
        return;
    cancel_.store(false);
    if (interval_timer_)
        interval_timer_->stop();
    if (baseline_timer_)
        baseline_timer_->stop();
    const int plays_before = new_plays_;
    const RecoStatus before = status_;
    auto progress = [this](const RecoStatus& s) { setStatus(s); };
    pipeline_->setSettings(settings_);
    // Until a first model serves, the baselines do (published before a long first training).
    std::function<void(PublishedModelPtr)> interim;
    if (published_plays_ < 0)
        interim = [this](PublishedModelPtr model) {
            publish_(model);
            Q_EMIT published();
        };
    Result<TrainingPipeline::Outcome> outcome =
        pipeline_->run(train ? TrainingPipeline::Mode::Train : TrainingPipeline::Mode::Publish,
                       &cancel_, progress, interim);
    const bool cancelled = !outcome && outcome.error() == QLatin1String("cancelled");
    if (outcome) {
        for (const QString& note : outcome->notes)
            qWarning().noquote() << "recommender:" << note;
        const RecoStatus& served = outcome->model->status;
        // Trained, or baselines (they count the whole snapshot): the plays before it are in.
        if (outcome->trained || served.state == RecoStatus::State::Baselines)
            new_plays_ = qMax(0, new_plays_ - plays_before);
        else if (served.trained_at > 0)  // a checkpoint from before the newest plays
            new_plays_ = qMax<qint64>(new_plays_, outcome->model->plays - served.plays);
        published_plays_ = outcome->model->plays;
        publish_(outcome->model);
        setStatus(outcome->model->status);
        Q_EMIT published();
    } else {
        RecoStatus failed = before;
        failed.state = cancelled ? before.state : RecoStatus::State::Failed;
        failed.message = cancelled ? QStringLiteral(
                                         "Retraining was cancelled; the previous "
                                         "recommendations stay.")
                                   : outcome.error();
        if (!cancelled)
            qWarning().noquote() << "recommender:" << outcome.error();
        setStatus(failed);
    }
    Q_EMIT jobFinished(outcome && outcome->trained, cancelled);
    if (stopping_.load())
        return;
    restartInterval();
    if (outcome && !outcome->trained && new_plays_ >= settings_.retrain_after_plays)
        QMetaObject::invokeMethod(this, &RecoTrainer::retrainNow, Qt::QueuedConnection);
}

}  // namespace encore
