#pragma once

// A small synthetic log with planted structure, for tests and reco-selfcheck:
// track B always follows track A, and one profile plays only genre G at night.

#include "reco/core/catalog.h"
#include "reco/core/interactions.h"

#include <cstdint>

namespace encore::reco::testing {

struct PlantedLog {
    Catalog catalog;
    Interactions log;
    int32_t num_profiles = 0;
    int32_t track_a = 0;
    int32_t track_b = 0;
    int32_t night_profile = 0;
    int32_t night_genre = 0;
    int32_t night_hour = 0;  // an hour of the week at night, for queries

    static bool isNight(int32_t hour_of_week);
    bool hasNightGenre(int32_t track) const;
};

struct PlantedLogOptions {
    int32_t tracks = 200;
    int32_t artists = 20;
    int32_t genres = 6;
    int32_t tokens = 60;
    int32_t profiles = 8;
    int32_t sessions = 900;
    int32_t history_length = 3;
    uint64_t seed = 7;
};

PlantedLog makePlantedLog(const PlantedLogOptions& options = {});

}  // namespace encore::reco::testing
