#pragma once

// PRIVATE, module only: the LibTorch implementation of TwoTowerModel.

#include "reco/core/modelimpl_p.h"

namespace encore::reco::detail {

struct ModelState;

class TorchModel final : public ModelImpl {
public:
    explicit TorchModel(std::unique_ptr<ModelState> state);
    ~TorchModel() override;

    static Expected<std::unique_ptr<ModelImpl>> create(const ModelConfig& config);
    static Expected<std::unique_ptr<ModelImpl>> load(const std::string& path,
                                                     const std::optional<ModelConfig>& grow_to,
                                                     const std::string& device);

    const ModelConfig& config() const override;
    float temperature() const override;
    int64_t optimizerSteps() const override;
    Expected<TrainStats> train(const Interactions& log, const Catalog& catalog,
                               const TrainOptions& options, const std::atomic<bool>* cancel,
                               const ProgressCallback& progress) override;
    std::vector<float> embedQueries(const std::vector<Query>& queries) const override;
    Expected<CandidateIndex> buildIndex(const Catalog& catalog) const override;
    CoreStatus save(const std::string& path) const override;

private:
    std::unique_ptr<ModelState> state_;
};

// The retrieval loss on plain arrays (the tests' hand-computed 3x3 batches).
LossValue torchRetrievalLoss(const LossBatch& batch, const LossSettings& settings);

}  // namespace encore::reco::detail
