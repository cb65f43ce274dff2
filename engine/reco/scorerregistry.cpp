#include "reco/scorerregistry.h"

#include "reco/core/contentscorer.h"
#include "reco/core/cooccurrencescorer.h"
#include "reco/core/popularscorer.h"
#include "reco/core/sequentialrulesscorer.h"
#include "reco/core/sessionknnscorer.h"
#include "reco/core/userpopularscorer.h"

namespace encore {

namespace {

template <typename T>
std::shared_ptr<const reco::Scorer> counted(const reco::Catalog& catalog,
                                            const reco::Interactions& train) {
    return std::make_shared<T>(train, catalog.size());
}

std::vector<ScorerKind> registered() {
    return {
        {"two_tower",
         BlendTerm::ModelCosine,
         true,
         false,
         0.05f,
         "the model: close to what you just played, at this hour, for you",
         {}},
        {"popular", BlendTerm::LogEvidence, false, true, 0.0f, "played most by everyone",
         counted<reco::PopularScorer>},
        {"user_popular", BlendTerm::LogEvidence, true, true, 0.25f,
         "played most by you, recent plays counting more", counted<reco::UserPopularScorer>},
        {"cooccurrence", BlendTerm::LogEvidence, true, true, 1.0f,
         "played within a few songs after the last ones", counted<reco::CooccurrenceScorer>},
        {"content", BlendTerm::Raw, true, true, 0.5f, "same artist or genres as the last songs",
         [](const reco::Catalog& catalog, const reco::Interactions& train) {
             return std::make_shared<reco::ContentScorer>(catalog, train);
         }},
        {"sr", BlendTerm::LogEvidence, true, true, 0.0f,
         "played soon after the last song (sequential rules)",
         counted<reco::SequentialRulesScorer>},
        {"vsknn", BlendTerm::LogEvidence, true, true, 0.0f,
         "played in past sessions much like this one (session kNN)",
         counted<reco::SessionKnnScorer>},
    };
}

}  // namespace

const std::vector<ScorerKind>& scorerKinds() {
    static const std::vector<ScorerKind> kinds = registered();
    return kinds;
}

const ScorerKind* scorerKind(const std::string& name) {
    for (const ScorerKind& kind : scorerKinds()) {
        if (kind.name == name)
            return &kind;
    }
    return nullptr;
}

}  // namespace encore
