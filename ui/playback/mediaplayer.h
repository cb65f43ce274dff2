#pragma once

#include "playback/player.h"

class QAudioOutput;
class QMediaPlayer;

namespace encore {

// Real playback through Qt Multimedia (QMediaPlayer + QAudioOutput on the default device;
// on Debian 12 the GStreamer backend of libqt6multimedia6).
class MediaPlayer : public Player {
    Q_OBJECT

public:
    explicit MediaPlayer(QObject* parent = nullptr);
    ~MediaPlayer() override;

    void load(const QString& path, qint64 expectedDurationMs) override;
    void play() override;
    void pause() override;
    void stop() override;
    void setPosition(qint64 ms) override;
    qint64 position() const override;
    qint64 duration() const override;
    State state() const override { return state_; }
    void setVolume(float volume) override;
    float volume() const override { return volume_; }
    void setMuted(bool muted) override;
    bool isMuted() const override;
    QString outputDescription() const override;
    bool reachesOutput() const override;

private:
    void fail(const QString& reason);
    void setState(State state);

    QMediaPlayer* player_;
    QAudioOutput* output_;
    QString path_;
    qint64 expected_duration_ms_ = 0;
    State state_ = State::Stopped;
    float volume_ = 1.0f;
    bool failed_ = false;
};

}  // namespace encore
