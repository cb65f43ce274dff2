#pragma once

#include "listens/clock.h"
#include "listens/listenrules.h"
#include "store/play.h"

#include <QObject>

namespace encore {

// Turns player events into listens. The player calls one method per event; when a listen
// ends, listenEnded() carries it (profile 0: the active one; session and previous track are
// assigned by PlayLog). Heard time is wall time while playing, read from the injected clock:
// pauses add nothing, a forward seek skips the jumped part, a backward seek hears it again.
// Lives on the player's thread; connect listenEnded to the database writer (queued).
class ListenTracker : public QObject {
    Q_OBJECT

public:
    explicit ListenTracker(const Clock& clock, QObject* parent = nullptr);

    // Incognito: no listen that overlaps an incognito period is logged.
    void setIncognito(bool on);
    bool incognito() const { return incognito_; }

    // A track starts playing from `startPositionMs`. A listen still open ends as a change of
    // track by the user (call finish() first when the previous track simply ended).
    void start(TrackId track, qint64 durationMs, bool shuffle, qint64 startPositionMs = 0);
    // The player learned the length after start() (media loaded).
    void setDuration(qint64 durationMs);
    void pause();
    void resume();
    void seek(qint64 positionMs);
    // The track reached its end.
    void finish();
    // The listener moved to another track; start() of the next one follows.
    void changeTrackByUser();
    // Stop button, quit, end of the queue.
    void stop();
    // Playback failed.
    void fail();

    bool hasOpenListen() const { return open_; }
    bool playing() const { return open_ && playing_; }
    qint64 heardMs() const;
    qint64 positionMs() const;

Q_SIGNALS:
    void listenEnded(const encore::Play& play);

private:
    void foldSegment();  // adds the running playing segment to heard time and position
    void end(EndCause cause);

    const Clock& clock_;
    bool incognito_ = false;

    bool open_ = false;
    bool playing_ = false;
    TrackId track_ = 0;
    qint64 duration_ms_ = 0;
    bool shuffle_ = false;
    qint64 started_at_ms_ = 0;
    int utc_offset_minutes_ = 0;
    qint64 segment_start_ms_ = 0;  // clock time when the running playing segment began
    qint64 heard_ms_ = 0;          // folded playing time
    qint64 position_ms_ = 0;       // track position at segment_start_ms_
    bool jumped_forward_ = false;  // some part was never played (forward seek, late start)
    bool seeked_back_ = false;     // some part was heard twice (backward seek)
    bool touched_incognito_ = false;
};

}  // namespace encore
