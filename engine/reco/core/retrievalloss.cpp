// The in-batch softmax with logQ correction, accidental-hit removal and the skip term.

#include "reco/core/loss_p.h"

namespace encore::reco {
namespace detail {

namespace {

constexpr double kMinWeightSum = 1e-12;  // an all-zero-weight batch contributes 0, not NaN
constexpr float kMaskedThreshold = kMaskedLogit / 2;  // logits below this were masked

torch::Tensor weightedMean(const torch::Tensor& values, const torch::Tensor& weights) {
    return (values * weights).sum() / weights.sum().clamp_min(kMinWeightSum);
}

// Scores of query rows against play candidates, corrected and masked as the settings say.
torch::Tensor logitsAgainst(const torch::Tensor& q, const torch::Tensor& q_tracks,
                            const torch::Tensor& c, const torch::Tensor& c_tracks,
                            const torch::Tensor& c_log_q, const torch::Tensor& temperature,
                            const LossSettings& settings, bool keep_diagonal) {
    torch::Tensor logits = q.mm(c.t()) / temperature;
    if (settings.use_logq)
        logits = logits - c_log_q.unsqueeze(0);
    if (settings.remove_accidental_hits) {
        torch::Tensor hits = q_tracks.unsqueeze(1).eq(c_tracks.unsqueeze(0));
        if (keep_diagonal)
            hits = hits.logical_and(
                torch::eye(hits.size(0), torch::dtype(torch::kBool).device(hits.device()))
                    .logical_not());
        logits = logits.masked_fill(hits, kMaskedLogit);
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
    const torch::Tensor qp = queries.index_select(0, plays);
    const torch::Tensor cp = candidates.index_select(0, plays);
    const torch::Tensor tp = tracks.index_select(0, plays);
    const torch::Tensor lp = log_q.index_select(0, plays);
    const torch::Tensor logits =
        logitsAgainst(qp, tp, cp, tp, lp, temperature, settings, /*keep_diagonal=*/true);
    const torch::Tensor cross_entropy = -torch::log_softmax(logits, 1).diagonal();
    out.softmax = weightedMean(cross_entropy, weights.index_select(0, plays));
    out.total = out.softmax;

    const torch::Tensor skips = is_skip.nonzero().reshape({-1});
    if (!settings.use_skip_negatives || skips.numel() == 0)
        return out;
    const torch::Tensor qs = queries.index_select(0, skips);
    const torch::Tensor cs = candidates.index_select(0, skips);
    const torch::Tensor ts = tracks.index_select(0, skips);
    torch::Tensor own = (qs * cs).sum(1) / temperature;
    if (settings.use_logq)
        own = own - log_q.index_select(0, skips);
    const torch::Tensor others = logitsAgainst(qs, ts, cp, tp, lp, temperature, settings, false);
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

}  // namespace detail

LossValue computeRetrievalLoss(const LossBatch& batch, const LossSettings& settings) {
    const int64_t b = batch.rows;
    const int64_t d = batch.dim;
    auto floats = [](const std::vector<float>& v, std::vector<int64_t> shape) {
        return torch::from_blob(const_cast<float*>(v.data()), shape, torch::kFloat32).clone();
    };
    std::vector<int64_t> tracks(batch.tracks.begin(), batch.tracks.end());
    std::vector<uint8_t> skip(batch.is_skip.begin(), batch.is_skip.end());
    torch::NoGradGuard no_grad;
    const detail::LossTensors loss = detail::retrievalLoss(
        floats(batch.queries, {b, d}), floats(batch.candidates, {b, d}),
        torch::from_blob(tracks.data(), {b}, torch::kInt64).clone(),
        torch::from_blob(skip.data(), {b}, torch::kUInt8).to(torch::kBool),
        floats(batch.log_q, {b}), floats(batch.weights, {b}),
        torch::full({}, settings.temperature), settings);
    return {loss.total.item<double>(), loss.softmax.item<double>(), loss.skip.item<double>()};
}

}  // namespace encore::reco
