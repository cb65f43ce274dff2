#include "reco/core/scorer.h"

#include <algorithm>

namespace encore::reco {

void Scorer::scoreBatch(const std::vector<Query>& queries, float* out) const {
    const size_t n = static_cast<size_t>(size());
    for (size_t i = 0; i < queries.size(); ++i)
        score(queries[i], out + i * n);
}

std::vector<ScoredTrack> recommend(const Scorer& scorer, const Query& query,
                                   const TopKRequest& request, const int32_t* artists) {
    std::vector<float> scores(static_cast<size_t>(scorer.size()));
    scorer.score(query, scores.data());
    return selectTopK(scores.data(), scores.size(), request, artists);
}

std::vector<int32_t> anchorTracks(const Query& query, size_t max_anchors) {
    std::vector<int32_t> anchors;
    auto add = [&](int32_t track) {
        if (track != kNoTrack && anchors.size() < max_anchors &&
            std::find(anchors.begin(), anchors.end(), track) == anchors.end())
            anchors.push_back(track);
    };
    add(query.prev_track);
    for (int32_t h : query.history)
        add(h);
    return anchors;
}

}  // namespace encore::reco
