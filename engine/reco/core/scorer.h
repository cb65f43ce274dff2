#pragma once

// One interface for the model and every baseline, so that evaluation and serving treat all alike.

#include "reco/core/query.h"
#include "reco/core/scoredtrack.h"
#include "reco/core/topk.h"

#include <cstdint>
#include <string>
#include <vector>

namespace encore::reco {

class Scorer {
public:
    virtual ~Scorer() = default;

    // Stable method name used in reports: two_tower, popular, user_popular, cooccurrence, ...
    virtual std::string name() const = 0;
    // Number of tracks scored (catalog size).
    virtual int32_t size() const = 0;
    // out[t] for every track t; higher is better. Thread-safe (const, no shared scratch).
    virtual void score(const Query& query, float* out) const = 0;
    // Row-major queries.size() x size(); override when batching is cheaper.
    virtual void scoreBatch(const std::vector<Query>& queries, float* out) const;
};

// Top tracks of a scorer for a query (artists: one per track, needed for diversity).
std::vector<ScoredTrack> recommend(const Scorer& scorer, const Query& query,
                                   const TopKRequest& request, const int32_t* artists = nullptr);

// Deduplicated anchor tracks of a query, most recent first: prev_track, then history.
std::vector<int32_t> anchorTracks(const Query& query, size_t max_anchors);

}  // namespace encore::reco
