#include "playback/listenwiring.h"

#include "listens/listentracker.h"
#include "playback/listeningevents.h"

namespace encore {

void connectListenTracker(ListeningEvents* events, ListenTracker* tracker) {
    QObject::connect(events, &ListeningEvents::started, tracker,
                     [tracker](TrackId track, qint64 durationMs, bool shuffle, qint64 startMs) {
                         tracker->start(track, durationMs, shuffle, startMs);
                     });
    QObject::connect(events, &ListeningEvents::durationKnown, tracker, &ListenTracker::setDuration);
    QObject::connect(events, &ListeningEvents::paused, tracker, &ListenTracker::pause);
    QObject::connect(events, &ListeningEvents::resumed, tracker, &ListenTracker::resume);
    QObject::connect(events, &ListeningEvents::seeked, tracker,
                     [tracker](qint64, qint64 toMs) { tracker->seek(toMs); });
    QObject::connect(events, &ListeningEvents::ended, tracker, &ListenTracker::finish);
    QObject::connect(events, &ListeningEvents::userChangedTrack, tracker,
                     &ListenTracker::changeTrackByUser);
    QObject::connect(events, &ListeningEvents::stopped, tracker, &ListenTracker::stop);
    QObject::connect(events, &ListeningEvents::failed, tracker, [tracker] { tracker->fail(); });
}

}  // namespace encore
