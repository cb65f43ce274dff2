#pragma once

// Deterministic synthetic listening logs for benchmarks: a power law over the library, artist
// runs within sessions, evening-heavy hours, some skips.

#include "reco/core/catalog.h"
#include "reco/core/interactions.h"

#include <cstdint>

namespace encore::bench {

struct SynthOptions {
    int32_t tracks = 100000;
    int32_t tracks_per_artist = 10;
    int32_t genres = 50;
    int32_t tokens = 20000;
    int32_t profiles = 5;
    int64_t plays = 1000000;
    int32_t history_length = 5;
    double zipf_exponent = 1.0;  // play share of rank r ~ r^-s, as in real listening data
    uint64_t seed = 2024;
};

struct SynthLog {
    reco::Catalog catalog;
    reco::Interactions log;
    int32_t profiles = 0;
};

SynthLog makeSynthLog(const SynthOptions& options);

}  // namespace encore::bench
