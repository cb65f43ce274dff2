#include "listens/listenwords.h"

#include "listens/listenrules.h"

namespace encore::listenwords {

QString listen() {
    return QStringLiteral(
        "A listen: every time a song was started and heard, however briefly, here or in an "
        "imported history. Listens include plays, skips and short listens.");
}

QString play() {
    return QStringLiteral(
               "A play: a listen heard for at least half of the song or %1 minutes, whichever "
               "comes first (all of a song of 30 seconds or less). An imported listen is a play "
               "by the same rule when the export says how long it was heard; a scrobble "
               "(Last.fm, ListenBrainz) is a play.")
        .arg(ListenRules::kMaxThresholdMs / 60000);
}

QString skip() {
    return QStringLiteral(
        "A skip: a listen you moved on from after the first 5 seconds and before it counted "
        "as a play.");
}

QString imported() {
    return QStringLiteral(
        "Imported: listens read from an export (Spotify, Last.fm, ListenBrainz, ...). They "
        "count in every total, like listens logged here.");
}

QString all() {
    return listen() + QLatin1Char('\n') + play() + QLatin1Char('\n') + skip() + QLatin1Char('\n') +
           imported();
}

}  // namespace encore::listenwords
