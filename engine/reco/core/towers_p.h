#pragma once

// PRIVATE to encore_reco_core: the torch module behind TwoTowerModel. Includes torch.

#include "reco/core/catalog.h"
#include "reco/core/interactions.h"
#include "reco/core/modelconfig.h"
#include "reco/core/trainoptions.h"

#include <torch/torch.h>

#include <array>
#include <string>
#include <vector>

namespace encore::reco::detail {

// Embedding tables; the track table is shared by both towers. Hour of day is added to hour of
// week so that "night" is shared across the days of the week.
enum Table : int {
    kTrackTable,
    kProfileTable,
    kHourTable,
    kDayHourTable,
    kArtistTable,
    kGenreTable,
    kTokenTable,
    kPopularityTable,
    kTableCount
};

constexpr int32_t kHoursPerDay = 24;

const char* tableName(int table);
// Rows of each table for a config: tracks, profiles and artists get a trailing OOV row,
// tokens a leading padding row 0.
int64_t tableRows(const ModelConfig& config, int table);
// Whether the table's last row is an out-of-vocabulary row that must stay last when it grows.
bool hasOovTail(int table);

constexpr int64_t kMaxSessionPositions = 16;  // session history positions with their own weight
constexpr int64_t kMaxGenresPerTrack = 8;     // more genres than this are truncated
constexpr int64_t kMaxTokensPerTrack = 16;    // longer titles are truncated
constexpr double kEmbeddingInitStd = 0.05;    // small random rows; MLP sees content first

// Row indices (into whatever row tensors are passed) for a batch of queries. Bags (session
// history, genres, title tokens) are flat index lists with one start offset per example; an
// empty bag averages to zero.
struct QueryInputs {
    torch::Tensor profile;           // [B]
    torch::Tensor prev;              // [B]
    torch::Tensor prev_mask;         // [B] float, 0 = no previous track
    torch::Tensor hour;              // [B] hour of week
    torch::Tensor day_hour;          // [B] hour of day
    torch::Tensor history;           // [sum of history lengths]
    torch::Tensor history_offsets;   // [B]
    torch::Tensor history_position;  // [sum of history lengths]: 0 = the latest song
    torch::Tensor history_bag;       // [sum of history lengths]: the example each belongs to
    // The artists of the previous song and of the session's songs (same layout as prev and
    // history): lets the query side carry content, so a new song after a known artist's works.
    torch::Tensor prev_artist;      // [B], masked like prev
    torch::Tensor history_artists;  // [sum of history lengths], bagged by history_offsets
};

// Row indices for a batch of candidates.
struct CandidateInputs {
    torch::Tensor track;          // [B]
    torch::Tensor artist;         // [B]
    torch::Tensor genres;         // [sum of genre counts]
    torch::Tensor genre_offsets;  // [B]
    torch::Tensor tokens;         // [sum of token counts]
    torch::Tensor token_offsets;  // [B]
    torch::Tensor popularity;     // [B]
};

// The rows the towers read from: the full tables (serving) or per-batch gathered leaves.
using TableRows = std::array<torch::Tensor, kTableCount>;

struct TowersImpl : torch::nn::Module {
    TowersImpl(const ModelConfig& config, torch::Generator& generator);

    torch::Tensor queryTower(const TableRows& rows, const QueryInputs& in);
    torch::Tensor candidateTower(const TableRows& rows, const CandidateInputs& in);
    torch::Tensor temperature() const;  // scalar tensor

    std::array<torch::Tensor, kTableCount> tables;  // no autograd: updated row-wise
    torch::nn::Linear query_hidden{nullptr}, query_out{nullptr};
    torch::nn::Linear candidate_hidden{nullptr}, candidate_out{nullptr};
    torch::Tensor log_temperature;  // trained only when config.learn_temperature
    // Session attention: score of a session song = prev . (key x song) + position bias.
    torch::Tensor session_key;       // [E, E]
    torch::Tensor session_position;  // [kMaxSessionPositions]
    bool session_attention = true;
    // Identity skips (ModelConfig::identity_skips): shared projections of track and artist rows.
    torch::nn::Linear skip_track{nullptr}, skip_artist{nullptr};
    torch::nn::Linear skip_profile{nullptr};  // query only: profile x track, as in factorisation
    bool identity_skips = true;

    // The session's songs as one row per example (attention or mean, see ModelConfig).
    torch::Tensor sessionSummary(const torch::Tensor& track_rows, const torch::Tensor& prev,
                                 const QueryInputs& in);

    // Dense parameters updated by the dense optimiser, in a fixed order.
    std::vector<torch::Tensor> denseParameters() const;
};
TORCH_MODULE(Towers);

// Everything TwoTowerModel owns.
struct ModelState {
    ModelConfig config;
    torch::Device device{torch::kCPU};
    Towers towers{nullptr};
    std::vector<uint8_t> seen_tracks;  // trained on: the rest use the OOV row
    std::vector<uint8_t> seen_profiles;
    std::vector<int64_t> track_artist;  // artist row of each track (OOV row: unknown), query side
    // Optimiser state: first and second moments (Adam) or squared-gradient sum (Adagrad, in
    // second), per table and per dense parameter, plus the global step.
    std::array<torch::Tensor, kTableCount> table_m, table_v;
    std::vector<torch::Tensor> dense_m, dense_v;
    int64_t step = 0;
    OptimizerKind optimizer = OptimizerKind::kAdam;  // the kind the moments belong to

    void resetOptimizerState();
};

// Candidate features of every catalog track as global table rows (CSR for the bags). Ids beyond
// the model's vocabulary map to the OOV row (artist) or are dropped (genre, token).
struct CandidateFeatures {
    std::vector<int64_t> artist;         // [n]
    std::vector<int64_t> genre_offsets;  // [n + 1]
    std::vector<int64_t> genres;
    std::vector<int64_t> token_offsets;  // [n + 1]
    std::vector<int64_t> tokens;
    std::vector<int64_t> popularity;  // [n]
};
CandidateFeatures buildCandidateFeatures(const ModelConfig& config, const Catalog& catalog);

// Track row used when serving: its own row if trained on, else the OOV row.
int64_t servingTrackRow(const ModelState& state, int32_t track);
// Artist row of a track for the query side (OOV row when unknown or beyond the vocabulary).
int64_t trackArtistRow(const ModelState& state, int32_t track);
int64_t servingProfileRow(const ModelState& state, int32_t profile);

// Parses "cpu", "cuda", "cuda:N"; fails when CUDA is asked for but not available.
bool parseDevice(const std::string& text, torch::Device* device, std::string* error);

// Fresh state (random rows from config.seed) on the config's device.
void initializeState(ModelState& state);

}  // namespace encore::reco::detail
