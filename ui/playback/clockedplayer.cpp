#include "playback/clockedplayer.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <memory>

namespace encore {

ClockedPlayer::ClockedPlayer(Audience audience, QObject* parent)
    : Player(parent), audience_(audience) {
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    now_ = [timer] { return timer->elapsed(); };
    tick_.setInterval(kDefaultTickMs);
    connect(&tick_, &QTimer::timeout, this, &ClockedPlayer::poll);
}

void ClockedPlayer::setTimeSource(TimeSource source) {
    const qint64 position = this->position();
    now_ = std::move(source);
    anchor_position_ms_ = position;
    anchor_time_ms_ = now_();
}

void ClockedPlayer::setTickInterval(int ms) {
    tick_.setInterval(ms);
    if (ms <= 0)
        tick_.stop();
    else if (state_ == State::Playing)
        tick_.start();
}

QString ClockedPlayer::outputDescription() const {
    if (audience_ == Audience::SimulatedListener)
        return tr("Simulated listener (tests): time runs, nothing is heard, listens are logged");
    return tr("No sound output: time runs, nothing is heard, and nothing is logged as listening");
}

void ClockedPlayer::failLater(const QString& message) {
    QMetaObject::invokeMethod(
        this, [this, message] { Q_EMIT errorOccurred(message); }, Qt::QueuedConnection);
}

void ClockedPlayer::load(const PlaybackItem& item) {
    const QString& path = item.path;
    const qint64 expectedDurationMs = item.duration_ms;
    stop();
    path_ = path;
    loaded_ = false;
    const QFileInfo file(path);
    if (!file.exists()) {
        failLater(
            tr("The file %1 is gone. Rescan the library to forget it, or put it back.").arg(path));
        return;
    }
    if (!file.isReadable()) {
        failLater(tr("The file %1 cannot be read (permissions).").arg(path));
        return;
    }
    loaded_ = true;
    duration_ms_ = qMax<qint64>(0, expectedDurationMs);
    anchor_position_ms_ = 0;
    anchor_time_ms_ = now_();
    reported_position_ms_ = -1;
    Q_EMIT durationChanged(duration_ms_);
    Q_EMIT positionChanged(0);
}

void ClockedPlayer::play() {
    if (!loaded_ || state_ == State::Playing)
        return;
    anchor_time_ms_ = now_();
    setState(State::Playing);
    if (tick_.interval() > 0)
        tick_.start();
}

void ClockedPlayer::pause() {
    if (state_ != State::Playing)
        return;
    anchor_position_ms_ = position();
    anchor_time_ms_ = now_();
    tick_.stop();
    setState(State::Paused);
}

void ClockedPlayer::stop() {
    tick_.stop();
    anchor_position_ms_ = 0;
    anchor_time_ms_ = now_();
    if (state_ != State::Stopped) {
        setState(State::Stopped);
        Q_EMIT positionChanged(0);
    }
}

void ClockedPlayer::setPosition(qint64 ms) {
    if (!loaded_)
        return;
    anchor_position_ms_ = qBound<qint64>(0, ms, duration_ms_ > 0 ? duration_ms_ : ms);
    anchor_time_ms_ = now_();
    Q_EMIT positionChanged(anchor_position_ms_);
    poll();
}

qint64 ClockedPlayer::position() const {
    qint64 position = anchor_position_ms_;
    if (state_ == State::Playing)
        position += now_() - anchor_time_ms_;
    return duration_ms_ > 0 ? qMin(position, duration_ms_) : position;
}

void ClockedPlayer::poll() {
    if (state_ != State::Playing)
        return;
    const qint64 position = this->position();
    if (position != reported_position_ms_) {
        reported_position_ms_ = position;
        Q_EMIT positionChanged(position);
    }
    if (duration_ms_ > 0 && position >= duration_ms_) {
        tick_.stop();
        anchor_position_ms_ = duration_ms_;
        setState(State::Stopped);
        Q_EMIT endOfMedia();
    }
}

void ClockedPlayer::setState(State state) {
    if (state_ == state)
        return;
    state_ = state;
    Q_EMIT stateChanged(state);
}

}  // namespace encore
