#include "reco/core/sessionknnscorer.h"

#include "reco/core/popularscorer.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace encore::reco {

namespace {

// A session starts at a play with no earlier play in its history (skips never enter history).
bool startsSession(const Interactions& log, size_t i) {
    return log.history_length == 0 ||
           log.history[i * static_cast<size_t>(log.history_length)] == kNoTrack;
}

}  // namespace

SessionKnnScorer::SessionKnnScorer(const Interactions& train, int32_t num_tracks, size_t neighbours,
                                   size_t sample)
    : neighbours_(neighbours)
    , sample_(sample)
    , backoff_(PopularScorer::backoff(train, num_tracks)) {
    std::vector<size_t> plays;
    for (size_t i = 0; i < train.size(); ++i) {
        if (train.feedback[i] == Feedback::kPlay && train.target[i] >= 0 &&
            train.target[i] < num_tracks)
            plays.push_back(i);
    }
    // Each profile's plays in time order, so that a session's plays are consecutive.
    std::stable_sort(plays.begin(), plays.end(), [&](size_t a, size_t b) {
        return train.profile[a] != train.profile[b] ? train.profile[a] < train.profile[b]
                                                    : train.timestamp[a] < train.timestamp[b];
    });
    struct Span {
        int64_t start_time;
        size_t first, last;  // into `plays`
    };
    std::vector<Span> spans;
    for (size_t j = 0; j < plays.size(); ++j) {
        const size_t i = plays[j];
        if (spans.empty() || startsSession(train, i) ||
            train.profile[i] != train.profile[plays[spans.back().first]])
            spans.push_back({train.timestamp[i], j, j});
        spans.back().last = j + 1;
    }
    std::stable_sort(spans.begin(), spans.end(),
                     [](const Span& a, const Span& b) { return a.start_time < b.start_time; });

    session_offsets_.assign(1, 0);
    std::vector<int64_t> per_track(static_cast<size_t>(num_tracks) + 1, 0);
    std::vector<int32_t> distinct;
    for (const Span& s : spans) {
        distinct.clear();
        for (size_t j = s.first; j < s.last; ++j)
            distinct.push_back(train.target[plays[j]]);
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        for (int32_t t : distinct)
            ++per_track[static_cast<size_t>(t) + 1];
        session_tracks_.insert(session_tracks_.end(), distinct.begin(), distinct.end());
        session_offsets_.push_back(static_cast<int64_t>(session_tracks_.size()));
    }
    std::partial_sum(per_track.begin(), per_track.end(), per_track.begin());
    track_offsets_ = per_track;
    track_sessions_.resize(static_cast<size_t>(per_track.back()));
    for (size_t s = 0; s + 1 < session_offsets_.size(); ++s) {
        for (int64_t j = session_offsets_[s]; j < session_offsets_[s + 1]; ++j)
            track_sessions_[static_cast<size_t>(per_track[session_tracks_[j]]++)] =
                static_cast<int32_t>(s);
    }
}

void SessionKnnScorer::score(const Query& query, float* out) const {
    std::copy(backoff_.begin(), backoff_.end(), out);
    // The current session, most recent first, each song once, weighted 1/position.
    std::vector<int32_t> current;
    for (int32_t t : query.history) {
        if (t != kNoTrack && std::find(current.begin(), current.end(), t) == current.end())
            current.push_back(t);
    }
    if (current.empty() && query.prev_track != kNoTrack)
        current.push_back(query.prev_track);
    std::unordered_map<int32_t, float> similarity;
    for (size_t p = 0; p < current.size(); ++p) {
        const int32_t t = current[p];
        if (t < 0 || t >= size())
            continue;
        const float weight = 1.0f / static_cast<float>(p + 1);
        // Only the most recent sessions of each song can be among the `sample` most recent.
        const int64_t last = track_offsets_[t + 1];
        const int64_t first = std::max(track_offsets_[t], last - static_cast<int64_t>(sample_));
        for (int64_t j = first; j < last; ++j)
            similarity[track_sessions_[j]] += weight;
    }
    if (similarity.empty())
        return;
    std::vector<std::pair<int32_t, float>> candidates(similarity.begin(), similarity.end());
    if (candidates.size() > sample_) {
        std::nth_element(candidates.begin(), candidates.begin() + static_cast<long>(sample_),
                         candidates.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        candidates.resize(sample_);
    }
    const size_t k = std::min(neighbours_, candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<long>(k),
                      candidates.end(), [](const auto& a, const auto& b) {
                          return a.second != b.second ? a.second > b.second : a.first > b.first;
                      });
    const float norm = 1.0f / static_cast<float>(current.size());
    for (size_t n = 0; n < k; ++n) {
        const auto [session, sim] = candidates[n];
        for (int64_t j = session_offsets_[session]; j < session_offsets_[session + 1]; ++j)
            out[session_tracks_[j]] += sim * norm;
    }
}

}  // namespace encore::reco
