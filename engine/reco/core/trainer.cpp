// TorchModel::train: batching, the loss, and row-wise optimiser updates (torch lives here).

#include "reco/core/loss_p.h"
#include "reco/core/torchmodel_p.h"
#include "reco/core/towers_p.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <random>

namespace encore::reco {
using namespace detail;

namespace {

constexpr double kAdamBeta1 = 0.9;
constexpr double kAdamBeta2 = 0.999;
constexpr double kAdamEpsilon = 1e-8;
constexpr double kAdagradEpsilon = 1e-10;
constexpr int64_t kPrefetchRows = 8;  // rows ahead to prefetch in the CPU update
constexpr int64_t kFloatsPerCacheLine = 16;
constexpr uint64_t kDropoutSeedSalt = 0x9e3779b97f4a7c15ULL;  // separate stream from shuffling

// Maps global table rows to compact local rows for one batch (first use order).
class RowGather {
public:
    explicit RowGather(int64_t rows) : local_of_(static_cast<size_t>(rows), -1) {}

    int64_t local(int64_t row) {
        int64_t& slot = local_of_[static_cast<size_t>(row)];
        if (slot < 0) {
            slot = static_cast<int64_t>(ids_.size());
            ids_.push_back(row);
        }
        return slot;
    }
    // Masked entries point at local row 0, so every table needs at least one row.
    void ensureNonEmpty() {
        if (ids_.empty())
            local(0);
    }
    const std::vector<int64_t>& ids() const { return ids_; }
    void reset() {
        for (int64_t row : ids_)
            local_of_[static_cast<size_t>(row)] = -1;
        ids_.clear();
    }

private:
    std::vector<int64_t> local_of_;
    std::vector<int64_t> ids_;
};

torch::Tensor toDevice(std::vector<int64_t>& v, std::vector<int64_t> shape,
                       const torch::Device& d) {
    if (v.empty())
        return torch::empty(shape, torch::dtype(torch::kInt64).device(d));
    return torch::from_blob(v.data(), shape, torch::kInt64).to(d, false, /*copy=*/true);
}
torch::Tensor toDevice(std::vector<float>& v, std::vector<int64_t> shape, const torch::Device& d) {
    return torch::from_blob(v.data(), shape, torch::kFloat32).to(d, false, /*copy=*/true);
}

// One batch as local-row indices plus the global row ids behind each table.
struct Batch {
    std::array<torch::Tensor, kTableCount> ids;
    QueryInputs query;
    CandidateInputs candidate;
    torch::Tensor tracks, is_skip, log_q, weights;
};

class BatchBuilder {
public:
    BatchBuilder(ModelState& state, const Interactions& log, const CandidateFeatures& f,
                 const std::vector<float>& log_q, const TrainOptions& options)
        : state_(state)
        , log_(log)
        , f_(f)
        , log_q_(log_q)
        , options_(options)
        , dropout_rng_(options.seed ^ kDropoutSeedSalt) {
        for (int t = 0; t < kTableCount; ++t)
            gathers_.emplace_back(tableRows(state.config, t));
    }

    Batch build(const int64_t* examples, int64_t b) {
        const int64_t n = log_.history_length;
        std::vector<int64_t> profile(b), prev(b), hour(b), day_hour(b), history, history_offsets(b),
            prev_artist(b), history_artists, history_position, history_bag;
        std::vector<float> prev_mask(b);
        std::vector<int64_t> track(b), artist(b), genres, genre_offsets(b), tokens,
            token_offsets(b), pop(b);
        std::vector<int64_t> target(b);
        std::vector<float> log_q(b), weight(b);
        std::vector<uint8_t> skip(b);
        for (int64_t i = 0; i < b; ++i) {
            const size_t e = static_cast<size_t>(examples[i]);
            profile[i] = gathers_[kProfileTable].local(log_.profile[e]);
            state_.seen_profiles[log_.profile[e]] = 1;
            const int32_t p = log_.prev_track[e];
            prev_mask[i] = p == kNoTrack ? 0.0f : 1.0f;
            prev[i] = p == kNoTrack ? -1 : trackRow(p);
            prev_artist[i] = p == kNoTrack ? -1 : gathers_[kArtistTable].local(f_.artist[p]);
            hour[i] = gathers_[kHourTable].local(log_.hour_of_week[e]);
            day_hour[i] = gathers_[kDayHourTable].local(log_.hour_of_week[e] % kHoursPerDay);
            history_offsets[i] = static_cast<int64_t>(history.size());
            for (int64_t j = 0; j < n; ++j) {
                const int32_t h = log_.history[e * n + j];
                if (h != kNoTrack) {
                    history.push_back(trackRow(h));
                    history_artists.push_back(gathers_[kArtistTable].local(f_.artist[h]));
                    history_position.push_back(std::min<int64_t>(j, kMaxSessionPositions - 1));
                    history_bag.push_back(i);
                }
            }
            const int32_t t = log_.target[e];
            track[i] = trackRow(t);
            artist[i] = gathers_[kArtistTable].local(f_.artist[t]);
            genre_offsets[i] = static_cast<int64_t>(genres.size());
            for (int64_t j = f_.genre_offsets[t]; j < f_.genre_offsets[t + 1]; ++j)
                genres.push_back(gathers_[kGenreTable].local(f_.genres[j]));
            token_offsets[i] = static_cast<int64_t>(tokens.size());
            for (int64_t j = f_.token_offsets[t]; j < f_.token_offsets[t + 1]; ++j)
                tokens.push_back(gathers_[kTokenTable].local(f_.tokens[j]));
            pop[i] = gathers_[kPopularityTable].local(f_.popularity[t]);
            target[i] = t;
            log_q[i] = log_q_[t];
            weight[i] = log_.weight[e];
            skip[i] = log_.feedback[e] == Feedback::kSkip ? 1 : 0;
        }
        for (RowGather& gather : gathers_)
            gather.ensureNonEmpty();
        // "No previous track" points at local row 0 (masked) now that it exists.
        for (std::vector<int64_t>* masked : {&prev, &prev_artist}) {
            for (int64_t& v : *masked)
                v = std::max<int64_t>(v, 0);
        }

        const torch::Device& d = state_.device;
        const auto h = static_cast<int64_t>(history.size());
        const auto g = static_cast<int64_t>(genres.size());
        const auto k = static_cast<int64_t>(tokens.size());
        Batch batch;
        for (int t = 0; t < kTableCount; ++t) {
            std::vector<int64_t> ids = gathers_[t].ids();
            batch.ids[t] = toDevice(ids, {static_cast<int64_t>(ids.size())}, d);
            gathers_[t].reset();
        }
        batch.query = {toDevice(profile, {b}, d),         toDevice(prev, {b}, d),
                       toDevice(prev_mask, {b}, d),       toDevice(hour, {b}, d),
                       toDevice(day_hour, {b}, d),        toDevice(history, {h}, d),
                       toDevice(history_offsets, {b}, d), toDevice(history_position, {h}, d),
                       toDevice(history_bag, {h}, d),     toDevice(prev_artist, {b}, d),
                       toDevice(history_artists, {h}, d)};
        batch.candidate = {toDevice(track, {b}, d),  toDevice(artist, {b}, d),
                           toDevice(genres, {g}, d), toDevice(genre_offsets, {b}, d),
                           toDevice(tokens, {k}, d), toDevice(token_offsets, {b}, d),
                           toDevice(pop, {b}, d)};
        batch.tracks = toDevice(target, {b}, d);
        batch.is_skip = torch::from_blob(skip.data(), {b}, torch::kUInt8).to(d).to(torch::kBool);
        batch.log_q = toDevice(log_q, {b}, d);
        batch.weights = toDevice(weight, {b}, d);
        return batch;
    }

private:
    // A track's id row, or the OOV row for a share of uses (id dropout).
    int64_t trackRow(int32_t track) {
        const bool drop =
            options_.id_dropout > 0.0f && uniform_(dropout_rng_) < options_.id_dropout;
        if (drop)
            return gathers_[kTrackTable].local(state_.config.num_tracks);
        // Serving uses a track's own row only once a batch has trained it (else the OOV row).
        state_.seen_tracks[track] = 1;
        return gathers_[kTrackTable].local(track);
    }

    ModelState& state_;
    const Interactions& log_;
    const CandidateFeatures& f_;
    const std::vector<float>& log_q_;
    const TrainOptions& options_;
    std::vector<RowGather> gathers_;
    std::mt19937_64 dropout_rng_;
    std::uniform_real_distribution<float> uniform_{0.0f, 1.0f};
};

// log of each track's share of the training plays (its in-batch sampling probability);
// tracks never played count as played once so that skipped-only tracks stay finite.
std::vector<float> logSamplingProbability(const Interactions& log, int32_t num_tracks) {
    std::vector<double> counts(static_cast<size_t>(num_tracks), 0.0);
    double total = 0.0;
    for (size_t i = 0; i < log.size(); ++i) {
        if (log.feedback[i] == Feedback::kPlay) {
            counts[log.target[i]] += 1.0;
            total += 1.0;
        }
    }
    total = std::max(total, 1.0);
    std::vector<float> out(counts.size());
    for (size_t t = 0; t < counts.size(); ++t)
        out[t] = static_cast<float>(std::log(std::max(counts[t], 1.0) / total));
    return out;
}

// One optimiser step on `rows` (the gathered rows of a table or a whole dense tensor), with the
// matching slices of the moment tensors; returns the updated rows.
void optimizerUpdate(OptimizerKind kind, float lr, int64_t step, torch::Tensor& value,
                     const torch::Tensor& grad, torch::Tensor& m, torch::Tensor& v) {
    if (kind == OptimizerKind::kAdagrad) {
        v.addcmul_(grad, grad);
        value.addcdiv_(grad, v.sqrt().add_(kAdagradEpsilon), -lr);
        return;
    }
    m.mul_(kAdamBeta1).add_(grad, 1.0 - kAdamBeta1);
    v.mul_(kAdamBeta2).addcmul_(grad, grad, 1.0 - kAdamBeta2);
    const double bias1 = 1.0 - std::pow(kAdamBeta1, static_cast<double>(step));
    const double bias2 = 1.0 - std::pow(kAdamBeta2, static_cast<double>(step));
    value.addcdiv_(m, (v / bias2).sqrt_().add_(kAdamEpsilon), -lr / bias1);
}

// The same Adam / Adagrad step as optimizerUpdate, fused over rows of CPU tables: no gathers,
// no temporaries (the tensor version costs ~2 ms per batch in index_select/index_copy_).
void updateRowsOnCpu(OptimizerKind kind, float lr, int64_t step, const torch::Tensor& ids,
                     const torch::Tensor& grad, torch::Tensor& table, torch::Tensor& m_table,
                     torch::Tensor& v_table) {
    const int64_t width = table.size(1);
    const torch::Tensor g = grad.contiguous();
    const int64_t* row = ids.data_ptr<int64_t>();
    const float* gp = g.data_ptr<float>();
    float* w = table.data_ptr<float>();
    float* m = m_table.data_ptr<float>();
    float* v = v_table.data_ptr<float>();
    const auto b1 = static_cast<float>(kAdamBeta1);
    const auto b2 = static_cast<float>(kAdamBeta2);
    const float step_size =
        lr / static_cast<float>(1.0 - std::pow(kAdamBeta1, static_cast<double>(step)));
    const float inv_bias2 =
        1.0f / static_cast<float>(1.0 - std::pow(kAdamBeta2, static_cast<double>(step)));
    const int64_t count = ids.numel();
    for (int64_t i = 0; i < count; ++i) {
        if (i + kPrefetchRows < count) {  // rows are scattered: overlap their cache misses
            const int64_t ahead = row[i + kPrefetchRows] * width;
            for (int64_t j = 0; j < width; j += kFloatsPerCacheLine) {
                __builtin_prefetch(w + ahead + j, 1);
                __builtin_prefetch(m + ahead + j, 1);
                __builtin_prefetch(v + ahead + j, 1);
            }
        }
        const int64_t offset = row[i] * width;
        const float* gi = gp + i * width;
        float* wi = w + offset;
        float* mi = m + offset;
        float* vi = v + offset;
        if (kind == OptimizerKind::kAdagrad) {
            for (int64_t j = 0; j < width; ++j) {
                vi[j] += gi[j] * gi[j];
                wi[j] -= lr * gi[j] / (std::sqrt(vi[j]) + static_cast<float>(kAdagradEpsilon));
            }
            continue;
        }
        for (int64_t j = 0; j < width; ++j) {
            mi[j] = b1 * mi[j] + (1.0f - b1) * gi[j];
            vi[j] = b2 * vi[j] + (1.0f - b2) * gi[j] * gi[j];
            wi[j] -= step_size * mi[j] /
                     (std::sqrt(vi[j] * inv_bias2) + static_cast<float>(kAdamEpsilon));
        }
    }
}

// Lazy update: only the rows this batch touched change, in values and in moments.
void updateTableRows(ModelState& s, int t, const torch::Tensor& ids, const torch::Tensor& leaf,
                     float lr) {
    if (!leaf.grad().defined())
        return;
    if (s.device.is_cpu()) {
        updateRowsOnCpu(s.optimizer, lr, s.step, ids, leaf.grad(), s.towers->tables[t],
                        s.table_m[t], s.table_v[t]);
        return;
    }
    torch::Tensor rows = leaf.detach();
    torch::Tensor m = s.table_m[t].index_select(0, ids);
    torch::Tensor v = s.table_v[t].index_select(0, ids);
    optimizerUpdate(s.optimizer, lr, s.step, rows, leaf.grad(), m, v);
    s.towers->tables[t].index_copy_(0, ids, rows);
    s.table_m[t].index_copy_(0, ids, m);
    s.table_v[t].index_copy_(0, ids, v);
}

void updateDense(ModelState& s, float lr) {
    std::vector<torch::Tensor> params = s.towers->denseParameters();
    for (size_t i = 0; i < params.size(); ++i) {
        torch::Tensor& grad = params[i].mutable_grad();
        if (!grad.defined())
            continue;
        torch::Tensor value = params[i].detach();
        optimizerUpdate(s.optimizer, lr, s.step, value, grad, s.dense_m[i], s.dense_v[i]);
        grad = torch::Tensor();
    }
}

CoreStatus checkInputs(const ModelConfig& c, const Interactions& log, const Catalog& catalog) {
    if (CoreStatus s = catalog.validate(); !s)
        return s;
    if (catalog.size() > c.num_tracks || catalog.num_artists > c.num_artists ||
        catalog.num_genres > c.num_genres || catalog.num_tokens > c.num_tokens)
        return Failure{"the catalog has grown past the model's vocabulary (" +
                       std::to_string(catalog.size()) + " tracks, model " +
                       std::to_string(c.num_tracks) +
                       "): load the checkpoint with a larger config (warm start) first."};
    return log.validate(catalog.size(), c.num_profiles);
}

}  // namespace

Expected<TrainStats> TorchModel::train(const Interactions& log, const Catalog& catalog,
                                       const TrainOptions& options, const std::atomic<bool>* cancel,
                                       const ProgressCallback& progress) {
    ModelState& s = *state_;
    if (CoreStatus ok = checkInputs(s.config, log, catalog); !ok)
        return Failure{ok.error()};
    if (options.batch_size < 2 || options.epochs < 0 || !(options.learning_rate > 0.0f))
        return Failure{
            "training options need batch_size >= 2, epochs >= 0 and a positive "
            "learning rate."};
    if (options.num_threads > 0)
        torch::set_num_threads(options.num_threads);
    if (s.optimizer != options.optimizer) {
        s.resetOptimizerState();  // moments of another optimiser mean nothing to this one
        s.optimizer = options.optimizer;
    }
    const CandidateFeatures features = buildCandidateFeatures(s.config, catalog);
    const std::vector<float> log_q = logSamplingProbability(log, s.config.num_tracks);
    const LossSettings settings{s.config.temperature, options.use_logq,
                                options.remove_accidental_hits, options.use_skip_negatives,
                                options.skip_weight};
    BatchBuilder builder(s, log, features, log_q, options);
    std::vector<int64_t> order(log.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 shuffle_rng(options.seed);

    const int64_t total = static_cast<int64_t>(order.size());
    const int64_t batches_per_epoch = (total + options.batch_size - 1) / options.batch_size;
    TrainStats stats;
    const auto start = std::chrono::steady_clock::now();
    auto cancelled = [&] { return cancel && cancel->load(std::memory_order_relaxed); };
    s.towers->train();
    for (int epoch = 0; epoch < options.epochs && !stats.cancelled; ++epoch) {
        std::shuffle(order.begin(), order.end(), shuffle_rng);
        double loss_sum = 0.0;
        int64_t batch_index = 0;
        for (int64_t begin = 0; begin < total; begin += options.batch_size, ++batch_index) {
            if (cancelled()) {
                stats.cancelled = true;
                break;
            }
            if (stats.batches == 0) {
                // The query side reads previous songs' artists from the state (serving has no
                // catalog); set with the first batch, so a run cancelled before it changes nothing.
                std::copy(features.artist.begin(), features.artist.end(), s.track_artist.begin());
            }
            const int64_t b = std::min<int64_t>(options.batch_size, total - begin);
            Batch batch = builder.build(order.data() + begin, b);
            TableRows rows;
            for (int t = 0; t < kTableCount; ++t)
                rows[t] = s.towers->tables[t].index_select(0, batch.ids[t]).requires_grad_(true);
            const torch::Tensor q = s.towers->queryTower(rows, batch.query);
            const torch::Tensor c = s.towers->candidateTower(rows, batch.candidate);
            const LossTensors loss =
                retrievalLoss(q, c, batch.tracks, batch.is_skip, batch.log_q, batch.weights,
                              s.towers->temperature(), settings);
            if (loss.total.requires_grad())
                loss.total.backward();
            {
                torch::NoGradGuard no_grad;
                ++s.step;
                for (int t = 0; t < kTableCount; ++t)
                    updateTableRows(s, t, batch.ids[t], rows[t], options.learning_rate);
                updateDense(s, options.learning_rate);
            }
            loss_sum += loss.total.item<double>();
            stats.examples += b;
            ++stats.batches;
            if (progress)
                progress({epoch, batch_index, batches_per_epoch, stats.examples,
                          loss_sum / static_cast<double>(batch_index + 1)});
        }
        if (batch_index > 0)
            stats.final_loss = loss_sum / static_cast<double>(batch_index);
        if (!stats.cancelled)
            ++stats.epochs_completed;
    }
    s.towers->eval();
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    stats.examples_per_second =
        stats.seconds > 0.0 ? static_cast<double>(stats.examples) / stats.seconds : 0.0;
    if (!std::isfinite(stats.final_loss))
        return Failure{"training diverged (the loss is not finite): lower the learning rate."};
    return stats;
}

}  // namespace encore::reco
