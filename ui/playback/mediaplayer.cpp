#include "playback/mediaplayer.h"

#include <QAudio>
#include <QAudioDevice>
#include <QAudioOutput>
#include <QFileInfo>
#include <QMediaDevices>
#include <QMediaPlayer>
#include <QUrl>

namespace encore {

MediaPlayer::MediaPlayer(QObject* parent)
    : Player(parent), player_(new QMediaPlayer(this)), output_(new QAudioOutput(this)) {
    player_->setAudioOutput(output_);
    // Follow the system's default output when it changes (headphones plugged in).
    auto* devices = new QMediaDevices(this);
    connect(devices, &QMediaDevices::audioOutputsChanged, this, [this] {
        output_->setDevice(QMediaDevices::defaultAudioOutput());
        Q_EMIT outputChanged();
    });

    connect(player_, &QMediaPlayer::playbackStateChanged, this,
            [this](QMediaPlayer::PlaybackState s) {
                setState(s == QMediaPlayer::PlayingState  ? State::Playing
                         : s == QMediaPlayer::PausedState ? State::Paused
                                                          : State::Stopped);
            });
    connect(player_, &QMediaPlayer::positionChanged, this, &Player::positionChanged);
    connect(player_, &QMediaPlayer::durationChanged, this, [this](qint64 ms) {
        if (ms > 0)
            Q_EMIT durationChanged(ms);
    });
    connect(player_, &QMediaPlayer::mediaStatusChanged, this,
            [this](QMediaPlayer::MediaStatus status) {
                if (status == QMediaPlayer::EndOfMedia && !failed_)
                    Q_EMIT endOfMedia();
                else if (status == QMediaPlayer::InvalidMedia && !failed_)
                    fail(tr("the file's format or codec is not supported"));
            });
    connect(player_, &QMediaPlayer::errorOccurred, this,
            [this](QMediaPlayer::Error error, const QString& text) {
                if (error == QMediaPlayer::NoError || failed_)
                    return;
                fail(text.isEmpty() ? tr("the audio system reported an error") : text);
            });
}

MediaPlayer::~MediaPlayer() {
    player_->stop();
}

void MediaPlayer::fail(const QString& reason) {
    failed_ = true;
    QString why = reason.trimmed();
    while (why.endsWith(QLatin1Char('.')))
        why.chop(1);
    if (!why.isEmpty())
        why[0] = why[0].toLower();
    const QString message = tr("Encore cannot play %1: %2.").arg(path_, why);
    // Queued: a caller reacting to the error must not re-enter QMediaPlayer's signal.
    QMetaObject::invokeMethod(
        this, [this, message] { Q_EMIT errorOccurred(message); }, Qt::QueuedConnection);
}

void MediaPlayer::load(const QString& path, qint64 expectedDurationMs) {
    player_->stop();
    path_ = path;
    failed_ = false;
    expected_duration_ms_ = expectedDurationMs;
    const QFileInfo file(path);
    if (!file.exists()) {
        failed_ = true;
        const QString message =
            tr("The file %1 is gone. Rescan the library to forget it, or put it back.").arg(path);
        QMetaObject::invokeMethod(
            this, [this, message] { Q_EMIT errorOccurred(message); }, Qt::QueuedConnection);
        player_->setSource({});
        return;
    }
    player_->setSource(QUrl::fromLocalFile(file.absoluteFilePath()));
    if (expectedDurationMs > 0)
        Q_EMIT durationChanged(expectedDurationMs);
    Q_EMIT positionChanged(0);
}

void MediaPlayer::play() {
    if (!failed_)
        player_->play();
}

void MediaPlayer::pause() {
    player_->pause();
}

void MediaPlayer::stop() {
    player_->stop();
}

void MediaPlayer::setPosition(qint64 ms) {
    player_->setPosition(ms);
}

qint64 MediaPlayer::position() const {
    return player_->position();
}

qint64 MediaPlayer::duration() const {
    return player_->duration() > 0 ? player_->duration() : expected_duration_ms_;
}

void MediaPlayer::setVolume(float volume) {
    volume_ = qBound(0.0f, volume, 1.0f);
    output_->setVolume(
        QAudio::convertVolume(volume_, QAudio::LogarithmicVolumeScale, QAudio::LinearVolumeScale));
}

void MediaPlayer::setMuted(bool muted) {
    output_->setMuted(muted);
}

bool MediaPlayer::isMuted() const {
    return output_->isMuted();
}

QString MediaPlayer::outputDescription() const {
    if (output_->device().isNull())
        return tr("No sound output: nothing is heard, and nothing is logged as listening");
    return output_->device().description();
}

bool MediaPlayer::reachesOutput() const {
    return !output_->device().isNull();
}

void MediaPlayer::setState(State state) {
    if (state_ == state)
        return;
    state_ = state;
    Q_EMIT stateChanged(state);
}

}  // namespace encore
