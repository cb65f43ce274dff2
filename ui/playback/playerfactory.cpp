#include "playback/playerfactory.h"

#include "playback/clockedplayer.h"
#include "playback/mediaplayer.h"

#include <QAudioDevice>
#include <QMediaDevices>

namespace encore {

std::unique_ptr<Player> PlayerFactory::create() {
    const QString forced = qEnvironmentVariable("ENCORE_PLAYER");
    if (forced == QLatin1String("clocked"))
        return std::make_unique<ClockedPlayer>();
    if (forced == QLatin1String("media") || !QMediaDevices::audioOutputs().isEmpty())
        return std::make_unique<MediaPlayer>();
    return std::make_unique<ClockedPlayer>();
}

}  // namespace encore
