#pragma once

#include "core/result.h"
#include "core/track.h"

#include <QString>

namespace encore {

// Writes title, artist, album, album artist, genres (multi-valued), year, track and disc
// number into a file with TagLib, in each format's native tag. Used by the library generator
// and the tests; the audio data is not touched.
Status writeTrackTags(const QString& path, const TrackTags& tags);

}  // namespace encore
