#pragma once

#include "core/loudness.h"
#include "core/track.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace encore {

// What the player is asked to play: a file, or a range of one (a CUE sheet's track), with
// what levelling and crossfading need to know. Filled by the UI from the library.
struct PlaybackItem {
    QString path;
    qint64 start_ms = 0;  // where the item starts in the file
    qint64 end_ms = -1;   // where it ends; -1: at the end of the file
    std::optional<Loudness> loudness;
    // Tracks with the same non-empty key are one album: no crossfade between them, and
    // "automatic" ReplayGain uses album gain while they play in order.
    QString album_key;
    // Played from a list where the album runs in order (not shuffled): automatic mode then
    // levels it as an album.
    bool album_in_order = false;
    qint64 duration_ms = 0;  // from the library, until the media says
    TrackId track_id = 0;

    // A whole file.
    static PlaybackItem file(const QString& path, qint64 durationMs = 0) {
        PlaybackItem item;
        item.path = path;
        item.duration_ms = durationMs;
        return item;
    }
    bool hasRange() const { return start_ms > 0 || end_ms >= 0; }
    // The same audio (path and range) and the same track.
    bool sameAs(const PlaybackItem& other) const {
        return path == other.path && start_ms == other.start_ms && end_ms == other.end_ms &&
               track_id == other.track_id;
    }
};

}  // namespace encore

Q_DECLARE_METATYPE(encore::PlaybackItem)
