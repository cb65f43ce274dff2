#pragma once

#include <QString>

namespace encore {

// The listening-history formats Encore reads, found from content (FormatDetector).
enum class HistoryFormat {
    Unknown,
    SpotifyBasic,           // StreamingHistory*.json: endTime, artistName, trackName, msPlayed
    SpotifyExtended,        // endsong_*.json / Streaming_History_Audio_*.json: ts, ms_played, ...
    SpotifyRecentlyPlayed,  // Web API me/player/recently-played: items[].played_at, track
    ListenBrainzLines,      // ListenBrainz export: one listen per line (JSONL)
    ListenBrainzJson,       // a JSON array of listens, a submit payload or an API response
    Maloja,                 // Maloja export: {"scrobbles": [...]}
    PanoScrobbler,          // Pano Scrobbler JSONL: timeMs, artist, track, album, durationMs
    ScrobbleCsv,            // Last.fm (lastfm-to-csv), Libre.fm, Spinitron, Encore's CSV export
    ScrobblerLog,           // Rockbox .scrobbler.log (AUDIOSCROBBLER/1.1)
    SeedSongs,              // the seed project's songs.csv
    SeedRatings,            // the seed project's ratings.csv
    // Recognised but holding no listens: skipped inside folders, refused when named.
    SpotifyPodcasts,  // StreamingHistory_podcast_*.json
    LovedTracks,      // Last.fm / Libre.fm loved tracks (feedback, not plays)
};

// Stable id stored in imports.format ("spotify-basic", ...).
QString historyFormatId(HistoryFormat format);
// For messages: "Spotify streaming history (basic)".
QString historyFormatTitle(HistoryFormat format);
// False for the recognised formats that hold no listens.
bool historyFormatHasListens(HistoryFormat format);

}  // namespace encore
