#pragma once

#include "core/track.h"

#include <QString>

namespace encore {

// The stable identity of a track: normalised (album artist or artist, album, disc, track
// number, title). Files without a title fall back to their folded file name and size, so an
// untagged file is still recognised after a move.
QString trackIdentityKey(const TrackTags& tags, const QString& fileName, qint64 size);

}  // namespace encore
