#include "reco/publishedmodel.h"

namespace encore {

BlendWeights defaultBlendWeights() {
    return {0.05f, 1.0f, 0.25f, 0.5f};
}

BlendWeights baselineBlendWeights() {
    return {0.0f, 1.0f, 0.25f, 0.5f};
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
    if (p->scorers.two_tower && weights.model > 0.0f) {
        p->weights = weights;
        p->method = QStringLiteral("blend");
    } else if (p->scorers.two_tower && weights.cooccurrence == 0.0f &&
               weights.user_popular == 0.0f && weights.content == 0.0f) {
        p->weights = weights;
        p->method = QStringLiteral("two_tower");
    } else {
        // The tuning found the model adds nothing, or there is no model: baselines serve.
        p->weights = p->scorers.two_tower ? weights : baselineBlendWeights();
        p->weights.model = 0.0f;
        p->method = QStringLiteral("baselines");
    }
    p->primary = std::make_shared<BlendScorer>(p->scorers.blendComponents(), p->weights);
    status.method = p->method;
    status.tracks = p->catalog.size();
    p->status = status;
    return p;
}

}  // namespace encore
