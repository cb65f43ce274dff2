#include "reco/core/twotowerscorer.h"

#include <utility>

namespace encore::reco {

TwoTowerScorer::TwoTowerScorer(std::shared_ptr<const TwoTowerModel> model,
                               std::shared_ptr<const CandidateIndex> index)
    : model_(std::move(model)), index_(std::move(index)) {}

void TwoTowerScorer::score(const Query& query, float* out) const {
    const std::vector<float> q = model_->embedQuery(query);
    index_->scoreAll(q.data(), out);
}

void TwoTowerScorer::scoreBatch(const std::vector<Query>& queries, float* out) const {
    const std::vector<float> q = model_->embedQueries(queries);
    const size_t n = static_cast<size_t>(size());
    const size_t d = static_cast<size_t>(index_->dim());
    for (size_t i = 0; i < queries.size(); ++i)
        index_->scoreAll(q.data() + i * d, out + i * n);
}

}  // namespace encore::reco
