#include "playback/playbackengine.h"

#include "playback/pipelineworker.h"

namespace encore {

PlaybackEngine::PlaybackEngine(AudioOutput output, PlaybackSettings settings, QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<encore::OutputDevice>();
    qRegisterMetaType<QList<encore::OutputDevice>>();
    qRegisterMetaType<encore::PlaybackItem>();
    // Until the engine has looked: a WAV file or a clocked sink is known at once.
    reaches_output_ = output.kind == AudioOutput::Kind::Clocked && output.simulated_listener;
    output_description_ = PipelineWorker::describeFixed(output);
    worker_ = new PipelineWorker(std::move(output), std::move(settings));
    worker_->moveToThread(&thread_);
    thread_.setObjectName(QStringLiteral("encore-playback"));
    connect(worker_, &PipelineWorker::positionChanged, this, &PlaybackEngine::positionChanged);
    connect(worker_, &PipelineWorker::durationChanged, this, &PlaybackEngine::durationChanged);
    connect(worker_, &PipelineWorker::itemStarted, this, [this](quint64 serial) {
        const int at = int(upcoming_serials_.indexOf(serial));
        if (at >= 0) {
            upcoming_.erase(upcoming_.begin(), upcoming_.begin() + at + 1);
            upcoming_serials_.erase(upcoming_serials_.begin(), upcoming_serials_.begin() + at + 1);
        }
        Q_EMIT itemStarted(serial);
    });
    connect(worker_, &PipelineWorker::itemEnded, this, &PlaybackEngine::itemEnded);
    connect(worker_, &PipelineWorker::itemPlaying, this, &PlaybackEngine::itemPlaying);
    connect(worker_, &PipelineWorker::itemFailed, this, &PlaybackEngine::itemFailed);
    connect(worker_, &PipelineWorker::notice, this, &PlaybackEngine::notice);
    connect(worker_, &PipelineWorker::outputChanged, this,
            [this](const QString& description, bool reaches) {
                output_description_ = description;
                reaches_output_ = reaches;
                Q_EMIT outputChanged();
            });
    connect(worker_, &PipelineWorker::devicesChanged, this,
            [this](const QList<OutputDevice>& devices) {
                devices_ = devices;
                Q_EMIT devicesChanged();
            });
    thread_.start();
    post([w = worker_] { w->start(); });
}

PlaybackEngine::~PlaybackEngine() {
    QMetaObject::invokeMethod(
        worker_, [w = worker_] { w->shutdown(); }, Qt::BlockingQueuedConnection);
    worker_->disconnect(this);
    QMetaObject::invokeMethod(
        worker_, [w = worker_] { delete w; }, Qt::BlockingQueuedConnection);
    thread_.quit();
    thread_.wait();
}

template <typename F>
void PlaybackEngine::post(F f) {
    QMetaObject::invokeMethod(worker_, std::move(f), Qt::QueuedConnection);
}

quint64 PlaybackEngine::load(const PlaybackItem& item, qint64 startMs, bool play) {
    const quint64 serial = next_serial_++;
    upcoming_.clear();
    upcoming_serials_.clear();
    post([w = worker_, item, serial, startMs, play] { w->load(item, serial, startMs, play); });
    return serial;
}

quint64 PlaybackEngine::skipTo(const PlaybackItem& item) {
    const quint64 serial = next_serial_++;
    upcoming_.clear();
    upcoming_serials_.clear();
    post([w = worker_, item, serial] { w->skipTo(item, serial); });
    return serial;
}

QList<quint64> PlaybackEngine::setUpcoming(const QList<PlaybackItem>& items) {
    QList<quint64> serials;
    bool prefix = true;  // what follows a changed item is new, even where it looks the same
    for (int i = 0; i < items.size(); ++i) {
        prefix = prefix && i < upcoming_.size() && items[i].sameAs(upcoming_[i]);
        serials.append(prefix ? upcoming_serials_[i] : next_serial_++);
    }
    upcoming_ = items;
    upcoming_serials_ = serials;
    post([w = worker_, items, serials] { w->setUpcoming(items, serials); });
    return serials;
}

void PlaybackEngine::play() {
    post([w = worker_] { w->play(); });
}

void PlaybackEngine::pause() {
    post([w = worker_] { w->pause(); });
}

void PlaybackEngine::stop() {
    post([w = worker_] { w->stop(); });
}

void PlaybackEngine::seek(qint64 ms) {
    post([w = worker_, ms] { w->seek(ms); });
}

void PlaybackEngine::setVolume(double volume) {
    post([w = worker_, volume] { w->setVolume(volume); });
}

void PlaybackEngine::setMuted(bool muted) {
    post([w = worker_, muted] { w->setMuted(muted); });
}

void PlaybackEngine::setSettings(const PlaybackSettings& settings) {
    post([w = worker_, settings] { w->setSettings(settings); });
}

}  // namespace encore
