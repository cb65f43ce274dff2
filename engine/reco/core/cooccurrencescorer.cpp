#include "reco/core/cooccurrencescorer.h"

#include "reco/core/popularscorer.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace encore::reco {

namespace {

constexpr float kProximityDecay = 0.5f;  // the song just played counts most

int64_t pairKey(int32_t a, int32_t b) {
    return (int64_t(a) << 32) | uint32_t(b);
}

}  // namespace

CooccurrenceScorer::CooccurrenceScorer(const Interactions& train, int32_t num_tracks, size_t window)
    : window_(window), backoff_(PopularScorer::backoff(train, num_tracks)) {
    std::unordered_map<int64_t, float> pairs;
    for (size_t i = 0; i < train.size(); ++i) {
        if (train.feedback[i] != Feedback::kPlay)
            continue;
        const Query q = Query::fromExample(train, i);
        for (int32_t anchor : anchorTracks(q, window_))
            pairs[pairKey(anchor, train.target[i])] += 1.0f;
    }
    std::vector<std::pair<int64_t, float>> sorted(pairs.begin(), pairs.end());
    std::sort(sorted.begin(), sorted.end());
    offsets_.assign(static_cast<size_t>(num_tracks) + 1, 0);
    for (const auto& [key, c] : sorted)
        ++offsets_[static_cast<size_t>(key >> 32) + 1];
    for (size_t t = 1; t < offsets_.size(); ++t)
        offsets_[t] += offsets_[t - 1];
    for (const auto& [key, c] : sorted) {
        next_.push_back(static_cast<int32_t>(key & 0xffffffff));
        counts_.push_back(c);
    }
}

float CooccurrenceScorer::count(int32_t anchor, int32_t next) const {
    if (anchor < 0 || anchor >= size())
        return 0.0f;
    const auto first = next_.begin() + offsets_[anchor];
    const auto last = next_.begin() + offsets_[anchor + 1];
    const auto it = std::lower_bound(first, last, next);
    return (it != last && *it == next) ? counts_[it - next_.begin()] : 0.0f;
}

void CooccurrenceScorer::score(const Query& query, float* out) const {
    std::copy(backoff_.begin(), backoff_.end(), out);
    float weight = 1.0f;
    for (int32_t anchor : anchorTracks(query, window_)) {
        if (anchor >= 0 && anchor < size()) {
            for (int64_t j = offsets_[anchor]; j < offsets_[anchor + 1]; ++j)
                out[next_[j]] += weight * counts_[j];
        }
        weight *= kProximityDecay;
    }
}

}  // namespace encore::reco
