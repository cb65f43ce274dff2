// The in-batch softmax with logQ correction, accidental-hit removal and the skip term.

#include "reco/core/loss_p.h"
#include "reco/core/torchmodel_p.h"

#include <unordered_map>
#include <utility>
#include <vector>

namespace encore::reco {
namespace detail {

namespace {

constexpr double kMinWeightSum = 1e-12;  // an all-zero-weight batch contributes 0, not NaN
constexpr float kMaskedThreshold = kMaskedLogit / 2;  // logits below this were masked

torch::Tensor weightedMean(const torch::Tensor& values, const torch::Tensor& weights) {
    return (values * weights).sum() / weights.sum().clamp_min(kMinWeightSum);
}

// (row, column) pairs where the query row's track equals the column's track, the diagonal
// excluded when asked. Hits are few, so they are found by hashing instead of a [Q, P] compare.
std::pair<torch::Tensor, torch::Tensor> hitPairs(const torch::Tensor& q_tracks,
                                                 const torch::Tensor& c_tracks,
                                                 bool skip_diagonal) {
    const torch::Tensor qt = q_tracks.to(torch::kCPU).contiguous();
    const torch::Tensor ct = c_tracks.to(torch::kCPU).contiguous();
    const int64_t* q = qt.data_ptr<int64_t>();
    const int64_t* c = ct.data_ptr<int64_t>();
    std::unordered_map<int64_t, std::vector<int64_t>> columns_of;
    for (int64_t j = 0; j < ct.numel(); ++j)
        columns_of[c[j]].push_back(j);
    std::vector<int64_t> rows, cols;
    for (int64_t i = 0; i < qt.numel(); ++i) {
        const auto it = columns_of.find(q[i]);
        if (it == columns_of.end())
            continue;
        for (int64_t j : it->second) {
            if (skip_diagonal && j == i)
                continue;
            rows.push_back(i);
            cols.push_back(j);
        }
    }
    const auto n = static_cast<int64_t>(rows.size());
    const torch::Device device = q_tracks.device();
    return {torch::from_blob(rows.data(), {n}, torch::kInt64).to(device, false, true),
            torch::from_blob(cols.data(), {n}, torch::kInt64).to(device, false, true)};
}

// Scores of query rows (already divided by the temperature) against play candidates, logQ
// corrected, with accidental hits masked: one [Q, P] allocation, masked in place.
torch::Tensor logitsAgainst(const torch::Tensor& scaled_q, const torch::Tensor& q_tracks,
                            const torch::Tensor& c, const torch::Tensor& c_tracks,
                            const torch::Tensor& c_log_q, const LossSettings& settings,
                            bool skip_diagonal) {
    torch::Tensor logits = settings.use_logq
                               ? torch::addmm(c_log_q.neg().unsqueeze(0), scaled_q, c.t())
                               : scaled_q.mm(c.t());
    if (settings.remove_accidental_hits) {
        const auto [rows, cols] = hitPairs(q_tracks, c_tracks, skip_diagonal);
        if (rows.numel() > 0)
            logits.index_put_({rows, cols}, torch::scalar_tensor(kMaskedLogit, logits.options()));
    }
    return logits;
}

}  // namespace

LossTensors retrievalLoss(const torch::Tensor& queries, const torch::Tensor& candidates,
                          const torch::Tensor& tracks, const torch::Tensor& is_skip,
                          const torch::Tensor& log_q, const torch::Tensor& weights,
                          const torch::Tensor& temperature, const LossSettings& settings) {
    const torch::Tensor zero = torch::zeros({}, queries.options());
    const torch::Tensor plays = is_skip.logical_not().nonzero().reshape({-1});
    LossTensors out{zero, zero, zero};
    if (plays.numel() == 0)
        return out;
    const torch::Tensor scaled = queries / temperature;
    const torch::Tensor qp = scaled.index_select(0, plays);
    const torch::Tensor cp = candidates.index_select(0, plays);
    const torch::Tensor tp = tracks.index_select(0, plays);
    const torch::Tensor lp = log_q.index_select(0, plays);
    const torch::Tensor logits =
        logitsAgainst(qp, tp, cp, tp, lp, settings, /*keep_diagonal=*/true);
    // log_softmax + diagonal: its backward is 2x cheaper than logsumexp's in LibTorch 1.13.
    const torch::Tensor cross_entropy = -torch::log_softmax(logits, 1).diagonal();
    out.softmax = weightedMean(cross_entropy, weights.index_select(0, plays));
    out.total = out.softmax;

    const torch::Tensor skips = is_skip.nonzero().reshape({-1});
    if (!settings.use_skip_negatives || skips.numel() == 0)
        return out;
    const torch::Tensor qs = scaled.index_select(0, skips);
    const torch::Tensor cs = candidates.index_select(0, skips);
    const torch::Tensor ts = tracks.index_select(0, skips);
    torch::Tensor own = (qs * cs).sum(1);
    if (settings.use_logq)
        own = own - log_q.index_select(0, skips);
    const torch::Tensor others = logitsAgainst(qs, ts, cp, tp, lp, settings, false);
    // A skip row whose every play column is its own track has nothing to be pushed below.
    const torch::Tensor valid = others.gt(kMaskedThreshold).any(1);
    const torch::Tensor all = torch::cat({own.unsqueeze(1), others}, 1);
    // -log(1 - p_own) = logsumexp(all) - logsumexp(others)
    const torch::Tensor unlikelihood = torch::logsumexp(all, 1) - torch::logsumexp(others, 1);
    const torch::Tensor ws = weights.index_select(0, skips) * valid.to(weights.dtype());
    out.skip = weightedMean(unlikelihood.masked_fill(valid.logical_not(), 0.0), ws);
    out.total = out.softmax + settings.skip_weight * out.skip;
    return out;
}

LossValue torchRetrievalLoss(const LossBatch& batch, const LossSettings& settings) {
    const int64_t b = batch.rows;
    const int64_t d = batch.dim;
    auto floats = [](const std::vector<float>& v, std::vector<int64_t> shape) {
        return torch::from_blob(const_cast<float*>(v.data()), shape, torch::kFloat32).clone();
    };
    std::vector<int64_t> tracks(batch.tracks.begin(), batch.tracks.end());
    std::vector<uint8_t> skip(batch.is_skip.begin(), batch.is_skip.end());
    torch::NoGradGuard no_grad;
    const LossTensors loss =
        retrievalLoss(floats(batch.queries, {b, d}), floats(batch.candidates, {b, d}),
                      torch::from_blob(tracks.data(), {b}, torch::kInt64).clone(),
                      torch::from_blob(skip.data(), {b}, torch::kUInt8).to(torch::kBool),
                      floats(batch.log_q, {b}), floats(batch.weights, {b}),
                      torch::full({}, settings.temperature), settings);
    return {loss.total.item<double>(), loss.softmax.item<double>(), loss.skip.item<double>()};
}

}  // namespace detail

}  // namespace encore::reco
