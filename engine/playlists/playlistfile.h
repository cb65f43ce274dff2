#pragma once

#include "core/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace encore {

// One entry of a playlist file: the audio file it names (absolute, resolved against the
// playlist's folder), and what the file says about it.
struct PlaylistEntry {
    QString path;
    QString title;            // #EXTINF / PLS Title / XSPF title; may be empty
    qint64 duration_ms = -1;  // -1: not given
};

// A playlist file as read: its name (the file's base name, or the XSPF title), its entries
// in order, and what was skipped and why (streams, unreadable lines), one sentence each.
struct PlaylistFile {
    QString name;
    QList<PlaylistEntry> entries;
    QStringList skipped;
};

// True for the extensions readPlaylist() knows: m3u, m3u8, pls, xspf.
bool isPlaylistFileName(const QString& path);

// Reads an M3U or M3U8 (extended or plain; relative, absolute, file:// and Windows paths), a PLS
// or an XSPF. M3U8 is UTF-8; a plain .m3u may be in Windows-1252. The error names the file.
Result<PlaylistFile> readPlaylist(const QString& path);

// Writes an extended M3U8 (UTF-8) at `path`, paths relative to its folder where the file is
// inside it, atomically: an earlier file there stays whole if writing fails.
Status writeM3u8(const QString& path, const QList<PlaylistEntry>& entries);

}  // namespace encore
