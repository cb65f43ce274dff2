#include "reco/scorerset.h"

#include "reco/core/twotowerscorer.h"
#include "reco/scorerregistry.h"

namespace encore {

ScorerSet ScorerSet::baselines(const reco::Catalog& catalog, const reco::Interactions& train) {
    ScorerSet s;
    for (const ScorerKind& kind : scorerKinds()) {
        if (kind.build)
            s.baseline_scorers.push_back(kind.build(catalog, train));
    }
    return s;
}

void ScorerSet::setModel(std::shared_ptr<const reco::TwoTowerModel> trained,
                         std::shared_ptr<const reco::CandidateIndex> candidates) {
    model = std::move(trained);
    index = std::move(candidates);
    two_tower = model && index ? std::make_shared<reco::TwoTowerScorer>(model, index) : nullptr;
}

std::shared_ptr<const reco::Scorer> ScorerSet::find(const std::string& name) const {
    if (two_tower && two_tower->name() == name)
        return two_tower;
    for (const auto& scorer : baseline_scorers) {
        if (scorer->name() == name)
            return scorer;
    }
    return nullptr;
}

BlendScorer::Components ScorerSet::blendComponents() const {
    BlendScorer::Components components;
    for (const ScorerKind& kind : scorerKinds()) {
        const std::shared_ptr<const reco::Scorer> scorer = find(kind.name);
        if (!kind.in_blend || !scorer)
            continue;
        const float scale = kind.term == BlendTerm::ModelCosine && model
                                ? 1.0f / model->config().temperature
                                : 1.0f;
        components.push_back({kind.name, scorer, kind.term, scale});
    }
    return components;
}

}  // namespace encore
