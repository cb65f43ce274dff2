#pragma once

// Baseline: vector session-based kNN (V-SKNN, Ludewig & Jannach 2018; session-rec's defaults
// k = 100, sample = 1000). The songs of the current session, the latest weighing most (1/p at
// position p), are compared with past sessions: among the `sample` most recent sessions that
// share a song, the `k` most similar are the neighbours, and a song scores the summed
// similarity of the neighbours it was played in. Other songs fall back to popularity.

#include "reco/core/interactions.h"
#include "reco/core/scorer.h"

#include <vector>

namespace encore::reco {

class SessionKnnScorer : public Scorer {
public:
    static constexpr size_t kDefaultNeighbours = 100;
    static constexpr size_t kDefaultSample = 1000;

    SessionKnnScorer(const Interactions& train, int32_t num_tracks,
                     size_t neighbours = kDefaultNeighbours, size_t sample = kDefaultSample);

    std::string name() const override { return "vsknn"; }
    int32_t size() const override { return static_cast<int32_t>(backoff_.size()); }
    void score(const Query& query, float* out) const override;

    size_t sessionCount() const {
        return session_offsets_.empty() ? 0 : session_offsets_.size() - 1;
    }

private:
    size_t neighbours_;
    size_t sample_;
    std::vector<float> backoff_;
    // Sessions numbered by start time; each holds its distinct played songs.
    std::vector<int64_t> session_offsets_;
    std::vector<int32_t> session_tracks_;
    // Per track, the sessions it was played in, oldest first.
    std::vector<int64_t> track_offsets_;
    std::vector<int32_t> track_sessions_;
};

}  // namespace encore::reco
