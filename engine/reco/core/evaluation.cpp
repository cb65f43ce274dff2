#include "reco/core/evaluation.h"

#include <algorithm>
#include <unordered_set>

namespace encore::reco {

namespace {

constexpr size_t kQueriesPerBatch = 256;  // scored together (one query-tower pass for the model)
constexpr size_t kMaxBatchScores = size_t(1) << 22;  // 16 MB of scores at most per batch

int64_t profileTrackKey(int32_t profile, int32_t track) {
    return (int64_t(profile) << 32) | uint32_t(track);
}

}  // namespace

EvalReport evaluate(const Scorer& scorer, const Interactions& train, const Interactions& test,
                    const EvalOptions& options) {
    std::unordered_set<int64_t> played;
    for (size_t i = 0; i < train.size(); ++i) {
        if (train.feedback[i] == Feedback::kPlay)
            played.insert(profileTrackKey(train.profile[i], train.target[i]));
    }
    std::vector<size_t> rows;
    for (size_t i = 0; i < test.size(); ++i) {
        if (test.feedback[i] == Feedback::kPlay)
            rows.push_back(i);
    }
    const size_t n = static_cast<size_t>(scorer.size());
    MetricAccumulator metrics(options.ks);
    std::vector<float> scores;
    const size_t per_batch =
        std::clamp<size_t>(kMaxBatchScores / std::max<size_t>(n, 1), 1, kQueriesPerBatch);
    for (size_t begin = 0; begin < rows.size(); begin += per_batch) {
        const size_t count = std::min(per_batch, rows.size() - begin);
        std::vector<Query> queries;
        for (size_t j = 0; j < count; ++j)
            queries.push_back(Query::fromExample(test, rows[begin + j]));
        scores.resize(count * n);
        scorer.scoreBatch(queries, scores.data());
        for (size_t j = 0; j < count; ++j) {
            const size_t i = rows[begin + j];
            std::vector<int32_t> exclude;
            if (options.exclude_previous_track && test.prev_track[i] != kNoTrack)
                exclude.push_back(test.prev_track[i]);
            const RankOutcome rank = rankTarget(scores.data() + j * n, n, test.target[i], exclude);
            metrics.add(rank, played.count(profileTrackKey(test.profile[i], test.target[i])) > 0);
        }
    }
    return metrics.report();
}

}  // namespace encore::reco
