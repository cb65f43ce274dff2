#include "reco/publishedmodel.h"

#include "reco/scorerregistry.h"

#include <algorithm>

namespace encore {

BlendWeights defaultBlendWeights() {
    BlendWeights w;
    for (const ScorerKind& kind : scorerKinds()) {
        if (kind.in_blend && kind.default_weight != 0.0f)
            w[kind.name] = kind.default_weight;
    }
    return w;
}

BlendWeights baselineBlendWeights() {
    BlendWeights w = defaultBlendWeights();
    w.erase("two_tower");
    return w;
}

PublishedModelPtr assemblePublishedModel(TrainingData data, const RecoVocabulary& vocabulary,
                                         ScorerSet scorers, const BlendWeights& weights,
                                         RecoStatus status) {
    auto p = std::make_shared<PublishedModel>();
    p->vocabulary = vocabulary;
    p->reasons = ReasonIndex::build(data.log, data.catalog, data.num_profiles);
    p->plays = data.plays;
    p->play_counts.assign(static_cast<size_t>(data.catalog.size()), 0);
    for (size_t i = 0; i < data.log.size(); ++i) {
        if (data.log.feedback[i] == reco::Feedback::kPlay)
            ++p->play_counts[data.log.target[i]];
    }
    p->catalog = std::move(data.catalog);
    p->tracks = std::move(data.tracks);
    p->scorers = std::move(scorers);
    BlendWeights others = weights;
    others.erase("two_tower");
    const bool others_weigh =
        std::any_of(others.begin(), others.end(), [](const auto& w) { return w.second != 0.0f; });
    if (p->scorers.two_tower && weightOf(weights, "two_tower") > 0.0f) {
        p->weights = weights;
        p->method = others_weigh ? QStringLiteral("blend") : QStringLiteral("two_tower");
    } else {
        // The tuning found the model adds nothing, or there is no model: baselines serve.
        p->weights = p->scorers.two_tower && others_weigh ? others : baselineBlendWeights();
        p->method = QStringLiteral("baselines");
    }
    p->primary = std::make_shared<BlendScorer>(p->scorers.blendComponents(), p->weights);
    status.method = p->method;
    status.tracks = p->catalog.size();
    p->status = status;
    return p;
}

}  // namespace encore
