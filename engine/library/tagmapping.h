#pragma once

#include "core/track.h"

namespace TagLib {
class AudioProperties;
class PropertyMap;
class Tag;
}  // namespace TagLib

namespace encore {

// Fills normalised tags from TagLib's unified property map (and the basic Tag for what the map
// lacks). Shared by every format, DSD included.
void applyPropertyMap(const TagLib::PropertyMap& map, const TagLib::Tag* basic, TrackTags& tags);

// Title, artist and album from a basic tag (TagLib's own, RIFF INFO, ...) where `tags` has none.
void fillMissingNames(const TagLib::Tag& tag, TrackTags& tags);

// ReplayGain 2 tags (REPLAYGAIN_TRACK_GAIN "-6.00 dB" and friends: Vorbis comments, ID3v2
// TXXX, APE); nullopt without a plausible track gain.
std::optional<Loudness> replayGainFromProperties(const TagLib::PropertyMap& map);

// Duration, bitrate, sample rate and channels, with absurd values dropped.
void applyAudioProperties(const TagLib::AudioProperties& props, TrackTags& tags);

}  // namespace encore
