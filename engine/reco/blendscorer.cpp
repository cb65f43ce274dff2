#include "reco/blendscorer.h"

#include "reco/core/popularscorer.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace encore {

namespace {

// The baselines add at most kPopularityBackoff as a tie-break; below this a score is "none".
constexpr float kNoEvidence = 2.0f * reco::kPopularityBackoff;

// log(1 + x) for x >= 0 to about 1e-5, branch-free so that the loops over 100k songs vectorise
// (a heavy listener's own plays give tens of thousands of counts, and libm's log1pf costs more
// than every other term together): 1 + x = m 2^e with m in [1, 2), ln m = 2 atanh((m-1)/(m+1)).
inline float fastLog1p(float x) {
    const float y = 1.0f + x;
    uint32_t bits;
    std::memcpy(&bits, &y, sizeof bits);
    const int32_t e = static_cast<int32_t>((bits >> 23) & 0xffu) - 127;
    bits = (bits & 0x007fffffu) | 0x3f800000u;
    float m;
    std::memcpy(&m, &bits, sizeof m);
    const float z = (m - 1.0f) / (m + 1.0f);
    const float z2 = z * z;
    const float ln_m = 2.0f * z * (1.0f + z2 * (1.0f / 3.0f + z2 * (0.2f + z2 * (1.0f / 7.0f))));
    return static_cast<float>(e) * 0.69314718f + ln_m;
}

// The LogEvidence term: log(1 + evidence), keeping the baseline's own tie-break (below
// kNoEvidence) as it is, below every real count.
// Arithmetic, not a branch: evidence interleaves at random with songs that have none.
inline float logEvidence(float s) {
    const float is_evidence = static_cast<float>(s >= kNoEvidence);
    return s + is_evidence * (fastLog1p(s) - s);
}

}  // namespace

float weightOf(const BlendWeights& weights, const std::string& name) {
    const auto it = weights.find(name);
    return it == weights.end() ? 0.0f : it->second;
}

std::string describeWeights(const BlendWeights& weights) {
    std::string text;
    for (const ScorerKind& kind : scorerKinds()) {
        const float w = weightOf(weights, kind.name);
        if (w == 0.0f)
            continue;
        char value[32];
        std::snprintf(value, sizeof value, "%g", static_cast<double>(w));
        text += (text.empty() ? "" : ", ") + kind.name + " " + value;
    }
    return text.empty() ? "none" : text;
}

BlendScorer::BlendScorer(Components components, BlendWeights weights)
    : c_(std::move(components)), weights_(std::move(weights)) {
    for (const Component& c : c_)
        size_ = std::max(size_, c.scorer->size());
}

void BlendScorer::term(size_t component, const reco::Query& query, float* out) const {
    const Component& c = c_[component];
    const size_t n = static_cast<size_t>(size_);
    c.scorer->score(query, out);
    if (c.term == BlendTerm::ModelCosine) {
        for (size_t i = 0; i < n; ++i)
            out[i] *= c.scale;
    } else if (c.term == BlendTerm::LogEvidence) {
        for (size_t i = 0; i < n; ++i)
            out[i] = logEvidence(out[i]);
    }
}

void BlendScorer::componentScores(const reco::Query& query, float* out) const {
    const size_t n = static_cast<size_t>(size_);
    for (size_t c = 0; c < c_.size(); ++c)
        term(c, query, out + c * n);
}

void BlendScorer::score(const reco::Query& query, float* out) const {
    const size_t n = static_cast<size_t>(size_);
    std::fill(out, out + n, 0.0f);
    // One scratch row per thread: serving calls this per request, and 400 KB zeroed each time
    // at 100k songs costs more than some terms.
    thread_local std::vector<float> part;
    part.resize(n);
    for (size_t c = 0; c < c_.size(); ++c) {
        const float weight = weightOf(weights_, c_[c].name);
        if (weight == 0.0f)
            continue;
        c_[c].scorer->score(query, part.data());
        const float* s = part.data();
        // The term and the weighted add in one pass.
        switch (c_[c].term) {
            case BlendTerm::ModelCosine: {
                const float w = weight * c_[c].scale;
                for (size_t i = 0; i < n; ++i)
                    out[i] += w * s[i];
                break;
            }
            case BlendTerm::LogEvidence:
                for (size_t i = 0; i < n; ++i)
                    out[i] += weight * logEvidence(s[i]);
                break;
            case BlendTerm::Raw:
                for (size_t i = 0; i < n; ++i)
                    out[i] += weight * s[i];
                break;
        }
    }
}

void BlendScorer::scoreBatch(const std::vector<reco::Query>& queries, float* out) const {
    for (size_t i = 0; i < queries.size(); ++i)
        score(queries[i], out + i * static_cast<size_t>(size_));
}

}  // namespace encore
