#pragma once

#include "core/result.h"
#include "reco/publishedmodel.h"
#include "reco/recommendation.h"
#include "reco/servingcontext.h"

#include <QList>

namespace encore {

// Serving: ranks with the published model and explains every pick. Pure functions of an
// immutable PublishedModel and a ServingContext: safe on any thread, any number at once.
class Recommender {
public:
    static constexpr int kMaxPerArtist = 2;  // in the top kDiversityWindow
    static constexpr int kDiversityWindow = 10;
    static constexpr int32_t kMinTimesAfter = 2;  // "often play this after" needs at least 2
    static constexpr float kCloseCosine = 0.6f;   // "much like a favourite", "played alongside"

    // "Recommended next" for the context's profile, playing track and local time. Never the
    // current track, a track heard in the last hour, a "not for me" track or one without a
    // playable file; at most 2 per artist in the top 10. Tracks with evidence for the pair rank
    // above fillers ("popular in your library", "new in your library"), the blend's score next.
    // `playable_only` false also lists tracks known only from history (encore-cli --all).
    static QList<Recommendation> recommendNext(const PublishedModel& model,
                                               const ServingContext& context, int count,
                                               bool playable_only = true);

    // Tracks like `track` (never itself), playable ones only: played after it first, then close
    // to it in the model, then its artist or genre, then fillers. An error when the track is not
    // known to the published model (it arrived after the last training).
    static Result<QList<Recommendation>> similar(const PublishedModel& model, TrackId track,
                                                 int count, bool playable_only = true);
};

}  // namespace encore
