#pragma once

// PRIVATE: the seam between TwoTowerModel (torch-free, linked everywhere) and its LibTorch
// implementation, which lives in a module (libencore_torch.so) loaded on first use, so that
// programs that never train or embed (scanning, importing, statistics) never load LibTorch.

#include "reco/core/candidateindex.h"
#include "reco/core/catalog.h"
#include "reco/core/expected.h"
#include "reco/core/interactions.h"
#include "reco/core/modelconfig.h"
#include "reco/core/query.h"
#include "reco/core/retrievalloss.h"
#include "reco/core/trainoptions.h"
#include "reco/core/trainstats.h"

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace encore::reco::detail {

// What TwoTowerModel asks of the implementation; see twotowermodel.h for each method.
class ModelImpl {
public:
    virtual ~ModelImpl() = default;
    virtual const ModelConfig& config() const = 0;
    virtual float temperature() const = 0;
    virtual int64_t optimizerSteps() const = 0;
    virtual Expected<TrainStats> train(const Interactions& log, const Catalog& catalog,
                                       const TrainOptions& options, const std::atomic<bool>* cancel,
                                       const ProgressCallback& progress) = 0;
    virtual std::vector<float> embedQueries(const std::vector<Query>& queries) const = 0;
    virtual Expected<CandidateIndex> buildIndex(const Catalog& catalog) const = 0;
    virtual CoreStatus save(const std::string& path) const = 0;
};

// The module's function table. Caller and module are built together (same compiler, flags
// and headers), so C++ types cross the boundary; the version guards against a stale module.
struct BackendApi {
    static constexpr int kVersion = 1;
    int version = kVersion;
    Expected<std::unique_ptr<ModelImpl>> (*create)(const ModelConfig& config) = nullptr;
    Expected<std::unique_ptr<ModelImpl>> (*load)(const std::string& path,
                                                 const std::optional<ModelConfig>& grow_to,
                                                 const std::string& device) = nullptr;
    LossValue (*retrieval_loss)(const LossBatch& batch, const LossSettings& settings) = nullptr;
};

// Loads the module once per process (thread-safe) and returns its table, or why it could not.
Expected<const BackendApi*> backend();

}  // namespace encore::reco::detail

// The one symbol the module exports.
extern "C" const encore::reco::detail::BackendApi* encore_torch_backend_v1();
