#pragma once

#include "playback/playbackcontroller.h"

class QSettings;

namespace encore {

// The playback session in the application's settings, between two runs.
void savePlaybackSession(QSettings& settings, const PlaybackSession& session);
PlaybackSession loadPlaybackSession(const QSettings& settings);

}  // namespace encore
