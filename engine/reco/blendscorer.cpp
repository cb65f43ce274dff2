#include "reco/blendscorer.h"

#include "reco/core/popularscorer.h"

#include <algorithm>
#include <cmath>

namespace encore {

namespace {

// The baselines add at most kPopularityBackoff as a tie-break; below this a score is "none".
constexpr float kNoEvidence = 2.0f * reco::kPopularityBackoff;

// log(1 + evidence), keeping the baseline's own tie-break below every real count.
void logEvidence(float* scores, size_t n) {
    for (size_t i = 0; i < n; ++i) {
        const float s = scores[i];
        scores[i] = s >= kNoEvidence ? std::log1p(s) : s;
    }
}

}  // namespace

BlendScorer::BlendScorer(Components components, BlendWeights weights)
    : c_(std::move(components)), weights_(weights) {
    for (const auto* s : {&c_.model, &c_.cooccurrence, &c_.user_popular, &c_.content}) {
        if (*s)
            size_ = std::max(size_, (*s)->size());
    }
}

void BlendScorer::componentScores(const reco::Query& query, float* out) const {
    const size_t n = static_cast<size_t>(size_);
    std::fill(out, out + kComponents * n, 0.0f);
    if (c_.model) {
        c_.model->score(query, out);
        for (size_t i = 0; i < n; ++i)
            out[i] *= c_.model_scale;
    }
    if (c_.cooccurrence) {
        c_.cooccurrence->score(query, out + n);
        logEvidence(out + n, n);
    }
    if (c_.user_popular) {
        c_.user_popular->score(query, out + 2 * n);
        logEvidence(out + 2 * n, n);
    }
    if (c_.content)
        c_.content->score(query, out + 3 * n);
}

void BlendScorer::score(const reco::Query& query, float* out) const {
    const size_t n = static_cast<size_t>(size_);
    std::fill(out, out + n, 0.0f);
    std::vector<float> part(n);
    auto add = [&](const std::shared_ptr<const reco::Scorer>& scorer, float weight, bool log) {
        if (!scorer || weight == 0.0f)
            return;
        scorer->score(query, part.data());
        if (log)
            logEvidence(part.data(), n);
        for (size_t i = 0; i < n; ++i)
            out[i] += weight * part[i];
    };
    add(c_.model, weights_.model * c_.model_scale, false);
    add(c_.cooccurrence, weights_.cooccurrence, true);
    add(c_.user_popular, weights_.user_popular, true);
    add(c_.content, weights_.content, false);
}

void BlendScorer::scoreBatch(const std::vector<reco::Query>& queries, float* out) const {
    for (size_t i = 0; i < queries.size(); ++i)
        score(queries[i], out + i * static_cast<size_t>(size_));
}

}  // namespace encore
