#pragma once

#include "playback/playbackitem.h"
#include "playback/playbacksettings.h"

namespace encore {

// The linear gain playback applies to an item: its ReplayGain value (track or album, as the
// mode says) plus the pre-amp, capped by the known peak when clipping prevention is on.
// Items without loudness values play unchanged.
class ReplayGain {
public:
    static double gainDb(const PlaybackItem& item, const PlaybackSettings& settings);
    static double linearGain(const PlaybackItem& item, const PlaybackSettings& settings);
    // Whether the limiter should run for an item played at `linearGain`: only where clipping
    // prevention is on and the gain raises the level (a peak nobody tagged could then clip).
    static bool needsLimiter(double linearGain, const PlaybackSettings& settings);
};

}  // namespace encore
