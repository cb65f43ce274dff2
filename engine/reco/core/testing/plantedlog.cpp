#include "reco/core/testing/plantedlog.h"

#include "reco/core/popularity.h"

#include <algorithm>
#include <random>
#include <vector>

namespace encore::reco::testing {

namespace {

constexpr int32_t kNightStart = 22;         // 22:00 ...
constexpr int32_t kNightEnd = 6;            // ... to 06:00
constexpr double kPlayAProbability = 0.08;  // how often a session song is A (so A->B is common)
constexpr double kSkipProbability = 0.1;    // extra skip examples of random tracks
constexpr int32_t kMinSession = 4, kMaxSession = 10;
constexpr int32_t kPopularityBuckets = 16;
constexpr int64_t kStartTime = 1700000000;  // unix seconds
constexpr int64_t kSongSeconds = 200;

}  // namespace

bool PlantedLog::isNight(int32_t hour_of_week) {
    const int32_t hour = hour_of_week % 24;
    return hour >= kNightStart || hour < kNightEnd;
}

bool PlantedLog::hasNightGenre(int32_t track) const {
    for (int32_t j = catalog.genre_offsets[track]; j < catalog.genre_offsets[track + 1]; ++j) {
        if (catalog.genres[j] == night_genre)
            return true;
    }
    return false;
}

PlantedLog makePlantedLog(const PlantedLogOptions& o) {
    std::mt19937_64 rng(o.seed);
    auto uniform = [&](int32_t lo, int32_t hi) {
        return std::uniform_int_distribution<int32_t>(lo, hi)(rng);
    };
    auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };

    PlantedLog planted;
    Catalog& c = planted.catalog;
    c.num_artists = o.artists;
    c.num_genres = o.genres;
    c.num_tokens = o.tokens;
    for (int32_t t = 0; t < o.tracks; ++t) {
        std::vector<int32_t> tokens = {uniform(1, o.tokens), uniform(1, o.tokens)};
        c.addTrack(t % o.artists, {t % o.genres}, tokens, 0);
    }
    planted.night_genre = 1;
    planted.track_a = 0;  // genre 0, not the night genre
    planted.track_b = 7;  // genre 1 would be the night genre: pick one that is not
    if (planted.hasNightGenre(planted.track_b))
        planted.track_b = 8;
    planted.night_profile = 0;
    planted.night_hour = 2 * 24 + 23;  // Wednesday 23:00
    planted.num_profiles = o.profiles;

    std::vector<int32_t> night_tracks;
    for (int32_t t = 0; t < o.tracks; ++t) {
        if (planted.hasNightGenre(t) && t != planted.track_a && t != planted.track_b)
            night_tracks.push_back(t);
    }
    // Mild power law over the rest of the library.
    std::vector<double> popularity(static_cast<size_t>(o.tracks));
    for (int32_t t = 0; t < o.tracks; ++t)
        popularity[t] = 1.0 / (1.0 + 0.05 * t);
    std::discrete_distribution<int32_t> any_track(popularity.begin(), popularity.end());

    Interactions& log = planted.log;
    log.history_length = o.history_length;
    int64_t time = kStartTime;
    for (int32_t s = 0; s < o.sessions; ++s) {
        const int32_t profile = uniform(0, o.profiles - 1);
        const int32_t hour = uniform(0, kHoursPerWeek - 1);
        const bool night_rules = profile == planted.night_profile && PlantedLog::isNight(hour);
        std::vector<int32_t> history;  // most recent first
        const int32_t length = uniform(kMinSession, kMaxSession);
        for (int32_t k = 0; k < length; ++k) {
            int32_t track;
            const int32_t prev = history.empty() ? kNoTrack : history.front();
            if (prev == planted.track_a)
                track = planted.track_b;
            else if (night_rules)
                track = night_tracks[uniform(0, static_cast<int32_t>(night_tracks.size()) - 1)];
            else if (chance(kPlayAProbability))
                track = planted.track_a;
            else
                track = any_track(rng);
            if (!night_rules && chance(kSkipProbability)) {
                const int32_t skipped = any_track(rng);
                if (skipped != planted.track_b)
                    log.add(profile, prev, hour, history, skipped, Feedback::kSkip, time);
            }
            log.add(profile, prev, hour, history, track, Feedback::kPlay, time);
            history.insert(history.begin(), track);
            if (static_cast<int32_t>(history.size()) > o.history_length)
                history.pop_back();
            time += kSongSeconds;
        }
        time += 3600;
    }
    c.popularity_bucket = popularityBuckets(log, o.tracks, kPopularityBuckets);
    return planted;
}

}  // namespace encore::reco::testing
