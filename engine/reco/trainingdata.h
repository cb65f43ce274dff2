#pragma once

#include "core/track.h"
#include "reco/core/catalog.h"
#include "reco/core/interactions.h"
#include "reco/logsnapshot.h"
#include "reco/recovocabulary.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <optional>
#include <vector>

namespace encore {

// A track as reasons and result lists show it, by dense index.
struct RecoTrackInfo {
    TrackId id = 0;
    QString title;
    QString artist;
    QStringList genres;
    bool playable = false;  // a file that is available now: the only tracks ever recommended
    qint64 added_at = 0;
};

// The snapshot turned into the torch core's plain arrays, indexed by a RecoVocabulary.
struct TrainingData {
    static constexpr int32_t kSessionHistory = 5;   // last N plays of the session (query side)
    static constexpr float kNotForMeWeight = 2.0f;  // an explicit "no" weighs more than a skip

    reco::Catalog catalog;              // popularity buckets are 0 until assignPopularity()
    reco::Interactions log;             // plays, skips and "not for me", by profile then time
    std::vector<RecoTrackInfo> tracks;  // one per catalog track
    int32_t num_profiles = 0;
    qint64 plays = 0;  // counted plays among log (the rest are skips and "not for me")

    // Builds the arrays; `vocabulary` grows by every new track, profile, artist, genre and
    // title token (old indices stay). nullopt when `cancel` was set.
    static std::optional<TrainingData> build(const LogSnapshot& snapshot,
                                             RecoVocabulary& vocabulary,
                                             const std::atomic<bool>* cancel = nullptr);

    // Popularity buckets (the seed's total_views) from `train` only: no test period leaks in.
    void assignPopularity(const reco::Interactions& train);
    // A copy of the catalog with the popularity buckets of `part`.
    reco::Catalog catalogWithPopularityOf(const reco::Interactions& part) const;
};

// Hour of the week of a listen in its own local time: 0 = Monday 00:00-00:59.
int32_t hourOfWeek(qint64 utcSeconds, int utcOffsetMinutes);

// Folded title words used as title tokens (at most the model's limit is used).
QStringList titleTokens(const QString& title);

}  // namespace encore
