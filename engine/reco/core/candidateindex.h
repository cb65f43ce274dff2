#pragma once

// Immutable serving index: every track's candidate embedding in one contiguous row-major matrix.

#include "reco/core/scoredtrack.h"
#include "reco/core/topk.h"

#include <cstdint>
#include <vector>

namespace encore::reco {

class CandidateIndex {
public:
    CandidateIndex() = default;
    // `embeddings` is size() x dim, row-major; `artists` has one entry per track (-1 unknown).
    CandidateIndex(int32_t dim, std::vector<float> embeddings, std::vector<int32_t> artists);

    int32_t size() const { return static_cast<int32_t>(artists_.size()); }
    int32_t dim() const { return dim_; }
    const float* row(int32_t track) const { return embeddings_.data() + size_t(track) * dim_; }
    const std::vector<float>& matrix() const { return embeddings_; }
    const std::vector<int32_t>& artists() const { return artists_; }

    // out[i] = <row(i), query> for every track; `out` has size() entries.
    void scoreAll(const float* query, float* out) const;

    // Best tracks for a query embedding (dim() floats).
    std::vector<ScoredTrack> topK(const float* query, const TopKRequest& request) const;

    // Nearest tracks to `track`, never `track` itself.
    std::vector<ScoredTrack> similar(int32_t track, size_t k, int max_per_artist = 0) const;

private:
    int32_t dim_ = 0;
    std::vector<float> embeddings_;
    std::vector<int32_t> artists_;
};

}  // namespace encore::reco
