#pragma once

#include <QByteArray>

namespace encore {

// True for file names whose extension Encore can read tags from (TagLib's list plus DSD).
// Playlists, cue sheets, images and everything else are ignored by the scanner.
bool isAudioFileName(const char* name, qsizetype length);
inline bool isAudioFileName(const QByteArray& name) {
    return isAudioFileName(name.constData(), name.size());
}

}  // namespace encore
