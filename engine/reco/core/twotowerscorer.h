#pragma once

// The trained model behind the Scorer interface: query tower, then the candidate index.

#include "reco/core/candidateindex.h"
#include "reco/core/scorer.h"
#include "reco/core/twotowermodel.h"

#include <memory>

namespace encore::reco {

class TwoTowerScorer : public Scorer {
public:
    TwoTowerScorer(std::shared_ptr<const TwoTowerModel> model,
                   std::shared_ptr<const CandidateIndex> index);

    std::string name() const override { return "two_tower"; }
    int32_t size() const override { return index_->size(); }
    void score(const Query& query, float* out) const override;
    void scoreBatch(const std::vector<Query>& queries, float* out) const override;

private:
    std::shared_ptr<const TwoTowerModel> model_;
    std::shared_ptr<const CandidateIndex> index_;
};

}  // namespace encore::reco
