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

// Duration, bitrate, sample rate and channels, with absurd values dropped.
void applyAudioProperties(const TagLib::AudioProperties& props, TrackTags& tags);

}  // namespace encore
