#pragma once

#include <QString>

class QSettings;

namespace encore {

// Which ReplayGain value levels a track: none, its own, its album's, or the album's while an
// album plays in order and the track's otherwise.
enum class ReplayGainMode { Off, Track, Album, Automatic };

// How playback sounds; kept in QSettings under "playback/".
struct PlaybackSettings {
    static constexpr int kMaxCrossfadeMs = 12000;
    static constexpr double kMaxPreampDb = 15.0;

    ReplayGainMode replaygain = ReplayGainMode::Automatic;
    double preamp_db = 0.0;  // added to every ReplayGain value
    // Never louder than full scale: the gain is capped by the known peak, and a limiter
    // catches what is left when a gain raises the level.
    bool prevent_clipping = true;
    int crossfade_ms = 0;  // 0: off (gapless)
    bool crossfade_on_skip = false;
    QString output_device;  // id from OutputDevice; empty: the system default

    static PlaybackSettings load(const QSettings& settings);
    void save(QSettings& settings) const;
    bool operator==(const PlaybackSettings& o) const;
    bool operator!=(const PlaybackSettings& o) const { return !(*this == o); }
};

QString replayGainModeName(ReplayGainMode mode);  // "off", "track", "album", "auto"
bool parseReplayGainMode(const QString& name, ReplayGainMode* mode);

}  // namespace encore
