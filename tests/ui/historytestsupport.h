#pragma once

// Helpers for the listening-history tests of the GUI: Spotify exports written by the tests,
// listens written straight through the real PlayLog, waits on the writer thread.

#include "listens/listenstestsupport.h"
#include "store/play.h"
#include "store/playlog.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace encore::test {

using Song = QPair<QString, QString>;  // artist, title

// A Spotify account-data export (StreamingHistory0.json): `count` listens cycling through
// `songs`, one every four minutes from `firstEnd` (UTC), each heard for `msPlayed`.
inline QByteArray spotifyHistory(const QList<Song>& songs, int count, const QDateTime& firstEnd,
                                 int msPlayed = 200000) {
    QByteArray json("[\n");
    for (int i = 0; i < count; ++i) {
        const Song& song = songs[i % songs.size()];
        const QDateTime end = firstEnd.addSecs(240LL * i).toUTC();
        json += QStringLiteral(
                    "  {\"endTime\": \"%1\", \"artistName\": \"%2\", "
                    "\"trackName\": \"%3\", \"msPlayed\": %4}%5\n")
                    .arg(end.toString(QStringLiteral("yyyy-MM-dd HH:mm")), song.first, song.second)
                    .arg(msPlayed)
                    .arg(i + 1 < count ? QStringLiteral(",") : QString())
                    .toUtf8();
    }
    return json + "]\n";
}

// A finished, counted listen of `track` at `startedAt` (unix seconds) for the active profile.
inline Play finishedListen(TrackId track, qint64 startedAt, int durationMs = 200000) {
    Play p;
    p.track_id = track;
    p.started_at = startedAt;
    p.ms_played = durationMs;
    p.duration_ms = durationMs;
    p.end_reason = EndReason::Finished;
    p.counted = true;
    p.shuffle = false;
    return p;
}

}  // namespace encore::test
