#pragma once

#include <QIODevice>
#include <QString>

#include <cstdint>

namespace encore::bench {

// A deterministic listening history: `songs` distinct songs (the first `librarySongs` of them
// also exist as library files), drawn with a Zipf-like skew, in sessions of a few hours.
struct ListenPlan {
    int listens = 100000;
    int songs = 10000;
    int library_songs = 5000;
    std::uint32_t seed = 1;
    qint64 first_second = 1577836800;  // 2020-01-01 UTC
};

QString songArtist(int song);
QString songTitle(int song);
QString songAlbum(int song);
int songDurationMs(int song);

// Writes a Spotify extended-history JSON array (Streaming_History_Audio_*.json).
void writeSpotifyExtended(const ListenPlan& plan, QIODevice& out);
// Writes ListenBrainz JSON lines.
void writeListenBrainzLines(const ListenPlan& plan, QIODevice& out);

}  // namespace encore::bench
