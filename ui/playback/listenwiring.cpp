#include "playback/listenwiring.h"

#include "listens/listentracker.h"
#include "playback/listeningevents.h"
#include "playback/player.h"

namespace encore {

void connectListenTracker(ListeningEvents* events, ListenTracker* tracker, Player* player) {
    QObject::connect(
        events, &ListeningEvents::started, tracker,
        [tracker, player](TrackId track, qint64 durationMs, bool shuffle, qint64 startMs) {
            if (player->reachesOutput())
                tracker->start(track, durationMs, shuffle, startMs);
            else
                tracker->stop();  // nobody hears it: no listen (and none left open)
        });
    QObject::connect(player, &Player::outputChanged, tracker, [tracker, player] {
        if (!player->reachesOutput())
            tracker->stop();  // what was heard until the output went away is kept
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
