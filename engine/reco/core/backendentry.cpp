// The module's only export: the function table of the LibTorch implementation.

#include "reco/core/torchmodel_p.h"

namespace {

const encore::reco::detail::BackendApi kApi{
    encore::reco::detail::BackendApi::kVersion,
    &encore::reco::detail::TorchModel::create,
    &encore::reco::detail::TorchModel::load,
    &encore::reco::detail::torchRetrievalLoss,
};

}  // namespace

extern "C" __attribute__((visibility("default"))) const encore::reco::detail::BackendApi*
encore_torch_backend_v1() {
    return &kApi;
}
