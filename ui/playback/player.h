#pragma once

#include <QObject>
#include <QString>

namespace encore {

// What plays audio: Qt Multimedia on a machine with a sound device (MediaPlayer), a clocked
// stand-in without one (ClockedPlayer, also what tests drive). Errors arrive as signals on a
// later turn of the event loop, never from inside a call, so callers can react by moving on.
// Only what reachesOutput() is a listen: a player that plays to nobody is never logged.
class Player : public QObject {
    Q_OBJECT

public:
    enum class State { Stopped, Playing, Paused };
    Q_ENUM(State)

    using QObject::QObject;

    // Opens a file and stays stopped at 0. `expectedDurationMs` (from the library) is used
    // until the media reports its own length.
    virtual void load(const QString& path, qint64 expectedDurationMs) = 0;
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

Q_SIGNALS:
    void stateChanged(encore::Player::State state);
    void positionChanged(qint64 ms);
    void durationChanged(qint64 ms);
    // The file played to its end.
    void endOfMedia();
    // The file cannot be played: a sentence naming it and the reason.
    void errorOccurred(const QString& message);
    // reachesOutput() or outputDescription() changed (a device appeared or went away).
    void outputChanged();
};

}  // namespace encore
