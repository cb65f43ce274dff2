#pragma once

#include "playback/playbackitem.h"

#include <QString>

#include <optional>

namespace encore {

// ReplayGain 2 tags of a file, read with TagLib (REPLAYGAIN_TRACK_GAIN "-6.00 dB" and
// friends: Vorbis comments, ID3v2 TXXX, APE). The render command's source of levels; the app
// gets them from the library.
struct ReplayGainTags {
    std::optional<Loudness> loudness;  // nullopt: no track gain tag
    QString album_key;                 // album artist (else artist) and album; empty: untagged

    static ReplayGainTags read(const QString& path);
    // "-6.00 dB", "+1.5 dB", "-6.00": the number (nullopt when it is not one).
    static std::optional<double> parseGain(const QString& text);
};

}  // namespace encore
