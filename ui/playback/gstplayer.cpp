#include "playback/gstplayer.h"

#include "playback/playbackengine.h"

#include <QSettings>

namespace encore {

GstPlayer::GstPlayer(AudioOutput output, PlaybackSettings settings, QObject* parent)
    : Player(parent)
    , engine_(std::make_unique<PlaybackEngine>(std::move(output), settings))
    , settings_(settings) {
    qRegisterMetaType<encore::PlaybackItem>();
    connect(engine_.get(), &PlaybackEngine::positionChanged, this, [this](quint64 s, qint64 ms) {
        if (s != serial_ || state_ == State::Stopped)
            return;
        position_ms_ = ms;
        Q_EMIT positionChanged(ms);
    });
    connect(engine_.get(), &PlaybackEngine::durationChanged, this, [this](quint64 s, qint64 ms) {
        if (s != serial_ || ms <= 0 || ms == duration_ms_)
            return;
        duration_ms_ = ms;
        Q_EMIT durationChanged(ms);
    });
    connect(engine_.get(), &PlaybackEngine::itemStarted, this, &GstPlayer::onStarted);
    connect(engine_.get(), &PlaybackEngine::itemEnded, this, &GstPlayer::onEnded);
    connect(engine_.get(), &PlaybackEngine::itemFailed, this, &GstPlayer::onFailed);
    connect(engine_.get(), &PlaybackEngine::outputChanged, this, &Player::outputChanged);
    connect(engine_.get(), &PlaybackEngine::devicesChanged, this, &Player::outputDevicesChanged);
    connect(engine_.get(), &PlaybackEngine::notice, this, &Player::notice);
}

GstPlayer::GstPlayer(QObject* parent)
    : GstPlayer(AudioOutput::device(), PlaybackSettings::load(QSettings()), parent) {}

GstPlayer::~GstPlayer() = default;

void GstPlayer::begin(const PlaybackItem& item, quint64 serial) {
    item_ = item;
    serial_ = serial;
    next_.reset();
    next_serial_ = 0;
    position_ms_ = 0;
    duration_ms_ = qMax<qint64>(0, item.duration_ms);
    Q_EMIT durationChanged(duration_ms_);
    Q_EMIT positionChanged(0);
}

void GstPlayer::load(const PlaybackItem& item) {
    setState(State::Stopped);
    begin(item, engine_->load(item, 0, false));
}

void GstPlayer::skipTo(const PlaybackItem& item) {
    if (state_ != State::Playing || !settings_.crossfade_on_skip || settings_.crossfade_ms <= 0) {
        Player::skipTo(item);
        return;
    }
    begin(item, engine_->skipTo(item));  // keeps playing: the engine fades into it
}

void GstPlayer::setNext(const std::optional<PlaybackItem>& next) {
    if (next.has_value() == next_.has_value() && (!next || next->sameAs(*next_)))
        return;
    next_ = next;
    const QList<quint64> serials =
        engine_->setUpcoming(next ? QList<PlaybackItem>{*next} : QList<PlaybackItem>{});
    next_serial_ = serials.value(0);
}

void GstPlayer::play() {
    if (!item_ || state_ == State::Playing)
        return;
    engine_->play();
    setState(State::Playing);
}

void GstPlayer::pause() {
    if (state_ != State::Playing)
        return;
    engine_->pause();
    setState(State::Paused);
}

void GstPlayer::stop() {
    engine_->stop();
    const bool moved = position_ms_ != 0;
    position_ms_ = 0;
    if (state_ != State::Stopped) {
        setState(State::Stopped);
        Q_EMIT positionChanged(0);
    } else if (moved) {
        Q_EMIT positionChanged(0);
    }
}

void GstPlayer::setPosition(qint64 ms) {
    if (!item_)
        return;
    position_ms_ = qBound<qint64>(0, ms, duration_ms_ > 0 ? duration_ms_ : ms);
    engine_->seek(position_ms_);
    Q_EMIT positionChanged(position_ms_);
}

void GstPlayer::setVolume(float volume) {
    volume_ = qBound(0.0f, volume, 1.0f);
    engine_->setVolume(volume_);  // a slider's position: the engine's cubic scale
}

void GstPlayer::setMuted(bool muted) {
    muted_ = muted;
    engine_->setMuted(muted);
}

QString GstPlayer::outputDescription() const {
    return engine_->outputDescription();
}

bool GstPlayer::reachesOutput() const {
    return engine_->reachesOutput();
}

QList<OutputDevice> GstPlayer::outputDevices() const {
    return engine_->devices();
}

void GstPlayer::applySettings(const PlaybackSettings& settings) {
    if (settings == settings_)
        return;
    settings_ = settings;
    engine_->setSettings(settings);
}

void GstPlayer::setState(State state) {
    if (state_ == state)
        return;
    state_ = state;
    Q_EMIT stateChanged(state);
}

void GstPlayer::onStarted(quint64 serial) {
    if (serial != next_serial_ || !next_)
        return;  // the current item itself (a faded skip reached the ear): nothing new
    const PlaybackItem item = *next_;
    begin(item, serial);
    Q_EMIT advancedToNext(item);
}

void GstPlayer::onEnded(quint64 serial) {
    if (serial != serial_ || state_ == State::Stopped)
        return;
    setState(State::Stopped);
    Q_EMIT endOfMedia();
}

void GstPlayer::onFailed(quint64 serial, const QString& message) {
    if (serial == serial_) {
        setState(State::Stopped);
        Q_EMIT errorOccurred(message);
    } else if (serial == next_serial_ && state_ != State::Stopped) {
        // The next file broke the pipeline before it was heard: this one ends here, and the
        // next is tried (and reported) on its own.
        next_.reset();
        next_serial_ = 0;
        setState(State::Stopped);
        Q_EMIT endOfMedia();
    }
}

}  // namespace encore
