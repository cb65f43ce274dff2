#pragma once

// Shape of the two-tower model: vocabulary sizes, dimensions, temperature, device.

#include "reco/core/catalog.h"

#include <cstdint>
#include <string>

namespace encore::reco {

struct ModelConfig {
    // Vocabularies (the model adds an out-of-vocabulary row to tracks, profiles and artists).
    int32_t num_tracks = 0;
    int32_t num_profiles = 0;
    int32_t num_artists = 0;
    int32_t num_genres = 0;
    int32_t num_tokens = 0;               // largest title token id
    int32_t num_popularity_buckets = 16;  // bucket 0 = no plays; see popularity.h

    int32_t embedding_dim = 32;  // width of every input embedding table
    int32_t hidden_dim = 64;     // MLP hidden layer of both towers
    int32_t output_dim = 32;     // d: 32 as in the seed, 64 configurable

    // The session's songs: attention with the previous song as the query and a learned weight
    // per position (recency), or (false) their plain mean as in the seed.
    bool session_attention = true;
    // Both towers also add one shared projection of their track rows (query: the previous song
    // and the session; candidate: its id) and one of their artist rows, so that "after these
    // songs, this one" and "same artist" are a direct dot product, not left to two MLPs.
    bool identity_skips = true;

    float temperature = 0.05f;       // logits = cosine / temperature
    bool learn_temperature = false;  // true: temperature is a trained parameter

    uint64_t seed = 42;          // initialisation
    std::string device = "cpu";  // "cpu", "cuda", "cuda:1", ...

    // Vocabulary sizes taken from a catalog and a profile count; dimensions keep their defaults.
    static ModelConfig forCatalog(const Catalog& catalog, int32_t profiles) {
        ModelConfig config;
        config.num_tracks = catalog.size();
        config.num_profiles = profiles;
        config.num_artists = catalog.num_artists;
        config.num_genres = catalog.num_genres;
        config.num_tokens = catalog.num_tokens;
        return config;
    }
};

}  // namespace encore::reco
