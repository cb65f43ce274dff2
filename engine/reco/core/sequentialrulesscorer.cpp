#include "reco/core/sequentialrulesscorer.h"

#include "reco/core/popularscorer.h"

#include <algorithm>

namespace encore::reco {

SequentialRulesScorer::SequentialRulesScorer(const Interactions& train, int32_t num_tracks)
    : backoff_(PopularScorer::backoff(train, num_tracks)) {
    const size_t stride = static_cast<size_t>(train.history_length);
    rules_ = PairCounts::build(num_tracks, [&](const PairCounts::Emit& emit) {
        for (size_t i = 0; i < train.size(); ++i) {
            if (train.feedback[i] != Feedback::kPlay)
                continue;
            // history[k] was played k + 1 songs before the target (only plays are in history).
            for (size_t k = 0; k < stride; ++k) {
                const int32_t before = train.history[i * stride + k];
                if (before != kNoTrack)
                    emit(before, train.target[i], 1.0f / static_cast<float>(k + 1));
            }
        }
    });
}

void SequentialRulesScorer::score(const Query& query, float* out) const {
    std::copy(backoff_.begin(), backoff_.end(), out);
    const int32_t last = !query.history.empty() && query.history.front() != kNoTrack
                             ? query.history.front()
                             : query.prev_track;
    rules_.addTo(last, 1.0f, out);
}

}  // namespace encore::reco
