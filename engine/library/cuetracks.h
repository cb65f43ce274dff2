#pragma once

#include "core/result.h"
#include "core/track.h"
#include "library/cuesheet.h"

#include <QList>

namespace encore {

// "<audio path>#<nn>": the unique locator of a sheet's track (never a file name the scanner
// walks: it has no audio extension).
QString cueTrackLocator(const QString& audioPath, int number);

// The library's tracks for the part of `sheet` in `audioPath`, whose file tags (album, genre,
// date, cover, format, ReplayGain of the whole file) fill in what the sheet leaves out. Fails
// naming the sheet when a track starts past the end of the file.
Result<QList<Track>> cueSheetTracks(const CueSheet& sheet, const QString& audioPath,
                                    const TrackTags& fileTags, qint64 size, qint64 mtimeMs);

}  // namespace encore
