// The two towers, model creation, query embedding and index building (torch lives here).

#include "reco/core/torchmodel_p.h"

#include "reco/core/towers_p.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>

namespace encore::reco {
namespace detail {

namespace {

constexpr int64_t kIndexChunk = 4096;     // candidates embedded per forward pass when indexing
constexpr float kMinTemperature = 0.01f;  // a learned temperature never goes below this
constexpr float kMaxTemperature = 1.0f;

torch::nn::Linear makeLinear(int64_t in, int64_t out, torch::Generator& generator) {
    torch::nn::Linear layer(torch::nn::LinearOptions(in, out));
    // PyTorch's default bound, but drawn from our generator so runs are reproducible.
    const double bound = 1.0 / std::sqrt(static_cast<double>(in));
    torch::NoGradGuard no_grad;
    layer->weight.uniform_(-bound, bound, generator);
    layer->bias.uniform_(-bound, bound, generator);
    return layer;
}

// Mean of each bag of rows (flat indices, one start offset per bag); an empty bag gives 0.
torch::Tensor bagMean(const torch::Tensor& rows, const torch::Tensor& index,
                      const torch::Tensor& offsets) {
    constexpr int64_t kModeMean = 1;
    return std::get<0>(
        torch::embedding_bag(rows, index, offsets, /*scale_grad_by_freq=*/false, kModeMean));
}

}  // namespace

const char* tableName(int table) {
    static const char* const kNames[kTableCount] = {"track",  "profile", "hour",  "day_hour",
                                                    "artist", "genre",   "token", "popularity"};
    return kNames[table];
}

int64_t tableRows(const ModelConfig& config, int table) {
    switch (table) {
        case kTrackTable:
            return int64_t(config.num_tracks) + 1;
        case kProfileTable:
            return int64_t(config.num_profiles) + 1;
        case kHourTable:
            return kHoursPerWeek;
        case kDayHourTable:
            return kHoursPerDay;
        case kArtistTable:
            return int64_t(config.num_artists) + 1;
        case kGenreTable:
            return std::max<int64_t>(config.num_genres, 1);
        case kTokenTable:
            return int64_t(config.num_tokens) + 1;
        default:
            return config.num_popularity_buckets;
    }
}

bool hasOovTail(int table) {
    return table == kTrackTable || table == kProfileTable || table == kArtistTable;
}

TowersImpl::TowersImpl(const ModelConfig& config, torch::Generator& generator) {
    const int64_t e = config.embedding_dim;
    for (int t = 0; t < kTableCount; ++t) {
        torch::Tensor table = torch::empty({tableRows(config, t), e});
        table.normal_(0.0, kEmbeddingInitStd, generator);
        tables[t] = register_parameter(std::string("table_") + tableName(t), table,
                                       /*requires_grad=*/false);
    }
    // profile, previous song, its artist, hour, session mean, session artists' mean
    constexpr int64_t kQueryInputs = 6;
    constexpr int64_t kCandidateInputs = 5;  // id, genres, artist, title, popularity
    query_hidden =
        register_module("query_hidden", makeLinear(kQueryInputs * e, config.hidden_dim, generator));
    query_out =
        register_module("query_out", makeLinear(config.hidden_dim, config.output_dim, generator));
    candidate_hidden = register_module(
        "candidate_hidden", makeLinear(kCandidateInputs * e, config.hidden_dim, generator));
    candidate_out = register_module("candidate_out",
                                    makeLinear(config.hidden_dim, config.output_dim, generator));
    log_temperature =
        register_parameter("log_temperature", torch::full({1}, std::log(config.temperature)),
                           config.learn_temperature);
    session_attention = config.session_attention;
    torch::Tensor key = torch::empty({e, e});
    key.normal_(0.0, 1.0 / std::sqrt(double(e)), generator);
    session_key = register_parameter("session_key", key);
    session_position = register_parameter("session_position", torch::zeros({kMaxSessionPositions}));
    identity_skips = config.identity_skips;
    auto skip = [&](const char* name) {
        torch::nn::Linear layer = makeLinear(e, config.output_dim, generator);
        torch::NoGradGuard no_grad;
        layer->bias.zero_();  // unused: a bias would be the same for every candidate
        return register_module(name, layer);
    };
    skip_track = skip("skip_track");
    skip_artist = skip("skip_artist");
    skip_profile = skip("skip_profile");
}

torch::Tensor TowersImpl::sessionSummary(const torch::Tensor& track_rows, const torch::Tensor& prev,
                                         const QueryInputs& in) {
    if (!session_attention || in.history.numel() == 0)
        return bagMean(track_rows, in.history, in.history_offsets);
    // Softmax within each example's songs: exp(score) / its sum, by index_add over the bags
    // (scores are clamped, so no max is needed for stability).
    const torch::Tensor song = track_rows.index_select(0, in.history);  // [h, E]
    const torch::Tensor query = prev.index_select(0, in.history_bag);   // [h, E]
    const double scale = 1.0 / std::sqrt(double(song.size(1)));
    const torch::Tensor score = ((query * song.matmul(session_key.t())).sum(1) * scale +
                                 session_position.index_select(0, in.history_position))
                                    .clamp(-20.0, 20.0)
                                    .exp();
    const int64_t b = in.history_offsets.size(0);
    const torch::Tensor total =
        torch::zeros({b}, score.options()).index_add(0, in.history_bag, score);
    const torch::Tensor weighted = torch::zeros({b, song.size(1)}, song.options())
                                       .index_add(0, in.history_bag, song * score.unsqueeze(1));
    return weighted / total.clamp_min(1e-12).unsqueeze(1);
}

torch::Tensor TowersImpl::queryTower(const TableRows& rows, const QueryInputs& in) {
    const torch::Tensor profile = rows[kProfileTable].index_select(0, in.profile);
    const torch::Tensor prev =
        rows[kTrackTable].index_select(0, in.prev) * in.prev_mask.unsqueeze(1);
    const torch::Tensor hour = rows[kHourTable].index_select(0, in.hour) +
                               rows[kDayHourTable].index_select(0, in.day_hour);
    const torch::Tensor session = sessionSummary(rows[kTrackTable], prev, in);
    const torch::Tensor prev_artist =
        rows[kArtistTable].index_select(0, in.prev_artist) * in.prev_mask.unsqueeze(1);
    const torch::Tensor session_artists =
        bagMean(rows[kArtistTable], in.history_artists, in.history_offsets);
    torch::Tensor x = torch::cat({profile, prev, prev_artist, hour, session, session_artists}, 1);
    x = query_out(torch::relu(query_hidden(x)));
    if (identity_skips)
        x = x + torch::nn::functional::linear(prev + session, skip_track->weight) +
            torch::nn::functional::linear(prev_artist + session_artists, skip_artist->weight) +
            torch::nn::functional::linear(profile, skip_profile->weight);
    return torch::nn::functional::normalize(x,
                                            torch::nn::functional::NormalizeFuncOptions().dim(1));
}

torch::Tensor TowersImpl::candidateTower(const TableRows& rows, const CandidateInputs& in) {
    const torch::Tensor id = rows[kTrackTable].index_select(0, in.track);
    const torch::Tensor genres = bagMean(rows[kGenreTable], in.genres, in.genre_offsets);
    const torch::Tensor artist = rows[kArtistTable].index_select(0, in.artist);
    const torch::Tensor title = bagMean(rows[kTokenTable], in.tokens, in.token_offsets);
    const torch::Tensor popularity = rows[kPopularityTable].index_select(0, in.popularity);
    torch::Tensor x = torch::cat({id, genres, artist, title, popularity}, 1);
    x = candidate_out(torch::relu(candidate_hidden(x)));
    if (identity_skips)
        x = x + torch::nn::functional::linear(id, skip_track->weight) +
            torch::nn::functional::linear(artist, skip_artist->weight);
    return torch::nn::functional::normalize(x,
                                            torch::nn::functional::NormalizeFuncOptions().dim(1));
}

torch::Tensor TowersImpl::temperature() const {
    return log_temperature.exp().clamp(kMinTemperature, kMaxTemperature);
}

std::vector<torch::Tensor> TowersImpl::denseParameters() const {
    std::vector<torch::Tensor> params = {
        query_hidden->weight,  query_hidden->bias,       query_out->weight,
        query_out->bias,       candidate_hidden->weight, candidate_hidden->bias,
        candidate_out->weight, candidate_out->bias,      log_temperature,
        session_key,           session_position,         skip_track->weight,
        skip_artist->weight,   skip_profile->weight};
    return params;
}

void ModelState::resetOptimizerState() {
    for (int t = 0; t < kTableCount; ++t) {
        table_m[t] = torch::zeros_like(towers->tables[t]);
        table_v[t] = torch::zeros_like(towers->tables[t]);
    }
    dense_m.clear();
    dense_v.clear();
    for (const torch::Tensor& p : towers->denseParameters()) {
        dense_m.push_back(torch::zeros_like(p));
        dense_v.push_back(torch::zeros_like(p));
    }
    step = 0;
}

bool parseDevice(const std::string& text, torch::Device* device, std::string* error) {
    try {
        *device = torch::Device(text);
    } catch (const std::exception&) {
        *error = "device \"" + text + "\" is not understood: use cpu, cuda or cuda:N.";
        return false;
    }
    if (device->is_cuda() && !torch::cuda::is_available()) {
        *error = "device \"" + text +
                 "\" was asked for but this LibTorch sees no CUDA device: "
                 "use cpu or a CUDA build of LibTorch.";
        return false;
    }
    if (!device->is_cpu() && !device->is_cuda()) {
        *error = "device \"" + text + "\" is not supported: use cpu or cuda.";
        return false;
    }
    return true;
}

void initializeState(ModelState& state) {
    torch::Generator generator = at::detail::createCPUGenerator(state.config.seed);
    state.towers = Towers(state.config, generator);
    state.towers->to(state.device);
    // register_parameter keeps the tensors; re-read them after the move to the device.
    for (int t = 0; t < kTableCount; ++t)
        state.towers->tables[t] =
            state.towers->named_parameters()[std::string("table_") + tableName(t)];
    state.towers->log_temperature = state.towers->named_parameters()["log_temperature"];
    state.seen_tracks.assign(static_cast<size_t>(state.config.num_tracks), 0);
    state.seen_profiles.assign(static_cast<size_t>(state.config.num_profiles), 0);
    state.track_artist.assign(static_cast<size_t>(state.config.num_tracks),
                              state.config.num_artists);
    state.resetOptimizerState();
}

CandidateFeatures buildCandidateFeatures(const ModelConfig& config, const Catalog& catalog) {
    const size_t n = static_cast<size_t>(catalog.size());
    CandidateFeatures f;
    f.artist.resize(n);
    f.popularity.resize(n);
    f.genre_offsets.assign(1, 0);
    f.token_offsets.assign(1, 0);
    const int64_t oov_artist = config.num_artists;
    for (size_t i = 0; i < n; ++i) {
        const int32_t a = catalog.artist[i];
        f.artist[i] = (a >= 0 && a < config.num_artists) ? a : oov_artist;
        int64_t count = 0;
        for (int32_t j = catalog.genre_offsets[i]; j < catalog.genre_offsets[i + 1]; ++j) {
            const int32_t g = catalog.genres[j];
            if (g >= 0 && g < config.num_genres && count < kMaxGenresPerTrack) {
                f.genres.push_back(g);
                ++count;
            }
        }
        f.genre_offsets.push_back(static_cast<int64_t>(f.genres.size()));
        count = 0;
        for (int32_t j = catalog.token_offsets[i]; j < catalog.token_offsets[i + 1]; ++j) {
            const int32_t tok = catalog.tokens[j];
            if (tok >= 1 && tok <= config.num_tokens && count < kMaxTokensPerTrack) {
                f.tokens.push_back(tok);
                ++count;
            }
        }
        f.token_offsets.push_back(static_cast<int64_t>(f.tokens.size()));
        f.popularity[i] =
            std::clamp<int64_t>(catalog.popularity_bucket[i], 0, config.num_popularity_buckets - 1);
    }
    return f;
}

int64_t servingTrackRow(const ModelState& state, int32_t track) {
    if (track >= 0 && track < state.config.num_tracks && state.seen_tracks[track])
        return track;
    return state.config.num_tracks;  // OOV
}

int64_t trackArtistRow(const ModelState& state, int32_t track) {
    if (track >= 0 && track < static_cast<int32_t>(state.track_artist.size()))
        return state.track_artist[track];
    return state.config.num_artists;  // OOV
}

int64_t servingProfileRow(const ModelState& state, int32_t profile) {
    if (profile >= 0 && profile < state.config.num_profiles && state.seen_profiles[profile])
        return profile;
    return state.config.num_profiles;  // OOV
}

}  // namespace detail

using namespace detail;

namespace {

CoreStatus checkConfig(const ModelConfig& c) {
    if (c.num_tracks < 0 || c.num_profiles < 0 || c.num_artists < 0 || c.num_genres < 0 ||
        c.num_tokens < 0)
        return Failure{"model vocabulary sizes must not be negative."};
    if (c.num_popularity_buckets < 1)
        return Failure{"model num_popularity_buckets must be at least 1."};
    if (c.embedding_dim < 1 || c.hidden_dim < 1 || c.output_dim < 1)
        return Failure{"model dimensions (embedding, hidden, output) must be at least 1."};
    if (!(c.temperature >= 0.01f && c.temperature <= 1.0f))
        return Failure{"model temperature must be between 0.01 and 1."};
    return {};
}

torch::Tensor int64Tensor(const std::vector<int64_t>& values, std::initializer_list<int64_t> shape,
                          const torch::Device& device) {
    if (values.empty())
        return torch::empty(shape, torch::dtype(torch::kInt64).device(device));
    return torch::from_blob(const_cast<int64_t*>(values.data()), shape, torch::kInt64)
        .to(device, /*non_blocking=*/false, /*copy=*/true);
}

torch::Tensor floatTensor(const std::vector<float>& values, std::initializer_list<int64_t> shape,
                          const torch::Device& device) {
    return torch::from_blob(const_cast<float*>(values.data()), shape, torch::kFloat32)
        .to(device, false, true);
}

}  // namespace

TorchModel::TorchModel(std::unique_ptr<ModelState> state) : state_(std::move(state)) {}
TorchModel::~TorchModel() = default;

Expected<std::unique_ptr<ModelImpl>> TorchModel::create(const ModelConfig& config) {
    if (CoreStatus s = checkConfig(config); !s)
        return Failure{s.error()};
    auto state = std::make_unique<ModelState>();
    state->config = config;
    std::string error;
    if (!parseDevice(config.device, &state->device, &error))
        return Failure{error};
    initializeState(*state);
    return std::unique_ptr<ModelImpl>(new TorchModel(std::move(state)));
}

const ModelConfig& TorchModel::config() const {
    return state_->config;
}

float TorchModel::temperature() const {
    c10::InferenceMode guard;
    return state_->towers->temperature().item<float>();
}

int64_t TorchModel::optimizerSteps() const {
    return state_->step;
}

std::vector<float> TorchModel::embedQueries(const std::vector<Query>& queries) const {
    const int64_t b = static_cast<int64_t>(queries.size());
    if (b == 0)
        return {};
    std::vector<int64_t> profile(b), prev(b), hour(b), day_hour(b), history, history_offsets(b),
        prev_artist(b), history_artists, history_position, history_bag;
    std::vector<float> prev_mask(b);
    for (int64_t i = 0; i < b; ++i) {
        const Query& q = queries[i];
        profile[i] = servingProfileRow(*state_, q.profile);
        prev[i] = servingTrackRow(*state_, q.prev_track);
        prev_artist[i] = trackArtistRow(*state_, q.prev_track);
        prev_mask[i] = q.prev_track == kNoTrack ? 0.0f : 1.0f;
        hour[i] = std::clamp(q.hour_of_week, 0, kHoursPerWeek - 1);
        day_hour[i] = hour[i] % kHoursPerDay;
        history_offsets[i] = static_cast<int64_t>(history.size());
        for (size_t j = 0; j < q.history.size(); ++j) {
            const int32_t h = q.history[j];
            if (h != kNoTrack) {
                history.push_back(servingTrackRow(*state_, h));
                history_artists.push_back(trackArtistRow(*state_, h));
                history_position.push_back(std::min<int64_t>(int64_t(j), kMaxSessionPositions - 1));
                history_bag.push_back(i);
            }
        }
    }
    c10::InferenceMode guard;
    const torch::Device& d = state_->device;
    const int64_t h = static_cast<int64_t>(history.size());
    QueryInputs in{int64Tensor(profile, {b}, d),         int64Tensor(prev, {b}, d),
                   floatTensor(prev_mask, {b}, d),       int64Tensor(hour, {b}, d),
                   int64Tensor(day_hour, {b}, d),        int64Tensor(history, {h}, d),
                   int64Tensor(history_offsets, {b}, d), int64Tensor(history_position, {h}, d),
                   int64Tensor(history_bag, {h}, d),     int64Tensor(prev_artist, {b}, d),
                   int64Tensor(history_artists, {h}, d)};
    const torch::Tensor out =
        state_->towers->queryTower(state_->towers->tables, in).to(torch::kCPU).contiguous();
    return std::vector<float>(out.data_ptr<float>(), out.data_ptr<float>() + out.numel());
}

Expected<CandidateIndex> TorchModel::buildIndex(const Catalog& catalog) const {
    if (CoreStatus s = catalog.validate(); !s)
        return Failure{s.error()};
    const CandidateFeatures f = buildCandidateFeatures(state_->config, catalog);
    const int64_t n = catalog.size();
    const int64_t dim = state_->config.output_dim;
    std::vector<float> matrix(static_cast<size_t>(n * dim));
    c10::InferenceMode guard;
    const torch::Device& d = state_->device;
    for (int64_t begin = 0; begin < n; begin += kIndexChunk) {
        const int64_t b = std::min(kIndexChunk, n - begin);
        std::vector<int64_t> track(b), artist(b), popularity(b), genre_offsets(b), token_offsets(b),
            genres, tokens;
        for (int64_t i = 0; i < b; ++i) {
            const int64_t t = begin + i;
            track[i] = servingTrackRow(*state_, static_cast<int32_t>(t));
            artist[i] = f.artist[t];
            popularity[i] = f.popularity[t];
            genre_offsets[i] = static_cast<int64_t>(genres.size());
            genres.insert(genres.end(), f.genres.begin() + f.genre_offsets[t],
                          f.genres.begin() + f.genre_offsets[t + 1]);
            token_offsets[i] = static_cast<int64_t>(tokens.size());
            tokens.insert(tokens.end(), f.tokens.begin() + f.token_offsets[t],
                          f.tokens.begin() + f.token_offsets[t + 1]);
        }
        const auto g = static_cast<int64_t>(genres.size());
        const auto k = static_cast<int64_t>(tokens.size());
        CandidateInputs in{int64Tensor(track, {b}, d),     int64Tensor(artist, {b}, d),
                           int64Tensor(genres, {g}, d),    int64Tensor(genre_offsets, {b}, d),
                           int64Tensor(tokens, {k}, d),    int64Tensor(token_offsets, {b}, d),
                           int64Tensor(popularity, {b}, d)};
        const torch::Tensor out =
            state_->towers->candidateTower(state_->towers->tables, in).to(torch::kCPU).contiguous();
        std::copy(out.data_ptr<float>(), out.data_ptr<float>() + out.numel(),
                  matrix.begin() + begin * dim);
    }
    for (float v : matrix) {
        if (!std::isfinite(v))
            return Failure{"the model produced a non-finite candidate embedding: retrain it."};
    }
    return CandidateIndex(static_cast<int32_t>(dim), std::move(matrix), catalog.artist);
}

}  // namespace encore::reco
