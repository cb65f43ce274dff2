#pragma once

#include "core/track.h"

#include <QString>

namespace TagLib {
class File;
}  // namespace TagLib

namespace encore {

// Where TagLib's own parse drops a tag (one damaged ID3v2 frame ends the whole tag, a format
// that ignores an ID3v2 tag, a WAV file's RIFF INFO behind its ID3v2 chunk), fills the title,
// artist and album still empty from what can be read. Returns what was recovered and from
// where, as a sentence for the scan's problem list, or an empty string when nothing was.
QString recoverLostTags(TagLib::File* file, TrackTags& tags);

}  // namespace encore
