#pragma once

#include "playback/player.h"

#include <QTimer>

#include <functional>

namespace encore {

// Plays nothing but keeps time: the position advances with a clock while "playing", the
// track ends when the position reaches its length. Used where there is no audio device
// (headless machines, CI) and by tests, which drive the clock instead of waiting.
class ClockedPlayer : public Player {
    Q_OBJECT

public:
    // Who hears it. Nobody, unless a test or benchmark says otherwise: only then is what it
    // "plays" logged as listening (reachesOutput()), so the model never learns from silence.
    enum class Audience {
        Nobody,             // the product's stand-in where there is no sound device
        SimulatedListener,  // tests and benchmarks that need logged listens, by choice
    };
    // Milliseconds from any fixed origin, never going back.
    using TimeSource = std::function<qint64()>;
    static constexpr int kDefaultTickMs = 200;

    explicit ClockedPlayer(Audience audience = Audience::Nobody, QObject* parent = nullptr);

    // Tests pass a hand-driven clock; the default is a monotonic timer.
    void setTimeSource(TimeSource source);
    // How often the position is re-read while playing (0: only when poll() is called).
    void setTickInterval(int ms);
    // Reads the clock now: moves the position, and ends the track at its length.
    void poll();

    using Player::load;
    void load(const PlaybackItem& item) override;
    void play() override;
    void pause() override;
    void stop() override;
    void setPosition(qint64 ms) override;
    qint64 position() const override;
    qint64 duration() const override { return duration_ms_; }
    State state() const override { return state_; }
    void setVolume(float volume) override {
        if (volume == volume_)
            return;
        volume_ = volume;
        Q_EMIT volumeChanged(volume);
    }
    float volume() const override { return volume_; }
    void setMuted(bool muted) override { muted_ = muted; }
    bool isMuted() const override { return muted_; }
    QString outputDescription() const override;
    bool reachesOutput() const override { return audience_ == Audience::SimulatedListener; }

private:
    void setState(State state);
    void failLater(const QString& message);

    Audience audience_;
    TimeSource now_;
    QTimer tick_;
    QString path_;
    State state_ = State::Stopped;
    qint64 duration_ms_ = 0;
    qint64 anchor_position_ms_ = 0;  // position at anchor_time_ms_
    qint64 anchor_time_ms_ = 0;
    qint64 reported_position_ms_ = -1;
    float volume_ = 1.0f;
    bool muted_ = false;
    bool loaded_ = false;
};

}  // namespace encore
