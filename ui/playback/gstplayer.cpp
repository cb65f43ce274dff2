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
    connect(engine_.get(), &PlaybackEngine::itemPlaying, this, [this](quint64 s) {
        if (s == serial_ && play_pending_) {
            play_pending_ = false;
            setState(State::Playing);
        }
    });
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
    position_ms_ = 0;
    duration_ms_ = qMax<qint64>(0, item.duration_ms);
    Q_EMIT durationChanged(duration_ms_);
    Q_EMIT positionChanged(0);
}

void GstPlayer::load(const PlaybackItem& item) {
    play_pending_ = false;
    setState(State::Stopped);
    upcoming_.clear();
    upcoming_serials_.clear();
    begin(item, engine_->load(item, 0, false));
}

void GstPlayer::skipTo(const PlaybackItem& item) {
    if (state_ != State::Playing || !settings_.crossfade_on_skip || settings_.crossfade_ms <= 0) {
        Player::skipTo(item);
        return;
    }
    upcoming_.clear();
    upcoming_serials_.clear();
    begin(item, engine_->skipTo(item));  // keeps playing: the engine fades into it
}

void GstPlayer::setUpcoming(const QList<PlaybackItem>& items) {
    bool same = items.size() == upcoming_.size();
    for (int i = 0; same && i < items.size(); ++i)
        same = items[i].sameAs(upcoming_[i]);
    if (same)
        return;
    upcoming_ = items;
    upcoming_serials_ = engine_->setUpcoming(items);
}

void GstPlayer::play() {
    if (!item_ || state_ == State::Playing)
        return;
    engine_->play();
    if (state_ == State::Paused)
        setState(State::Playing);  // prerolled already: it plays on at once
    else
        play_pending_ = true;  // Playing once the engine says it plays (a bad file never does)
}

void GstPlayer::pause() {
    if (state_ != State::Playing && !play_pending_)
        return;
    play_pending_ = false;
    engine_->pause();
    setState(State::Paused);
}

void GstPlayer::stop() {
    play_pending_ = false;
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
    const float bounded = qBound(0.0f, volume, 1.0f);
    if (bounded == volume_)
        return;
    volume_ = bounded;
    engine_->setVolume(volume_);  // a slider's position: the engine's cubic scale
    Q_EMIT volumeChanged(volume_);
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
    const int at = int(upcoming_serials_.indexOf(serial));
    if (at < 0)
        return;  // the current item itself (a faded skip reached the ear): nothing new
    // Normally the first (the engine reports every item it passes, in order).
    const QList<PlaybackItem> passed = upcoming_.mid(0, at + 1);
    upcoming_.erase(upcoming_.begin(), upcoming_.begin() + at + 1);
    upcoming_serials_.erase(upcoming_serials_.begin(), upcoming_serials_.begin() + at + 1);
    begin(passed.last(), serial);
    for (const PlaybackItem& item : passed)
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
        play_pending_ = false;
        setState(State::Stopped);
        Q_EMIT errorOccurred(message);
    } else if (upcoming_serials_.contains(serial) && state_ != State::Stopped) {
        // A file after this one broke the pipeline before it was heard: this one ends here,
        // and what follows is tried (and reported) on its own.
        upcoming_.clear();
        upcoming_serials_.clear();
        setState(State::Stopped);
        Q_EMIT endOfMedia();
    }
}

}  // namespace encore
