#include "listens/import/historyformat.h"

namespace encore {

QString historyFormatId(HistoryFormat format) {
    switch (format) {
        case HistoryFormat::Unknown:
            return QStringLiteral("unknown");
        case HistoryFormat::SpotifyBasic:
            return QStringLiteral("spotify-basic");
        case HistoryFormat::SpotifyExtended:
            return QStringLiteral("spotify-extended");
        case HistoryFormat::SpotifyRecentlyPlayed:
            return QStringLiteral("spotify-recently-played");
        case HistoryFormat::ListenBrainzLines:
            return QStringLiteral("listenbrainz-jsonl");
        case HistoryFormat::ListenBrainzJson:
            return QStringLiteral("listenbrainz-json");
        case HistoryFormat::Maloja:
            return QStringLiteral("maloja");
        case HistoryFormat::PanoScrobbler:
            return QStringLiteral("pano-scrobbler");
        case HistoryFormat::ScrobbleCsv:
            return QStringLiteral("scrobble-csv");
        case HistoryFormat::ScrobblerLog:
            return QStringLiteral("scrobbler-log");
        case HistoryFormat::SeedSongs:
            return QStringLiteral("seed-songs");
        case HistoryFormat::SeedRatings:
            return QStringLiteral("seed-ratings");
        case HistoryFormat::SpotifyPodcasts:
            return QStringLiteral("spotify-podcasts");
        case HistoryFormat::LovedTracks:
            return QStringLiteral("loved-tracks");
    }
    return QStringLiteral("unknown");
}

QString historyFormatTitle(HistoryFormat format) {
    switch (format) {
        case HistoryFormat::Unknown:
            return QStringLiteral("unknown format");
        case HistoryFormat::SpotifyBasic:
            return QStringLiteral("Spotify streaming history");
        case HistoryFormat::SpotifyExtended:
            return QStringLiteral("Spotify extended streaming history");
        case HistoryFormat::SpotifyRecentlyPlayed:
            return QStringLiteral("Spotify recently played (Web API)");
        case HistoryFormat::ListenBrainzLines:
            return QStringLiteral("ListenBrainz export (JSON lines)");
        case HistoryFormat::ListenBrainzJson:
            return QStringLiteral("ListenBrainz listens (JSON)");
        case HistoryFormat::Maloja:
            return QStringLiteral("Maloja export");
        case HistoryFormat::PanoScrobbler:
            return QStringLiteral("Pano Scrobbler export");
        case HistoryFormat::ScrobbleCsv:
            return QStringLiteral("scrobble CSV");
        case HistoryFormat::ScrobblerLog:
            return QStringLiteral(".scrobbler.log");
        case HistoryFormat::SeedSongs:
            return QStringLiteral("seed songs.csv");
        case HistoryFormat::SeedRatings:
            return QStringLiteral("seed ratings.csv");
        case HistoryFormat::SpotifyPodcasts:
            return QStringLiteral("Spotify podcast history");
        case HistoryFormat::LovedTracks:
            return QStringLiteral("loved tracks");
    }
    return QStringLiteral("unknown format");
}

bool historyFormatHasListens(HistoryFormat format) {
    switch (format) {
        case HistoryFormat::Unknown:
        case HistoryFormat::SpotifyPodcasts:
        case HistoryFormat::LovedTracks:
        case HistoryFormat::SeedSongs:
            return false;
        default:
            return true;
    }
}

}  // namespace encore
