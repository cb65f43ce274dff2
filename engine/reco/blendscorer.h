#pragma once

#include "reco/core/candidateindex.h"
#include "reco/core/scorer.h"

#include <memory>
#include <vector>

namespace encore {

// Weights of the blend's log-linear terms; zero drops a term.
struct BlendWeights {
    float model = 1.0f;         // two-tower cosine / temperature
    float cooccurrence = 0.0f;  // log(1 + co-occurrence count after the anchors)
    float user_popular = 0.0f;  // log(1 + the profile's decayed play count)
    float content = 0.0f;       // same artist / shared genres with the anchors
};

// The model and the baselines in one log-linear score: each component scorer gives a score
// array; the blend adds weight * transform(score). Components may be null when absent.
class BlendScorer : public reco::Scorer {
public:
    struct Components {
        std::shared_ptr<const reco::Scorer> model;  // two_tower
        float model_scale = 20.0f;                  // 1 / temperature
        std::shared_ptr<const reco::Scorer> cooccurrence;
        std::shared_ptr<const reco::Scorer> user_popular;
        std::shared_ptr<const reco::Scorer> content;
    };
    static constexpr int kComponents = 4;

    BlendScorer(Components components, BlendWeights weights);

    std::string name() const override { return "blend"; }
    int32_t size() const override { return size_; }
    void score(const reco::Query& query, float* out) const override;
    void scoreBatch(const std::vector<reco::Query>& queries, float* out) const override;

    // The transformed component scores (kComponents x size(), row-major; absent rows are 0).
    void componentScores(const reco::Query& query, float* out) const;
    const BlendWeights& weights() const { return weights_; }

private:
    Components c_;
    BlendWeights weights_;
    int32_t size_ = 0;
};

}  // namespace encore
