#pragma once

#include "core/result.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace encore {

// One line of lyrics; time_ms is when it is sung (-1 in unsynced lyrics).
struct LyricLine {
    qint64 time_ms = -1;
    QString text;
};

// A song's lyrics: synced (every line has a time, in order) or plain text, and where they
// came from ("song.lrc", "embedded SYLT", "embedded lyrics tag").
struct Lyrics {
    QList<LyricLine> lines;
    bool synced = false;
    QString source;

    // The line sung at `ms` (synced; -1 before the first line).
    int lineAt(qint64 ms) const;
};

// LRC text: "[mm:ss.xx]line" (several times on one line allowed), "[offset:+/-ms]",
// metadata tags ([ar:], [ti:], ...) skipped. Lines without a time make it plain text.
Lyrics parseLrc(const QString& text);

// The lyrics of an audio file, read offline: a .lrc beside it with the same name first, then
// its tags (ID3v2 SYLT synced, ID3v2 USLT, Vorbis LYRICS/UNSYNCEDLYRICS, MP4 ©lyr, APE). nullopt:
// it has none. An error names the file that could not be read.
Result<std::optional<Lyrics>> readLyrics(const QString& audioPath);

}  // namespace encore

Q_DECLARE_METATYPE(encore::Lyrics)
