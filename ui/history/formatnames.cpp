#include "history/formatnames.h"

#include "listens/import/historyformat.h"

#include <QCoreApplication>

namespace encore {

namespace {

constexpr HistoryFormat kFormats[] = {
    HistoryFormat::SpotifyBasic,          HistoryFormat::SpotifyExtended,
    HistoryFormat::SpotifyRecentlyPlayed, HistoryFormat::ListenBrainzLines,
    HistoryFormat::ListenBrainzJson,      HistoryFormat::Maloja,
    HistoryFormat::PanoScrobbler,         HistoryFormat::ScrobbleCsv,
    HistoryFormat::ScrobblerLog,          HistoryFormat::SeedSongs,
    HistoryFormat::SeedRatings,           HistoryFormat::SpotifyPodcasts,
    HistoryFormat::LovedTracks,
};

QString tr(const char* text) {
    return QCoreApplication::translate("FormatNames", text);
}

}  // namespace

QString FormatNames::shortName(const QString& id) {
    if (id.startsWith(QLatin1String("spotify")))
        return tr("Spotify");
    if (id.startsWith(QLatin1String("listenbrainz")))
        return tr("ListenBrainz");
    if (id == QLatin1String("maloja"))
        return tr("Maloja");
    if (id == QLatin1String("pano-scrobbler"))
        return tr("Pano Scrobbler");
    if (id == QLatin1String("scrobble-csv"))
        return tr("Scrobbles (CSV)");
    if (id == QLatin1String("scrobbler-log"))
        return tr("Rockbox");
    if (id.startsWith(QLatin1String("seed")))
        return tr("Seed ratings");
    return tr("Imported");
}

QString FormatNames::title(const QString& id) {
    for (const HistoryFormat format : kFormats) {
        if (historyFormatId(format) == id)
            return historyFormatTitle(format);
    }
    return id.isEmpty() ? tr("not recognised") : id;
}

}  // namespace encore
