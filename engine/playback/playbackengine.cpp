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
    output_description_ =
        output.kind == AudioOutput::Kind::Device ? tr("Looking for sound output…") : QString();
    worker_ = new PipelineWorker(std::move(output), std::move(settings));
    worker_->moveToThread(&thread_);
    thread_.setObjectName(QStringLiteral("encore-playback"));
    connect(worker_, &PipelineWorker::positionChanged, this, &PlaybackEngine::positionChanged);
    connect(worker_, &PipelineWorker::durationChanged, this, &PlaybackEngine::durationChanged);
    connect(worker_, &PipelineWorker::itemStarted, this, &PlaybackEngine::itemStarted);
    connect(worker_, &PipelineWorker::itemEnded, this, &PlaybackEngine::itemEnded);
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
    post([w = worker_, item, serial, startMs, play] { w->load(item, serial, startMs, play); });
    return serial;
}

quint64 PlaybackEngine::skipTo(const PlaybackItem& item) {
    const quint64 serial = next_serial_++;
    post([w = worker_, item, serial] { w->skipTo(item, serial); });
    return serial;
}

QList<quint64> PlaybackEngine::setUpcoming(const QList<PlaybackItem>& items) {
    QList<quint64> serials;
    for (int i = 0; i < items.size(); ++i)
        serials.append(next_serial_++);
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
