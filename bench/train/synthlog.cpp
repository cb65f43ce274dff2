#include "synthlog.h"

#include "reco/core/popularity.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace encore::bench {

namespace {

constexpr double kSameArtistNext = 0.3;  // chance the next song is by the same artist
constexpr double kSkipShare = 0.15;      // share of listens that are skips
constexpr int32_t kMinSession = 5, kMaxSession = 30;
constexpr int32_t kTokensPerTitle = 3;
constexpr int32_t kPopularityBuckets = 16;
constexpr int64_t kStart = 1600000000;  // unix seconds
constexpr int64_t kSongSeconds = 210;
constexpr int64_t kSessionGap = 6 * 3600;

// Listening by hour of day: low at night, peaks in the evening.
constexpr double kHourWeight[24] = {2, 1, 1, 1, 1, 1, 2, 4,  6,  6, 5, 5,
                                    6, 6, 5, 5, 6, 7, 9, 10, 10, 9, 7, 4};

}  // namespace

SynthLog makeSynthLog(const SynthOptions& o) {
    std::mt19937_64 rng(o.seed);
    SynthLog out;
    out.profiles = o.profiles;
    reco::Catalog& c = out.catalog;
    const int32_t artists = std::max(1, o.tracks / o.tracks_per_artist);
    c.num_artists = artists;
    c.num_genres = o.genres;
    c.num_tokens = o.tokens;
    std::uniform_int_distribution<int32_t> token(1, o.tokens);
    std::uniform_int_distribution<int32_t> genre(0, o.genres - 1);
    std::vector<int32_t> artist_genre(static_cast<size_t>(artists));
    for (int32_t& g : artist_genre)
        g = genre(rng);
    // Popularity rank is shuffled against track index, so ids carry no signal.
    std::vector<int32_t> by_rank(static_cast<size_t>(o.tracks));
    for (int32_t t = 0; t < o.tracks; ++t)
        by_rank[t] = t;
    std::shuffle(by_rank.begin(), by_rank.end(), rng);
    for (int32_t t = 0; t < o.tracks; ++t) {
        const int32_t a = t % artists;
        std::vector<int32_t> genres = {artist_genre[a]};
        if (t % 3 == 0)
            genres.push_back(genre(rng));
        std::vector<int32_t> title;
        for (int32_t k = 0; k < kTokensPerTitle; ++k)
            title.push_back(token(rng));
        c.addTrack(a, genres, title, 0);
    }
    std::vector<double> weight(static_cast<size_t>(o.tracks));
    for (int32_t r = 0; r < o.tracks; ++r)
        weight[by_rank[r]] = std::pow(r + 1.0, -o.zipf_exponent);
    std::discrete_distribution<int32_t> any_track(weight.begin(), weight.end());
    std::discrete_distribution<int32_t> hour_of_day(std::begin(kHourWeight), std::end(kHourWeight));
    std::uniform_int_distribution<int32_t> profile_of(0, o.profiles - 1);
    std::uniform_int_distribution<int32_t> day_of(0, 6);
    std::uniform_int_distribution<int32_t> session_length(kMinSession, kMaxSession);
    std::uniform_int_distribution<int32_t> within_artist(0, o.tracks_per_artist - 1);
    std::uniform_real_distribution<double> unit(0.0, 1.0);

    reco::Interactions& log = out.log;
    log.history_length = o.history_length;
    int64_t time = kStart;
    while (static_cast<int64_t>(log.size()) < o.plays) {
        const int32_t profile = profile_of(rng);
        const int32_t start_hour = day_of(rng) * 24 + hour_of_day(rng);
        std::vector<int32_t> history;
        const int32_t length = session_length(rng);
        for (int32_t k = 0; k < length && static_cast<int64_t>(log.size()) < o.plays; ++k) {
            const int32_t prev = history.empty() ? reco::kNoTrack : history.front();
            int32_t track = any_track(rng);
            if (prev != reco::kNoTrack && unit(rng) < kSameArtistNext) {
                const int32_t candidate = (prev % artists) + artists * within_artist(rng);
                if (candidate < o.tracks)
                    track = candidate;
            }
            const reco::Feedback fb =
                unit(rng) < kSkipShare ? reco::Feedback::kSkip : reco::Feedback::kPlay;
            const int32_t hour = (start_hour + static_cast<int32_t>((k * kSongSeconds) / 3600)) %
                                 reco::kHoursPerWeek;
            log.add(profile, prev, hour, history, track, fb, time);
            time += kSongSeconds;
            if (fb == reco::Feedback::kPlay) {
                history.insert(history.begin(), track);
                if (static_cast<int32_t>(history.size()) > o.history_length)
                    history.pop_back();
            }
        }
        time += kSessionGap;
    }
    c.popularity_bucket = reco::popularityBuckets(log, o.tracks, kPopularityBuckets);
    return out;
}

}  // namespace encore::bench
