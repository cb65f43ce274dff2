// TorchModel::save / load: one file with weights, optimiser state, vocabularies, version.

#include "reco/core/torchmodel_p.h"
#include "reco/core/towers_p.h"

#include <ATen/CPUGeneratorImpl.h>

#include <fcntl.h>
#include <unistd.h>
#include <cstdio>

#include <cmath>
#include <filesystem>
#include <utility>

namespace encore::reco {

using namespace detail;

namespace {

constexpr int64_t kMagic = 0x45434f5245434f31;  // "ECORECO1"
// Bump when the layout changes (2: artists in the query; 3: session attention, identity skips).
constexpr int64_t kFormatVersion = 3;
constexpr uint64_t kFnvOffset = 1469598103934665603ULL;
constexpr uint64_t kFnvPrime = 1099511628211ULL;

// Order of the integer fields in the "meta_config" tensor.
enum ConfigField : int64_t {
    kFieldTracks,
    kFieldProfiles,
    kFieldArtists,
    kFieldGenres,
    kFieldTokens,
    kFieldBuckets,
    kFieldEmbedding,
    kFieldHidden,
    kFieldOutput,
    kFieldLearnTemperature,
    kFieldSeed,
    kFieldOptimizer,
    kFieldStep,
    kFieldSessionAttention,
    kFieldIdentitySkips,
    kConfigFields
};

std::vector<int64_t> configFields(const ModelState& s) {
    const ModelConfig& c = s.config;
    std::vector<int64_t> v(kConfigFields);
    v[kFieldTracks] = c.num_tracks;
    v[kFieldProfiles] = c.num_profiles;
    v[kFieldArtists] = c.num_artists;
    v[kFieldGenres] = c.num_genres;
    v[kFieldTokens] = c.num_tokens;
    v[kFieldBuckets] = c.num_popularity_buckets;
    v[kFieldEmbedding] = c.embedding_dim;
    v[kFieldHidden] = c.hidden_dim;
    v[kFieldOutput] = c.output_dim;
    v[kFieldLearnTemperature] = c.learn_temperature ? 1 : 0;
    v[kFieldSeed] = static_cast<int64_t>(c.seed);
    v[kFieldOptimizer] = s.optimizer == OptimizerKind::kAdagrad ? 1 : 0;
    v[kFieldStep] = s.step;
    v[kFieldSessionAttention] = c.session_attention ? 1 : 0;
    v[kFieldIdentitySkips] = c.identity_skips ? 1 : 0;
    return v;
}

// Every tensor of the state, named, in a fixed order (the checksum depends on it).
std::vector<std::pair<std::string, torch::Tensor>> stateTensors(const ModelState& s) {
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (int t = 0; t < kTableCount; ++t) {
        const std::string name = tableName(t);
        out.emplace_back("table_" + name, s.towers->tables[t]);
        out.emplace_back("opt_m_table_" + name, s.table_m[t]);
        out.emplace_back("opt_v_table_" + name, s.table_v[t]);
    }
    const std::vector<torch::Tensor> dense = s.towers->denseParameters();
    for (size_t i = 0; i < dense.size(); ++i) {
        out.emplace_back("dense_" + std::to_string(i), dense[i]);
        out.emplace_back("opt_m_dense_" + std::to_string(i), s.dense_m[i]);
        out.emplace_back("opt_v_dense_" + std::to_string(i), s.dense_v[i]);
    }
    return out;
}

uint64_t fnv(uint64_t h, const void* data, size_t bytes) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < bytes; ++i)
        h = (h ^ p[i]) * kFnvPrime;
    return h;
}

uint64_t checksum(const std::vector<int64_t>& config, const std::vector<uint8_t>& seen_tracks,
                  const std::vector<uint8_t>& seen_profiles,
                  const std::vector<int64_t>& track_artist,
                  const std::vector<std::pair<std::string, torch::Tensor>>& tensors) {
    uint64_t h = fnv(kFnvOffset, config.data(), config.size() * sizeof(int64_t));
    h = fnv(h, track_artist.data(), track_artist.size() * sizeof(int64_t));
    h = fnv(h, seen_tracks.data(), seen_tracks.size());
    h = fnv(h, seen_profiles.data(), seen_profiles.size());
    for (const auto& [name, tensor] : tensors) {
        const torch::Tensor cpu = tensor.detach().to(torch::kCPU).contiguous();
        h = fnv(h, name.data(), name.size());
        h = fnv(h, cpu.data_ptr(), static_cast<size_t>(cpu.nbytes()));
    }
    return h;
}

torch::Tensor int64Vector(const std::vector<int64_t>& v) {
    return torch::tensor(v, torch::kInt64);
}

torch::Tensor byteVector(const std::vector<uint8_t>& v) {
    return torch::from_blob(const_cast<uint8_t*>(v.data()), {static_cast<int64_t>(v.size())},
                            torch::kUInt8)
        .clone();
}

std::vector<uint8_t> bytesOf(const torch::Tensor& t) {
    const torch::Tensor c = t.contiguous();
    return std::vector<uint8_t>(c.data_ptr<uint8_t>(), c.data_ptr<uint8_t>() + c.numel());
}

// Writes through a FILE so that the bytes can be flushed to disk before the rename.
CoreStatus writeDurably(torch::serialize::OutputArchive& archive, const std::string& path) {
    FILE* file = std::fopen(path.c_str(), "wb");
    if (!file)
        return Failure{"cannot write the model checkpoint " + path +
                       ": check that the folder exists and is writable."};
    bool ok = true;
    try {
        archive.save_to([&](const void* data, size_t size) -> size_t {
            if (std::fwrite(data, 1, size, file) != size)
                ok = false;
            return size;
        });
    } catch (const std::exception&) {
        ok = false;
    }
    ok = std::fflush(file) == 0 && ok;
    ok = ::fsync(::fileno(file)) == 0 && ok;
    ok = std::fclose(file) == 0 && ok;
    if (!ok) {
        std::remove(path.c_str());
        return Failure{"writing the model checkpoint " + path + " failed: check free disk space."};
    }
    return {};
}

Failure unusable(const std::string& path, const std::string& why) {
    return Failure{"the model checkpoint " + path + " is unusable (" + why +
                   "): it will be discarded and the model retrained."};
}

ModelConfig configFrom(const std::vector<int64_t>& v, const ModelConfig& base) {
    ModelConfig c = base;
    c.num_tracks = static_cast<int32_t>(v[kFieldTracks]);
    c.num_profiles = static_cast<int32_t>(v[kFieldProfiles]);
    c.num_artists = static_cast<int32_t>(v[kFieldArtists]);
    c.num_genres = static_cast<int32_t>(v[kFieldGenres]);
    c.num_tokens = static_cast<int32_t>(v[kFieldTokens]);
    c.num_popularity_buckets = static_cast<int32_t>(v[kFieldBuckets]);
    c.embedding_dim = static_cast<int32_t>(v[kFieldEmbedding]);
    c.hidden_dim = static_cast<int32_t>(v[kFieldHidden]);
    c.output_dim = static_cast<int32_t>(v[kFieldOutput]);
    c.learn_temperature = v[kFieldLearnTemperature] != 0;
    c.seed = static_cast<uint64_t>(v[kFieldSeed]);
    c.session_attention = v[kFieldSessionAttention] != 0;
    c.identity_skips = v[kFieldIdentitySkips] != 0;
    return c;
}

bool plausible(const std::vector<int64_t>& v) {
    constexpr int64_t kMaxVocabulary = int64_t(1) << 31;
    constexpr int64_t kMaxDim = 4096;
    for (int f = kFieldTracks; f <= kFieldTokens; ++f) {
        if (v[f] < 0 || v[f] >= kMaxVocabulary)
            return false;
    }
    return v[kFieldBuckets] >= 1 && v[kFieldBuckets] < kMaxVocabulary && v[kFieldEmbedding] >= 1 &&
           v[kFieldEmbedding] <= kMaxDim && v[kFieldHidden] >= 1 && v[kFieldHidden] <= kMaxDim &&
           v[kFieldOutput] >= 1 && v[kFieldOutput] <= kMaxDim && v[kFieldStep] >= 0;
}

// Lower bound of the file size for these vocabulary sizes: three copies of every table.
int64_t expectedBytes(const std::vector<int64_t>& v) {
    const ModelConfig c = configFrom(v, ModelConfig{});
    int64_t rows = 0;
    for (int t = 0; t < kTableCount; ++t)
        rows += tableRows(c, t);
    return rows * c.embedding_dim * int64_t(sizeof(float)) * 3;
}

int64_t fileSize(const std::string& path) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    return error ? 0 : static_cast<int64_t>(size);
}

// Copies `old` into the first rows of `grown` (and its OOV tail row to the new tail).
void copyRows(torch::Tensor& grown, const torch::Tensor& old, bool oov_tail) {
    const int64_t keep = oov_tail ? old.size(0) - 1 : old.size(0);
    grown.narrow(0, 0, keep).copy_(old.narrow(0, 0, keep));
    if (oov_tail)
        grown.narrow(0, grown.size(0) - 1, 1).copy_(old.narrow(0, old.size(0) - 1, 1));
}

}  // namespace

CoreStatus TorchModel::save(const std::string& path) const {
    const ModelState& s = *state_;
    const std::vector<int64_t> config = configFields(s);
    const auto tensors = stateTensors(s);
    torch::serialize::OutputArchive archive;
    try {
        torch::NoGradGuard no_grad;
        archive.write("meta_magic", int64Vector({kMagic}));
        archive.write("meta_version", int64Vector({kFormatVersion}));
        archive.write("meta_config", int64Vector(config));
        archive.write("meta_temperature", torch::full({1}, s.config.temperature));
        archive.write("seen_tracks", byteVector(s.seen_tracks));
        archive.write("seen_profiles", byteVector(s.seen_profiles));
        archive.write("track_artist", int64Vector(s.track_artist));
        for (const auto& [name, tensor] : tensors)
            archive.write(name, tensor.detach().to(torch::kCPU));
        const uint64_t sum =
            checksum(config, s.seen_tracks, s.seen_profiles, s.track_artist, tensors);
        archive.write("meta_checksum", int64Vector({static_cast<int64_t>(sum)}));
    } catch (const std::exception& e) {
        return Failure{"preparing the model checkpoint " + path + " failed: " + e.what()};
    }
    const std::string temp = path + ".tmp";
    if (CoreStatus written = writeDurably(archive, temp); !written)
        return written;
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        std::remove(temp.c_str());
        return Failure{"cannot replace the model checkpoint " + path +
                       ": check the folder's permissions."};
    }
    return {};
}

Expected<std::unique_ptr<ModelImpl>> TorchModel::load(const std::string& path,
                                                      const std::optional<ModelConfig>& grow_to,
                                                      const std::string& device) {
    if (::access(path.c_str(), R_OK) != 0)
        return Failure{"the model checkpoint " + path + " does not exist or is not readable."};
    torch::serialize::InputArchive archive;
    std::vector<int64_t> fields;
    auto state = std::make_unique<ModelState>();
    try {
        archive.load_from(path, torch::kCPU);
        torch::Tensor magic, version, config, temperature, seen_tracks, seen_profiles, stored,
            track_artist;
        if (!archive.try_read("meta_magic", magic) || magic.numel() != 1 ||
            magic.scalar_type() != torch::kInt64 || magic.item<int64_t>() != kMagic)
            return unusable(path, "not an Encore model");
        if (!archive.try_read("meta_version", version) || version.numel() != 1 ||
            version.scalar_type() != torch::kInt64 || version.item<int64_t>() != kFormatVersion)
            return unusable(path, "written by an incompatible version");
        if (!archive.try_read("meta_config", config) || config.scalar_type() != torch::kInt64 ||
            config.dim() != 1 || config.numel() != kConfigFields)
            return unusable(path, "missing vocabulary sizes");
        fields.assign(config.data_ptr<int64_t>(), config.data_ptr<int64_t>() + kConfigFields);
        if (!plausible(fields) || expectedBytes(fields) > fileSize(path))
            return unusable(path, "implausible vocabulary sizes");
        if (!archive.try_read("meta_temperature", temperature) || temperature.numel() != 1 ||
            temperature.scalar_type() != torch::kFloat32)
            return unusable(path, "missing temperature");
        ModelConfig base = grow_to.value_or(ModelConfig{});
        state->config = configFrom(fields, base);
        state->config.temperature = temperature.item<float>();
        if (!(state->config.temperature >= 0.01f && state->config.temperature <= 1.0f))
            return unusable(path, "temperature out of range");
        state->config.device = "cpu";  // validate and grow on the CPU, move at the end
        state->device = torch::kCPU;
        initializeState(*state);
        if (!archive.try_read("seen_tracks", seen_tracks) ||
            seen_tracks.scalar_type() != torch::kUInt8 ||
            seen_tracks.numel() != state->config.num_tracks ||
            !archive.try_read("seen_profiles", seen_profiles) ||
            seen_profiles.scalar_type() != torch::kUInt8 ||
            seen_profiles.numel() != state->config.num_profiles)
            return unusable(path, "missing or mis-sized seen masks");
        state->seen_tracks = bytesOf(seen_tracks);
        state->seen_profiles = bytesOf(seen_profiles);
        if (!archive.try_read("track_artist", track_artist) ||
            track_artist.scalar_type() != torch::kInt64 ||
            track_artist.numel() != state->config.num_tracks ||
            (track_artist.numel() > 0 &&
             (track_artist.min().item<int64_t>() < 0 ||
              track_artist.max().item<int64_t>() > state->config.num_artists)))
            return unusable(path, "missing or invalid artists of the tracks");
        const torch::Tensor artists = track_artist.contiguous();
        state->track_artist.assign(artists.data_ptr<int64_t>(),
                                   artists.data_ptr<int64_t>() + artists.numel());
        state->optimizer =
            fields[kFieldOptimizer] == 1 ? OptimizerKind::kAdagrad : OptimizerKind::kAdam;
        state->step = fields[kFieldStep];
        torch::NoGradGuard no_grad;
        for (auto& [name, slot] : stateTensors(*state)) {
            torch::Tensor value;
            if (!archive.try_read(name, value))
                return unusable(path, "tensor " + name + " is missing");
            if (value.scalar_type() != torch::kFloat32 || value.sizes() != slot.sizes())
                return unusable(path, "tensor " + name + " has the wrong shape");
            if (!torch::isfinite(value).all().item<bool>())
                return unusable(path, "tensor " + name + " holds non-finite values");
            torch::Tensor target = slot;  // shares storage with the state's tensor
            target.copy_(value);
        }
        if (!archive.try_read("meta_checksum", stored) || stored.numel() != 1 ||
            stored.scalar_type() != torch::kInt64 ||
            static_cast<uint64_t>(stored.item<int64_t>()) !=
                checksum(fields, state->seen_tracks, state->seen_profiles, state->track_artist,
                         stateTensors(*state)))
            return unusable(path, "checksum mismatch: the file is damaged");
    } catch (const std::exception& e) {
        std::string what = e.what();
        what = what.substr(0, what.find('\n'));
        return unusable(path, "unreadable: " + what);
    }

    if (grow_to) {
        const ModelConfig& to = *grow_to;
        const ModelConfig& from = state->config;
        if (to.embedding_dim != from.embedding_dim || to.hidden_dim != from.hidden_dim ||
            to.output_dim != from.output_dim || to.learn_temperature != from.learn_temperature)
            return Failure{"the model checkpoint " + path +
                           " has other dimensions than asked for: it will be retrained."};
        if (to.num_tracks < from.num_tracks || to.num_profiles < from.num_profiles ||
            to.num_artists < from.num_artists || to.num_genres < from.num_genres ||
            to.num_tokens < from.num_tokens ||
            to.num_popularity_buckets != from.num_popularity_buckets)
            return Failure{"the model checkpoint " + path +
                           " has a larger vocabulary than the library now: it will be retrained."};
        auto grown = std::make_unique<ModelState>();
        grown->config = to;
        grown->config.device = "cpu";
        grown->config.temperature = from.temperature;
        grown->device = torch::kCPU;
        initializeState(*grown);  // new rows: fresh random values from the new config's seed
        torch::NoGradGuard no_grad;
        for (int t = 0; t < kTableCount; ++t) {
            copyRows(grown->towers->tables[t], state->towers->tables[t], hasOovTail(t));
            copyRows(grown->table_m[t], state->table_m[t], hasOovTail(t));
            copyRows(grown->table_v[t], state->table_v[t], hasOovTail(t));
        }
        const std::vector<torch::Tensor> old_dense = state->towers->denseParameters();
        std::vector<torch::Tensor> new_dense = grown->towers->denseParameters();
        for (size_t i = 0; i < new_dense.size(); ++i) {
            new_dense[i].copy_(old_dense[i]);
            grown->dense_m[i].copy_(state->dense_m[i]);
            grown->dense_v[i].copy_(state->dense_v[i]);
        }
        std::copy(state->seen_tracks.begin(), state->seen_tracks.end(), grown->seen_tracks.begin());
        // The artist OOV row moves to the grown table's end.
        for (size_t t = 0; t < state->track_artist.size(); ++t) {
            const int64_t a = state->track_artist[t];
            grown->track_artist[t] = a == from.num_artists ? to.num_artists : a;
        }
        std::copy(state->seen_profiles.begin(), state->seen_profiles.end(),
                  grown->seen_profiles.begin());
        grown->optimizer = state->optimizer;
        grown->step = state->step;
        state = std::move(grown);
    }

    std::string error;
    if (!parseDevice(device, &state->device, &error))
        return Failure{error};
    if (!state->device.is_cpu()) {
        state->towers->to(state->device);
        for (int t = 0; t < kTableCount; ++t) {
            state->table_m[t] = state->table_m[t].to(state->device);
            state->table_v[t] = state->table_v[t].to(state->device);
        }
        for (size_t i = 0; i < state->dense_m.size(); ++i) {
            state->dense_m[i] = state->dense_m[i].to(state->device);
            state->dense_v[i] = state->dense_v[i].to(state->device);
        }
    }
    state->config.device = device;
    return std::unique_ptr<ModelImpl>(new TorchModel(std::move(state)));
}

}  // namespace encore::reco
