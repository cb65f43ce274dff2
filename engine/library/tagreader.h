#pragma once

#include "core/track.h"

#include <QByteArray>
#include <QString>

namespace encore {

// What reading one file gave: tags (normalised) or the reason it could not be read.
struct TagReadResult {
    bool ok = false;
    TrackTags tags;
    QString error;  // a reason a person understands, e.g. "not a valid FLAC file"
    // Set with ok: a tag TagLib could not read whole, and what was read instead.
    QString problem;
};

// Reads tags and audio properties of one file with a single TagLib open
// (AudioProperties::Fast). Safe to call from several threads at once.
TagReadResult readTrackTags(const QByteArray& localPath);

}  // namespace encore
