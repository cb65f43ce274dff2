#pragma once

// The two-tower retrieval model (LibTorch behind a pimpl; this header has no torch).

#include "reco/core/candidateindex.h"
#include "reco/core/catalog.h"
#include "reco/core/expected.h"
#include "reco/core/interactions.h"
#include "reco/core/modelconfig.h"
#include "reco/core/query.h"
#include "reco/core/trainoptions.h"
#include "reco/core/trainstats.h"

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace encore::reco {

namespace detail {
class ModelImpl;
}

class TwoTowerModel {
public:
    // Fresh model initialised from config.seed. Fails on bad sizes or an unavailable device.
    static Expected<TwoTowerModel> create(const ModelConfig& config);

    // Loads a checkpoint written by save() onto `device`. With `grow_to`, vocabularies may be
    // larger than the checkpoint's (warm start: old rows keep their values, new rows are
    // initialised from grow_to->seed); dimensions must match. Any corrupt or incompatible file
    // gives a Failure naming the file, never a crash.
    static Expected<TwoTowerModel> load(const std::string& path,
                                        const std::optional<ModelConfig>& grow_to = std::nullopt,
                                        const std::string& device = "cpu");

    TwoTowerModel(TwoTowerModel&&) noexcept;
    TwoTowerModel& operator=(TwoTowerModel&&) noexcept;
    ~TwoTowerModel();

    const ModelConfig& config() const;
    float temperature() const;
    int64_t optimizerSteps() const;

    // Trains on `log` (targets and features from `catalog`), continuing from the current
    // weights and optimiser state. Checks `cancel` after every batch; `progress` is called
    // after every batch. Deterministic for a fixed options.seed on one thread.
    Expected<TrainStats> train(const Interactions& log, const Catalog& catalog,
                               const TrainOptions& options,
                               const std::atomic<bool>* cancel = nullptr,
                               const ProgressCallback& progress = {});

    // Unit-norm query embedding (config().output_dim floats). Unknown ids use OOV rows.
    std::vector<float> embedQuery(const Query& query) const;
    // Row-major queries.size() x output_dim.
    std::vector<float> embedQueries(const std::vector<Query>& queries) const;

    // Candidate embeddings of every catalog track. Tracks never trained on (including tracks
    // beyond the model's vocabulary) are embedded from content alone through the OOV id row.
    Expected<CandidateIndex> buildIndex(const Catalog& catalog) const;

    // Model, optimiser state, seen masks, vocabulary sizes and a format version, written to
    // `path`.tmp and renamed over `path`.
    CoreStatus save(const std::string& path) const;

private:
    explicit TwoTowerModel(std::unique_ptr<detail::ModelImpl> impl);
    std::unique_ptr<detail::ModelImpl> impl_;  // LibTorch, in a module loaded on first use
};

}  // namespace encore::reco
