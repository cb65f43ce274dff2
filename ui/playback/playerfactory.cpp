#include "playback/playerfactory.h"

#include "playback/clockedplayer.h"
#include "playback/gstplayer.h"

namespace encore {

std::unique_ptr<Player> PlayerFactory::create() {
    if (qEnvironmentVariable("ENCORE_PLAYER") == QLatin1String("clocked"))
        return std::make_unique<ClockedPlayer>();
    return std::make_unique<GstPlayer>();
}

}  // namespace encore
