#pragma once

#include <QString>

#include <optional>

namespace encore {

// ReplayGain 2 values of a track, from its tags or from an EBU R128 analysis (same scale:
// gain in dB to reach the -18 LUFS reference, peak as linear sample amplitude, 1.0 = full
// scale).
struct Loudness {
    double track_gain_db = 0.0;
    std::optional<double> track_peak;
    std::optional<double> album_gain_db;
    std::optional<double> album_peak;

    bool operator==(const Loudness& o) const {
        return track_gain_db == o.track_gain_db && track_peak == o.track_peak &&
               album_gain_db == o.album_gain_db && album_peak == o.album_peak;
    }
};

// "-6.00 dB", "+1.5 dB", "-6.00": the gain (nullopt when it is not a plausible one).
std::optional<double> parseReplayGainDb(const QString& text);
// "0.988831": the peak (nullopt unless a positive, plausible amplitude).
std::optional<double> parseReplayGainPeak(const QString& text);

}  // namespace encore
