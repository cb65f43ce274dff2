#pragma once

#include "core/track.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace encore {

// Why a track is recommended; the text in Recommendation::reason says it in words.
enum class ReasonKind {
    PlayedAfter,       // "you often play this after <track> (12 times)", "often played after"
    SameArtistToday,   // "by the same artist as <track>, which you played today"
    CloseToFavourite,  // "new to you, and much like <track>, a favourite of yours"
    GenreAtTime,       // "you play <genre> on weekday evenings"
    Favourite,         // "one of your most played (23 plays)", "you played it 4 times"
    SameArtist,        // "by the same artist as <track>"
    SharedGenre,       // "also <genre>, like <track>"
    SimilarListening,  // "often played alongside <track>" (embedding cosine >= kCloseCosine)
    Popular,           // "popular in your library (40 plays)": filler
    NewInLibrary,      // "new in your library": filler
};

// One recommended track with a reason computed from the data for this pair.
struct Recommendation {
    TrackId track_id = 0;
    QString title;
    QString artist;
    QStringList genres;
    float score = 0.0f;
    ReasonKind reason_kind = ReasonKind::Popular;
    QString reason;
    TrackId reason_track_id = 0;  // the track the reason names (0: none); always in the library
    int reason_count = 0;         // the count the reason quotes (0: none)
};

// What "recommended next" is asked for. Zeros mean: the active profile, the playing or last
// played track of that profile, now, and the system's current UTC offset.
struct RecommendRequest {
    ProfileId profile = 0;
    TrackId current_track = 0;
    qint64 now = 0;  // unix seconds
    bool has_utc_offset = false;
    int utc_offset_minutes = 0;
    int count = 10;
};

}  // namespace encore

Q_DECLARE_METATYPE(encore::Recommendation)
