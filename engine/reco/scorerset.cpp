#include "reco/scorerset.h"

#include "reco/core/contentscorer.h"
#include "reco/core/cooccurrencescorer.h"
#include "reco/core/popularscorer.h"
#include "reco/core/twotowerscorer.h"
#include "reco/core/userpopularscorer.h"

namespace encore {

ScorerSet ScorerSet::baselines(const reco::Catalog& catalog, const reco::Interactions& train) {
    const int32_t n = catalog.size();
    ScorerSet s;
    s.popular = std::make_shared<reco::PopularScorer>(train, n);
    s.user_popular = std::make_shared<reco::UserPopularScorer>(train, n);
    s.cooccurrence = std::make_shared<reco::CooccurrenceScorer>(train, n);
    s.content = std::make_shared<reco::ContentScorer>(catalog, train);
    return s;
}

void ScorerSet::setModel(std::shared_ptr<const reco::TwoTowerModel> trained,
                         std::shared_ptr<const reco::CandidateIndex> candidates) {
    model = std::move(trained);
    index = std::move(candidates);
    two_tower = model && index ? std::make_shared<reco::TwoTowerScorer>(model, index) : nullptr;
}

BlendScorer::Components ScorerSet::blendComponents() const {
    BlendScorer::Components c;
    c.model = two_tower;
    if (model)
        c.model_scale = 1.0f / model->config().temperature;
    c.cooccurrence = cooccurrence;
    c.user_popular = user_popular;
    c.content = content;
    return c;
}

}  // namespace encore
