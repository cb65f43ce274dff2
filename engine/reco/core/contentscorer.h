#pragma once

// Baseline: content similarity to what just played: same artist first, then shared genres.
// With nothing playing, the profile's most-played tracks are the anchors.

#include "reco/core/catalog.h"
#include "reco/core/interactions.h"
#include "reco/core/scorer.h"

#include <vector>

namespace encore::reco {

class ContentScorer : public Scorer {
public:
    static constexpr float kSameArtist = 2.0f;  // outranks any genre overlap (at most 1)
    static constexpr float kSameGenre = 1.0f;   // shared over the anchor's genres
    static constexpr size_t kMaxAnchors = 3;

    ContentScorer(const Catalog& catalog, const Interactions& train);

    std::string name() const override { return "content"; }
    int32_t size() const override { return catalog_.size(); }
    void score(const Query& query, float* out) const override;

private:
    std::vector<int32_t> anchorsFor(const Query& query) const;

    Catalog catalog_;
    std::vector<float> backoff_;
    std::vector<int64_t> artist_offsets_, genre_offsets_;  // inverted lists (CSR)
    std::vector<int32_t> artist_tracks_, genre_tracks_;
    std::vector<std::vector<int32_t>> profile_favourites_;  // most played first
};

}  // namespace encore::reco
