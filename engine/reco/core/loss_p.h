#pragma once

// PRIVATE: the retrieval loss on tensors, shared by the trainer and computeRetrievalLoss().

#include "reco/core/retrievalloss.h"

#include <torch/torch.h>

namespace encore::reco::detail {

struct LossTensors {
    torch::Tensor total, softmax, skip;  // scalars
};

// queries/candidates [B, d]; tracks [B] int64; is_skip [B] bool; log_q, weights [B] float;
// temperature scalar tensor (may require grad).
LossTensors retrievalLoss(const torch::Tensor& queries, const torch::Tensor& candidates,
                          const torch::Tensor& tracks, const torch::Tensor& is_skip,
                          const torch::Tensor& log_q, const torch::Tensor& weights,
                          const torch::Tensor& temperature, const LossSettings& settings);

}  // namespace encore::reco::detail
