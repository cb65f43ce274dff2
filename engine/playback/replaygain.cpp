#include "playback/replaygain.h"

#include <algorithm>
#include <cmath>

namespace encore {

namespace {

bool usesAlbum(const PlaybackItem& item, ReplayGainMode mode) {
    if (!item.loudness || !item.loudness->album_gain_db)
        return false;
    return mode == ReplayGainMode::Album ||
           (mode == ReplayGainMode::Automatic && item.album_in_order);
}

}  // namespace

double ReplayGain::gainDb(const PlaybackItem& item, const PlaybackSettings& settings) {
    if (settings.replaygain == ReplayGainMode::Off || !item.loudness)
        return 0.0;
    const Loudness& l = *item.loudness;
    const double gain = usesAlbum(item, settings.replaygain) ? *l.album_gain_db : l.track_gain_db;
    return gain + settings.preamp_db;
}

double ReplayGain::linearGain(const PlaybackItem& item, const PlaybackSettings& settings) {
    double linear = std::pow(10.0, gainDb(item, settings) / 20.0);
    if (settings.prevent_clipping && item.loudness && settings.replaygain != ReplayGainMode::Off) {
        const Loudness& l = *item.loudness;
        const std::optional<double> peak =
            usesAlbum(item, settings.replaygain) && l.album_peak ? l.album_peak : l.track_peak;
        if (peak && *peak > 0.0)
            linear = std::min(linear, 1.0 / *peak);
    }
    return linear;
}

bool ReplayGain::needsLimiter(double linearGain, const PlaybackSettings& settings) {
    constexpr double kUnity = 1.0 + 1e-6;
    return settings.prevent_clipping && settings.replaygain != ReplayGainMode::Off &&
           linearGain > kUnity;
}

}  // namespace encore
