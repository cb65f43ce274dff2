#pragma once

#include "playback/player.h"

#include <memory>
#include <optional>

namespace encore {

class PlaybackEngine;

// The Player of the app: the GStreamer engine (engine/playback) behind the Player interface.
// Commands go to the engine's thread at once; state changes as asked, right away, and the
// engine's reports (position, the next item heard, the end, failures) come back as signals.
class GstPlayer : public Player {
    Q_OBJECT

public:
    // `output`: a sound device (the default) or, for tests, a clocked sink that may stand in
    // for a listener, or a WAV file.
    explicit GstPlayer(AudioOutput output, PlaybackSettings settings, QObject* parent = nullptr);
    // A sound device, with the settings kept in QSettings.
    explicit GstPlayer(QObject* parent = nullptr);
    ~GstPlayer() override;

    using Player::load;
    void load(const PlaybackItem& item) override;
    void skipTo(const PlaybackItem& item) override;
    void setUpcoming(const QList<PlaybackItem>& items) override;
    void play() override;
    void pause() override;
    void stop() override;
    void setPosition(qint64 ms) override;
    qint64 position() const override { return position_ms_; }
    qint64 duration() const override { return duration_ms_; }
    State state() const override { return state_; }
    void setVolume(float volume) override;
    float volume() const override { return volume_; }
    void setMuted(bool muted) override;
    bool isMuted() const override { return muted_; }
    QString outputDescription() const override;
    bool reachesOutput() const override;
    QList<OutputDevice> outputDevices() const override;
    void applySettings(const PlaybackSettings& settings) override;

    PlaybackEngine* engine() const { return engine_.get(); }

private:
    void setState(State state);
    void begin(const PlaybackItem& item, quint64 serial);
    void onStarted(quint64 serial);
    void onEnded(quint64 serial);
    void onFailed(quint64 serial, const QString& message);

    std::unique_ptr<PlaybackEngine> engine_;
    PlaybackSettings settings_;
    std::optional<PlaybackItem> item_;
    quint64 serial_ = 0;  // of item_
    QList<PlaybackItem> upcoming_;
    QList<quint64> upcoming_serials_;
    State state_ = State::Stopped;
    bool play_pending_ = false;  // play() asked, the engine has not said it plays yet
    qint64 position_ms_ = 0;
    qint64 duration_ms_ = 0;
    float volume_ = 1.0f;
    bool muted_ = false;
};

}  // namespace encore
