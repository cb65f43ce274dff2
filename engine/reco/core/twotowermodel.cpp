// TwoTowerModel without LibTorch: every call goes to the implementation in the backend module
// (modelimpl_p.h), which is loaded the first time a model is created or loaded.

#include "reco/core/twotowermodel.h"

#include "reco/core/modelimpl_p.h"

#include <cstdio>
#include <limits>

namespace encore::reco {

TwoTowerModel::TwoTowerModel(std::unique_ptr<detail::ModelImpl> impl) : impl_(std::move(impl)) {}
TwoTowerModel::TwoTowerModel(TwoTowerModel&&) noexcept = default;
TwoTowerModel& TwoTowerModel::operator=(TwoTowerModel&&) noexcept = default;
TwoTowerModel::~TwoTowerModel() = default;

Expected<TwoTowerModel> TwoTowerModel::create(const ModelConfig& config) {
    const Expected<const detail::BackendApi*> api = detail::backend();
    if (!api)
        return Failure{api.error()};
    Expected<std::unique_ptr<detail::ModelImpl>> impl = api.value()->create(config);
    if (!impl)
        return Failure{impl.error()};
    return TwoTowerModel(std::move(impl).value());
}

Expected<TwoTowerModel> TwoTowerModel::load(const std::string& path,
                                            const std::optional<ModelConfig>& grow_to,
                                            const std::string& device) {
    const Expected<const detail::BackendApi*> api = detail::backend();
    if (!api)
        return Failure{api.error()};
    Expected<std::unique_ptr<detail::ModelImpl>> impl = api.value()->load(path, grow_to, device);
    if (!impl)
        return Failure{impl.error()};
    return TwoTowerModel(std::move(impl).value());
}

const ModelConfig& TwoTowerModel::config() const {
    return impl_->config();
}

float TwoTowerModel::temperature() const {
    return impl_->temperature();
}

int64_t TwoTowerModel::optimizerSteps() const {
    return impl_->optimizerSteps();
}

Expected<TrainStats> TwoTowerModel::train(const Interactions& log, const Catalog& catalog,
                                          const TrainOptions& options,
                                          const std::atomic<bool>* cancel,
                                          const ProgressCallback& progress) {
    return impl_->train(log, catalog, options, cancel, progress);
}

std::vector<float> TwoTowerModel::embedQuery(const Query& query) const {
    return impl_->embedQueries({query});
}

std::vector<float> TwoTowerModel::embedQueries(const std::vector<Query>& queries) const {
    return impl_->embedQueries(queries);
}

Expected<CandidateIndex> TwoTowerModel::buildIndex(const Catalog& catalog) const {
    return impl_->buildIndex(catalog);
}

CoreStatus TwoTowerModel::save(const std::string& path) const {
    return impl_->save(path);
}

LossValue computeRetrievalLoss(const LossBatch& batch, const LossSettings& settings) {
    const Expected<const detail::BackendApi*> api = detail::backend();
    if (!api) {
        std::fprintf(stderr, "encore: %s\n", api.error().c_str());
        const double nan = std::numeric_limits<double>::quiet_NaN();
        return {nan, nan, nan};  // never mistaken for a real loss
    }
    return api.value()->retrieval_loss(batch, settings);
}

}  // namespace encore::reco
