#pragma once

#include "core/track.h"

#include <QObject>
#include <QString>

namespace encore {

// Everything the play and skip rules need to hear from playback, in the order it happens.
// A listen opens with started() and closes with exactly one of ended(), userChangedTrack(),
// stopped() or failed(); the next started() follows the close. Connect a ListenTracker:
//   started -> start, paused -> pause, resumed -> resume, seeked(from, to) -> seek(to),
//   ended -> finish, userChangedTrack -> changeTrackByUser, stopped -> stop, failed -> fail.
class ListeningEvents : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

Q_SIGNALS:
    void started(encore::TrackId track, qint64 durationMs, bool shuffle, qint64 startPositionMs);
    // The media reported its own length (it may differ from the library's).
    void durationKnown(qint64 durationMs);
    void paused();
    void resumed();
    void seeked(qint64 fromMs, qint64 toMs);
    // While playing, a few times a second.
    void position(qint64 positionMs);
    // The track played to its end.
    void ended();
    // The listener moved to another track (next, previous, picked one): a skip when the rules
    // say so.
    void userChangedTrack();
    // Stop, quit, or the end of everything there was to play.
    void stopped();
    void failed(const QString& message);
};

}  // namespace encore
