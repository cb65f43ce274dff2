#pragma once

#include "reco/publishedmodel.h"
#include "reco/recommendation.h"

#include <QString>

#include <cstdint>

namespace encore {

// A reason as chosen from the data, before it is put into words.
struct Reason {
    ReasonKind kind = ReasonKind::NewInLibrary;
    int32_t about = -1;        // the track it names (catalog index; -1: none)
    int32_t count = 0;         // the count it quotes
    int32_t genre = -1;        // GenreAtTime, SharedGenre
    int segment = 0;           // GenreAtTime
    bool mine = false;         // PlayedAfter: the profile's own plays (else everyone's)
    bool most_played = false;  // Favourite: among the profile's most played
};

// Filler: nothing ties the track to the request, only the library's counts. "Recommended next"
// ranks every other reason (evidence) above the fillers (engine/reco/README.md).
bool isFiller(ReasonKind kind);

// Tiers of "similar to", higher first: 3 played after the seed, 2 model, 1 artist/genre, 0 filler.
int similarTier(ReasonKind kind);

// The reason in words a listener reads, e.g. "you often play this after Road Dance (12 times)".
QString reasonText(const PublishedModel& m, int32_t track, const Reason& reason);

// Fills the reason fields of `r` (the recommendation of catalog track `track`).
void applyReason(const PublishedModel& m, int32_t track, const Reason& reason, Recommendation& r);

}  // namespace encore
