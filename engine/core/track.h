#pragma once

#include "core/loudness.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace encore {

using TrackId = qint64;
using FolderId = qint64;
using ProfileId = qint64;

// Tags and audio properties of one file, as read and normalised by the scanner.
struct TrackTags {
    QString title;
    QString artist;
    QString album;
    QString album_artist;
    QStringList genres;
    int year = 0;  // 0: unknown
    int track_no = 0;
    int disc_no = 0;
    int duration_ms = 0;
    int bitrate_kbps = 0;
    int sample_rate = 0;
    int channels = 0;
    QString codec;  // "MP3", "FLAC", "AAC", "ALAC", "Vorbis", ...
    bool has_cover = false;
    std::optional<Loudness> replaygain;  // from REPLAYGAIN_* tags; nullopt: no track gain
};

// One row of the library: a track and where its file is.
struct Track {
    TrackId id = 0;
    QString key;   // stable identity: survives moves and renames
    QString path;  // locator only; empty for tracks known from history but not on disk
    qint64 size = 0;
    qint64 mtime_ms = 0;
    TrackTags tags;
    qint64 added_at = 0;      // unix seconds, UTC
    qint64 last_seen_at = 0;  // unix seconds, UTC: last time a scan read or re-found the file
    bool available = true;
};

}  // namespace encore

Q_DECLARE_METATYPE(encore::Track)
