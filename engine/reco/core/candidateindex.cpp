#include "reco/core/candidateindex.h"

#include <utility>

namespace encore::reco {

namespace {

// Fixed-width dot products let the compiler unroll and vectorise the inner loop.
template <int kDim>
void scoreFixed(const float* matrix, size_t rows, const float* query, float* out) {
    for (size_t r = 0; r < rows; ++r) {
        const float* row = matrix + r * kDim;
        float sum = 0.0f;
        for (int j = 0; j < kDim; ++j)
            sum += row[j] * query[j];
        out[r] = sum;
    }
}

void scoreAny(const float* matrix, size_t rows, int dim, const float* query, float* out) {
    for (size_t r = 0; r < rows; ++r) {
        const float* row = matrix + r * dim;
        float sum = 0.0f;
        for (int j = 0; j < dim; ++j)
            sum += row[j] * query[j];
        out[r] = sum;
    }
}

}  // namespace

CandidateIndex::CandidateIndex(int32_t dim, std::vector<float> embeddings,
                               std::vector<int32_t> artists)
    : dim_(dim), embeddings_(std::move(embeddings)), artists_(std::move(artists)) {}

void CandidateIndex::scoreAll(const float* query, float* out) const {
    const size_t rows = artists_.size();
    if (dim_ == 32)
        scoreFixed<32>(embeddings_.data(), rows, query, out);
    else if (dim_ == 64)
        scoreFixed<64>(embeddings_.data(), rows, query, out);
    else
        scoreAny(embeddings_.data(), rows, dim_, query, out);
}

std::vector<ScoredTrack> CandidateIndex::topK(const float* query,
                                              const TopKRequest& request) const {
    thread_local std::vector<float> scores;  // reused: serving allocates nothing per call
    scores.resize(artists_.size());
    scoreAll(query, scores.data());
    return selectTopK(scores.data(), scores.size(), request, artists_.data());
}

std::vector<ScoredTrack> CandidateIndex::similar(int32_t track, size_t k,
                                                 int max_per_artist) const {
    if (track < 0 || track >= size())
        return {};
    TopKRequest request;
    request.k = k;
    request.exclude = {track};
    request.max_per_artist = max_per_artist;
    return topK(row(track), request);
}

}  // namespace encore::reco
