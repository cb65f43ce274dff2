#pragma once

#include "playback/audiooutput.h"
#include "playback/playbackitem.h"
#include "playback/playbacksettings.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace encore {

// What plays audio: the GStreamer engine (GstPlayer: a sound device, or a clocked sink that
// plays to nobody where there is none), or a clocked stand-in that decodes nothing
// (ClockedPlayer, what most tests drive). Errors arrive as signals on a later turn of the
// event loop, never from inside a call, so callers can react by moving on.
// Only what reachesOutput() is a listen: a player that plays to nobody is never logged.
class Player : public QObject {
    Q_OBJECT

public:
    enum class State { Stopped, Playing, Paused };
    Q_ENUM(State)

    using QObject::QObject;

    // Opens an item (a file, or a range of one) and stays stopped at 0. Its duration_ms (from
    // the library) is used until the media reports its own length.
    virtual void load(const PlaybackItem& item) = 0;
    void load(const QString& path, qint64 expectedDurationMs) {
        load(PlaybackItem::file(path, expectedDurationMs));
    }
    // Goes to `item` now because the listener asked (next, previous, a pick), and plays it.
    // A player may fade into it (Settings: crossfade on skips).
    virtual void skipTo(const PlaybackItem& item) {
        load(item);
        play();
    }
    // What follows the current item, in order (the next few), told in advance so that it
    // joins without a gap; when the player moves on by itself it says advancedToNext().
    // Players that cannot join end with endOfMedia() instead.
    virtual void setUpcoming(const QList<PlaybackItem>& items) { Q_UNUSED(items); }
    virtual void play() = 0;
    virtual void pause() = 0;
    virtual void stop() = 0;
    virtual void setPosition(qint64 ms) = 0;
    virtual qint64 position() const = 0;
    virtual qint64 duration() const = 0;
    virtual State state() const = 0;
    // 0..1, perceptual (a slider's position, not amplitude).
    virtual void setVolume(float volume) = 0;
    virtual float volume() const = 0;
    virtual void setMuted(bool muted) = 0;
    virtual bool isMuted() const = 0;
    // "Speakers (Built-in Audio)", or why there is no sound.
    virtual QString outputDescription() const = 0;
    // True while sound really goes to an audio output (or, in tests, to a stand-in that was
    // explicitly made to count as a listener). Listens are logged only then.
    virtual bool reachesOutput() const = 0;
    // The sound devices there are to choose from (none where the player has no devices).
    virtual QList<OutputDevice> outputDevices() const { return {}; }
    // Levels, crossfades and the output device, as Settings say.
    virtual void applySettings(const PlaybackSettings& settings) { Q_UNUSED(settings); }

Q_SIGNALS:
    void stateChanged(encore::Player::State state);
    void positionChanged(qint64 ms);
    void durationChanged(qint64 ms);
    // setVolume() changed it (from the player bar, or from the desktop through MPRIS).
    void volumeChanged(float volume);
    // The item played to its end, and nothing given to setUpcoming() follows it.
    void endOfMedia();
    // The first item given to setUpcoming() plays now: the one before played to its end.
    void advancedToNext(const encore::PlaybackItem& item);
    // The file cannot be played: a sentence naming it and the reason.
    void errorOccurred(const QString& message);
    // reachesOutput() or outputDescription() changed (a device appeared or went away).
    void outputChanged();
    void outputDevicesChanged();
    // Something the listener should read that is no failure (a device went away).
    void notice(const QString& text);
};

}  // namespace encore
