#include "reco/core/interactions.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace encore::reco {

void Interactions::add(int32_t profile_id, int32_t prev, int32_t hour,
                       const std::vector<int32_t>& session_history, int32_t target_track,
                       Feedback fb, int64_t time, float w) {
    profile.push_back(profile_id);
    prev_track.push_back(prev);
    hour_of_week.push_back(hour);
    for (int32_t j = 0; j < history_length; ++j)
        history.push_back(j < static_cast<int32_t>(session_history.size()) ? session_history[j]
                                                                           : kNoTrack);
    target.push_back(target_track);
    feedback.push_back(fb);
    timestamp.push_back(time);
    weight.push_back(w);
}

Interactions Interactions::subset(const std::vector<size_t>& indices) const {
    Interactions out;
    out.history_length = history_length;
    const size_t n = indices.size();
    out.profile.reserve(n);
    out.prev_track.reserve(n);
    out.hour_of_week.reserve(n);
    out.history.reserve(n * history_length);
    out.target.reserve(n);
    out.feedback.reserve(n);
    out.timestamp.reserve(n);
    out.weight.reserve(n);
    for (size_t i : indices) {
        out.profile.push_back(profile[i]);
        out.prev_track.push_back(prev_track[i]);
        out.hour_of_week.push_back(hour_of_week[i]);
        const auto first = history.begin() + static_cast<std::ptrdiff_t>(i * history_length);
        out.history.insert(out.history.end(), first, first + history_length);
        out.target.push_back(target[i]);
        out.feedback.push_back(feedback[i]);
        out.timestamp.push_back(timestamp[i]);
        out.weight.push_back(weight[i]);
    }
    return out;
}

namespace {

std::string row(const char* field, size_t i) {
    return std::string("interactions.") + field + "[" + std::to_string(i) + "]";
}

}  // namespace

CoreStatus Interactions::validate(int32_t num_tracks, int32_t num_profiles) const {
    const size_t n = target.size();
    if (history_length < 0)
        return Failure{"interactions.history_length must not be negative."};
    if (profile.size() != n || prev_track.size() != n || hour_of_week.size() != n ||
        feedback.size() != n || timestamp.size() != n || weight.size() != n ||
        history.size() != n * static_cast<size_t>(history_length))
        return Failure{
            "interactions arrays have different lengths: every field needs one entry "
            "per example (history: history_length per example)."};
    for (size_t i = 0; i < n; ++i) {
        if (profile[i] < 0 || profile[i] >= num_profiles)
            return Failure{row("profile", i) + " = " + std::to_string(profile[i]) +
                           " is outside 0.." + std::to_string(num_profiles - 1) + "."};
        if (target[i] < 0 || target[i] >= num_tracks)
            return Failure{row("target", i) + " = " + std::to_string(target[i]) +
                           " is not a track of the catalog (0.." + std::to_string(num_tracks - 1) +
                           ")."};
        if (prev_track[i] < kNoTrack || prev_track[i] >= num_tracks)
            return Failure{row("prev_track", i) + " = " + std::to_string(prev_track[i]) +
                           " is neither -1 nor a track of the catalog."};
        if (hour_of_week[i] < 0 || hour_of_week[i] >= kHoursPerWeek)
            return Failure{row("hour_of_week", i) + " = " + std::to_string(hour_of_week[i]) +
                           " is outside 0..167."};
        if (!(weight[i] >= 0.0f) || !std::isfinite(weight[i]))
            return Failure{row("weight", i) + " must be a finite number >= 0."};
        if (feedback[i] != Feedback::kPlay && feedback[i] != Feedback::kSkip)
            return Failure{row("feedback", i) + " is neither play nor skip."};
    }
    for (size_t i = 0; i < history.size(); ++i) {
        if (history[i] < kNoTrack || history[i] >= num_tracks)
            return Failure{row("history", i) + " = " + std::to_string(history[i]) +
                           " is neither -1 nor a track of the catalog."};
    }
    return {};
}

int32_t Interactions::profileCount() const {
    if (profile.empty())
        return 0;
    return *std::max_element(profile.begin(), profile.end()) + 1;
}

}  // namespace encore::reco
