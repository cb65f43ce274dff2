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

// Where a CUE sheet's track lies: a range of an audio file the sheet describes.
struct TrackRange {
    QString sheet_path;   // the .cue
    QString audio_path;   // the file the range is in
    qint64 start_ms = 0;  // INDEX 01
    qint64 end_ms = -1;   // the next track's INDEX 01; -1: the end of the file
};

// One row of the library: a track and where its file is.
struct Track {
    TrackId id = 0;
    QString key;  // stable identity: survives moves and renames
    // Locator only; empty for tracks known from history but not on disk. A CUE track's is
    // "<audio path>#<track number>" (unique, never opened): its audio is in `range`.
    QString path;
    std::optional<TrackRange> range;
    qint64 size = 0;
    qint64 mtime_ms = 0;
    TrackTags tags;
    qint64 added_at = 0;      // unix seconds, UTC
    qint64 last_seen_at = 0;  // unix seconds, UTC: last time a scan read or re-found the file
    bool available = true;

    // The file that holds its audio: `path`, or the range's audio file.
    const QString& audioPath() const { return range ? range->audio_path : path; }
};

}  // namespace encore

Q_DECLARE_METATYPE(encore::Track)
