#include "reco/core/cooccurrencescorer.h"

#include "reco/core/popularscorer.h"

#include <algorithm>

namespace encore::reco {

namespace {

constexpr float kProximityDecay = 0.5f;  // the song just played counts most

// The anchors of example i exactly as anchorTracks(Query::fromExample(log, i), max) gives them,
// without building a Query (a million of them cost more than the counting).
size_t exampleAnchors(const Interactions& log, size_t i, size_t max, int32_t* out) {
    size_t n = 0;
    auto add = [&](int32_t track) {
        if (track == kNoTrack || n >= max)
            return;
        for (size_t j = 0; j < n; ++j) {
            if (out[j] == track)
                return;
        }
        out[n++] = track;
    };
    add(log.prev_track[i]);
    const size_t stride = static_cast<size_t>(log.history_length);
    for (size_t j = 0; j < stride; ++j)
        add(log.history[i * stride + j]);
    return n;
}

}  // namespace

CooccurrenceScorer::CooccurrenceScorer(const Interactions& train, int32_t num_tracks, size_t window)
    : window_(window), backoff_(PopularScorer::backoff(train, num_tracks)) {
    std::vector<int32_t> anchors(std::max<size_t>(window_, 1));
    counts_ = PairCounts::build(num_tracks, [&](const PairCounts::Emit& emit) {
        for (size_t i = 0; i < train.size(); ++i) {
            if (train.feedback[i] != Feedback::kPlay)
                continue;
            const size_t count = exampleAnchors(train, i, window_, anchors.data());
            for (size_t j = 0; j < count; ++j)
                emit(anchors[j], train.target[i], 1.0f);
        }
    });
}

float CooccurrenceScorer::count(int32_t anchor, int32_t next) const {
    return counts_.weight(anchor, next);
}

void CooccurrenceScorer::score(const Query& query, float* out) const {
    std::copy(backoff_.begin(), backoff_.end(), out);
    float weight = 1.0f;
    for (int32_t anchor : anchorTracks(query, window_)) {
        counts_.addTo(anchor, weight, out);
        weight *= kProximityDecay;
    }
}

}  // namespace encore::reco
