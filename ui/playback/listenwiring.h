#pragma once

namespace encore {

class ListeningEvents;
class ListenTracker;

// Feeds `tracker` (the play and skip rules) every listening event of playback, in order, so
// that each listen is classified and logged exactly once. Both live on the GUI thread.
void connectListenTracker(ListeningEvents* events, ListenTracker* tracker);

}  // namespace encore
