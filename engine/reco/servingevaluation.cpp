#include "reco/servingevaluation.h"

#include "reco/blendtuner.h"
#include "reco/core/split.h"
#include "reco/offlineevaluation.h"
#include "reco/publishedmodel.h"

#include <memory>
#include <random>

namespace encore {

namespace {

constexpr double kValidationShare = 0.5;  // older half of the held-out listens tunes the blend
constexpr size_t kBlendValidationPlays = 3000;  // enough to rank a weight grid stably

}  // namespace

HeldOutParts splitForEvaluation(const reco::Interactions& log, SplitKind kind,
                                double train_fraction, uint64_t seed) {
    HeldOutParts parts;
    if (kind == SplitKind::Time) {
        reco::Split outer = reco::timeSplit(log, train_fraction);
        reco::Split inner = reco::timeSplit(outer.test, kValidationShare);
        parts.train = std::move(outer.train);
        parts.validation = std::move(inner.train);
        parts.test = std::move(inner.test);
    } else if (kind == SplitKind::GlobalTime) {
        reco::Split outer = reco::globalTimeSplit(log, train_fraction);
        reco::Split inner = reco::globalTimeSplit(outer.test, kValidationShare);
        parts.train = std::move(outer.train);
        parts.validation = std::move(inner.train);
        parts.test = std::move(inner.test);
    } else {
        reco::Split outer = reco::randomSplit(log, train_fraction, seed);
        reco::Split inner = reco::randomSplit(outer.test, kValidationShare, seed + 1);
        parts.train = std::move(outer.train);
        parts.validation = std::move(inner.train);
        parts.test = std::move(inner.test);
    }
    return parts;
}

qint64 countPlays(const reco::Interactions& part) {
    qint64 plays = 0;
    for (const reco::Feedback f : part.feedback)
        plays += f == reco::Feedback::kPlay ? 1 : 0;
    return plays;
}

const MethodResult* ServingMeasurement::method(const std::string& name) const {
    for (const MethodResult& m : methods) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

std::optional<ServingMeasurement> measureAsServed(const ScorerSet& set, const HeldOutParts& parts,
                                                  const std::vector<std::string>& methods,
                                                  const std::vector<int>& ks, size_t max_test_plays,
                                                  const std::atomic<bool>* cancel) {
    ServingMeasurement measured;
    const reco::Interactions test = samplePlays(parts.test, max_test_plays);
    measured.test_plays = qint64(test.size());
    std::vector<std::shared_ptr<const reco::Scorer>> scorers;
    bool blend = false;
    for (const std::string& name : methods) {
        const std::shared_ptr<const reco::Scorer> scorer = set.find(name);
        if (scorer)
            scorers.push_back(scorer);
        blend = blend || name == "blend";
    }
    if (blend) {
        const std::optional<TunedBlend> tuned =
            tuneBlend(set.blendComponents(), parts.validation, kBlendValidationPlays,
                      defaultBlendWeights(), cancel);
        if (!tuned)
            return std::nullopt;
        measured.validation_queries = tuned->queries;
        measured.tuning = *tuned;
        measured.weights =
            tuned->queries >= kMinBlendTuningPlays ? tuned->weights : defaultBlendWeights();
        scorers.push_back(std::make_shared<BlendScorer>(set.blendComponents(), measured.weights));
    }
    for (const auto& scorer : scorers) {
        const std::optional<reco::EvalReport> report =
            evaluateScorer(*scorer, parts.train, test, ks, cancel);
        if (!report)
            return std::nullopt;
        measured.methods.push_back({scorer->name(), report.value()});
    }
    return measured;
}

}  // namespace encore
