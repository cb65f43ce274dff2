#pragma once

#include "playback/player.h"

#include <memory>

namespace encore {

// Picks the player for this machine.
class PlayerFactory {
public:
    // ENCORE_PLAYER=clocked|media forces one; otherwise Qt Multimedia when an audio output
    // exists, else the clocked stand-in: time runs, nothing is heard, nothing is logged.
    static std::unique_ptr<Player> create();
};

}  // namespace encore
