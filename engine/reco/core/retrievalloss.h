#pragma once

// The training loss on plain arrays, so that each part can be checked by hand.
//
// Plays form an in-batch softmax (tfrs Retrieval): row i's positive is its own candidate, every
// other play candidate of the batch is a negative. logits[i][j] = <q_i, c_j> / temperature
//   - log Q(track_j)                       (logQ correction, Yi et al. 2019), and
//   = kMaskedLogit where track_j == track_i, j != i  (accidental hits removed).
// softmax = sum_i w_i * -log softmax(logits[i])[i] / sum_i w_i over plays.
// Each skip row s adds -log(1 - p_s): p_s is the probability of its skipped track against the
// batch's play candidates (same logits, same masking), so the query is pushed away from it.
// total = softmax + skip_weight * skip.

#include <cstdint>
#include <vector>

namespace encore::reco {

constexpr float kMaskedLogit = -1e9f;  // a removed accidental hit: exp() of it is 0

struct LossSettings {
    float temperature = 0.05f;
    bool use_logq = true;
    bool remove_accidental_hits = true;
    bool use_skip_negatives = true;
    float skip_weight = 0.5f;
};

struct LossBatch {
    int64_t rows = 0;  // examples (plays and skips)
    int64_t dim = 0;
    std::vector<float> queries;     // rows x dim
    std::vector<float> candidates;  // rows x dim: the target (or skipped) track of each row
    std::vector<int32_t> tracks;    // track id of each row's candidate
    std::vector<uint8_t> is_skip;   // 1 = skip row
    std::vector<float> log_q;       // log sampling probability of each row's candidate
    std::vector<float> weights;     // example weights
};

struct LossValue {
    double total = 0.0;
    double softmax = 0.0;
    double skip = 0.0;
};

// Evaluates exactly the function the trainer minimises.
LossValue computeRetrievalLoss(const LossBatch& batch, const LossSettings& settings);

}  // namespace encore::reco
