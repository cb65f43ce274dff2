#pragma once

namespace encore {

class ListeningEvents;
class ListenTracker;
class Player;

// Feeds `tracker` (the play and skip rules) every listening event of playback, in order, so
// that each listen is classified and logged exactly once. All live on the GUI thread.
// Only what `player` really plays to an output is a listen: a track started while it reaches
// none opens no listen, and a listen open when the output goes away ends there.
void connectListenTracker(ListeningEvents* events, ListenTracker* tracker, Player* player);

}  // namespace encore
