#pragma once

#include <cstdint>

namespace encore::reco {

// One recommended track and its score (higher is better).
struct ScoredTrack {
    int32_t track = 0;
    float score = 0.0f;
};

}  // namespace encore::reco
