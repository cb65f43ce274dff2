#include "reco/core/cooccurrencescorer.h"

#include "reco/core/popularscorer.h"

#include <algorithm>
#include <cmath>

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
    // Counting sort by anchor (CSR), then each anchor's short list sorted and run-length
    // counted: linear in the log, no hash map (1M plays: ~0.1 s instead of ~1.3 s).
    const size_t n = static_cast<size_t>(std::max(num_tracks, 0));
    std::vector<int64_t> starts(n + 1, 0);
    std::vector<int32_t> anchors(std::max<size_t>(window_, 1));
    for (size_t i = 0; i < train.size(); ++i) {
        if (train.feedback[i] != Feedback::kPlay)
            continue;
        const size_t count = exampleAnchors(train, i, window_, anchors.data());
        for (size_t j = 0; j < count; ++j) {
            if (anchors[j] >= 0 && static_cast<size_t>(anchors[j]) < n)
                ++starts[static_cast<size_t>(anchors[j]) + 1];
        }
    }
    for (size_t t = 1; t <= n; ++t)
        starts[t] += starts[t - 1];
    std::vector<int32_t> nexts(static_cast<size_t>(starts[n]));
    std::vector<int64_t> fill(starts.begin(), starts.end() - 1);
    for (size_t i = 0; i < train.size(); ++i) {
        if (train.feedback[i] != Feedback::kPlay)
            continue;
        const size_t count = exampleAnchors(train, i, window_, anchors.data());
        for (size_t j = 0; j < count; ++j) {
            if (anchors[j] >= 0 && static_cast<size_t>(anchors[j]) < n)
                nexts[static_cast<size_t>(fill[anchors[j]]++)] = train.target[i];
        }
    }
    offsets_.assign(n + 1, 0);
    for (size_t a = 0; a < n; ++a) {
        const auto first = nexts.begin() + starts[a];
        const auto last = nexts.begin() + starts[a + 1];
        std::sort(first, last);
        for (auto it = first; it != last;) {
            auto run = it;
            while (run != last && *run == *it)
                ++run;
            next_.push_back(*it);
            counts_.push_back(static_cast<float>(run - it));
            it = run;
        }
        offsets_[a + 1] = static_cast<int64_t>(next_.size());
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
