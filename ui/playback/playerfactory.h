#pragma once

#include "playback/player.h"

#include <memory>

namespace encore {

// Picks the player for this machine.
class PlayerFactory {
public:
    // The GStreamer engine on the sound device chosen in Settings (a clocked sink that plays
    // to nobody, and logs nothing, where there is no device). ENCORE_PLAYER=clocked gives
    // the stand-in that decodes nothing.
    static std::unique_ptr<Player> create();
};

}  // namespace encore
