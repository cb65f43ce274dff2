#pragma once

// The listening log as training examples, in plain arrays (one entry per example).

#include "reco/core/expected.h"

#include <cstdint>
#include <vector>

namespace encore::reco {

// What the listener did with the target track.
enum class Feedback : uint8_t { kPlay = 0, kSkip = 1 };

constexpr int32_t kHoursPerWeek = 168;  // hour-of-week buckets, 0 = Monday 00:00 local time
constexpr int32_t kNoTrack = -1;        // "no previous track" and history padding

struct Interactions {
    int32_t history_length = 0;  // N: stride of `history`

    std::vector<int32_t> profile;       // 0..p-1
    std::vector<int32_t> prev_track;    // the song before the target in the session, or kNoTrack
    std::vector<int32_t> hour_of_week;  // 0..167, local time of the listen
    std::vector<int32_t> history;       // size() * history_length: last N session songs before
                                        // the target, most recent first, kNoTrack-padded
    std::vector<int32_t> target;        // the track listened to
    std::vector<Feedback> feedback;
    std::vector<int64_t> timestamp;  // unix seconds, UTC
    std::vector<float> weight;       // example weight (1 by default)

    size_t size() const { return target.size(); }

    // Appends one example; `session_history` is truncated or padded to history_length.
    void add(int32_t profile_id, int32_t prev, int32_t hour,
             const std::vector<int32_t>& session_history, int32_t target_track, Feedback fb,
             int64_t time, float w = 1.0f);

    // The examples at `indices`, in that order.
    Interactions subset(const std::vector<size_t>& indices) const;

    // Checks sizes and ranges against the vocabulary; names the first bad field and row.
    CoreStatus validate(int32_t num_tracks, int32_t num_profiles) const;

    // Number of profiles implied by the data (largest id + 1).
    int32_t profileCount() const;
};

}  // namespace encore::reco
