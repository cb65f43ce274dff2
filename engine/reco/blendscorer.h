#pragma once

#include "reco/core/scorer.h"
#include "reco/scorerregistry.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace encore {

// Weight of each blend term by scorer name; absent or zero drops the term.
using BlendWeights = std::map<std::string, float>;

// The weight of `name` in `weights` (0 when absent).
float weightOf(const BlendWeights& weights, const std::string& name);
// "two_tower 0.05, cooccurrence 1, ..." (the terms with a weight, registration order).
std::string describeWeights(const BlendWeights& weights);

// The model and the baselines in one log-linear score: each registered component gives a score
// array; the blend adds weight * term(score).
class BlendScorer : public reco::Scorer {
public:
    struct Component {
        std::string name;
        std::shared_ptr<const reco::Scorer> scorer;
        BlendTerm term = BlendTerm::Raw;
        float scale = 1.0f;  // ModelCosine: 1 / temperature
    };
    using Components = std::vector<Component>;

    BlendScorer(Components components, BlendWeights weights);

    std::string name() const override { return "blend"; }
    int32_t size() const override { return size_; }
    void score(const reco::Query& query, float* out) const override;
    void scoreBatch(const std::vector<reco::Query>& queries, float* out) const override;

    const Components& components() const { return c_; }
    // The terms of every component (components().size() x size(), row-major).
    void componentScores(const reco::Query& query, float* out) const;
    const BlendWeights& weights() const { return weights_; }

private:
    void term(size_t component, const reco::Query& query, float* out) const;

    Components c_;
    BlendWeights weights_;
    int32_t size_ = 0;
};

}  // namespace encore
