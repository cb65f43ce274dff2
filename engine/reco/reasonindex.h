#pragma once

#include "reco/core/catalog.h"
#include "reco/core/interactions.h"

#include <QString>

#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace encore {

// Facts from the log that reasons quote: what followed what, what a profile plays most, and
// which genres a profile plays at which time of the week. Built with the published model.
class ReasonIndex {
public:
    static constexpr int kSegments = 8;  // weekday / weekend x night, morning, afternoon, evening
    static constexpr int kFavourites = 20;
    static constexpr int32_t kMinFavouritePlays = 3;  // "a track you love" is played at least 3x
    static constexpr int32_t kAnyProfile = -1;

    static ReasonIndex build(const reco::Interactions& log, const reco::Catalog& catalog,
                             int32_t num_profiles);

    // Plays of `next` right after `anchor` (same session) by `profile` (kAnyProfile: anyone).
    int32_t playedAfter(int32_t profile, int32_t anchor, int32_t next) const;
    // Plays of `track` by `profile`.
    int32_t playCount(int32_t profile, int32_t track) const;
    // The profile's most played tracks (at least kMinFavouritePlays), most played first.
    const std::vector<int32_t>& favourites(int32_t profile) const;

    // The genre of `track` that `profile` plays notably in the time segment of `hour_of_week`:
    // at least kMinGenrePlays there, kMinGenreShare of that segment's plays, and kMinGenreLift
    // times its share of the whole week (typical of that time); genre -1 when none is.
    struct GenreTime {
        int32_t genre = -1;
        int32_t plays = 0;  // the profile's plays of that genre in that segment
        int segment = 0;
    };
    GenreTime genreAtTime(int32_t profile, int32_t track, int32_t hour_of_week) const;
    static constexpr int32_t kMinGenrePlays = 5;
    static constexpr double kMinGenreShare = 0.1;
    static constexpr double kMinGenreLift = 1.2;

    static int segmentOf(int32_t hour_of_week);
    // "weekday evenings", "weekend mornings", ...
    static QString segmentName(int segment);

private:
    struct Pair {
        int32_t anchor, next, profile, count;
    };
    struct ProfileGenres {
        std::unordered_map<int32_t, std::array<int32_t, kSegments>> by_genre;
        std::array<int32_t, kSegments> totals{};
    };

    std::vector<Pair> pairs_;  // sorted by anchor, next, profile
    std::vector<std::vector<std::pair<int32_t, int32_t>>> plays_;  // per profile: (track, plays)
    std::vector<std::vector<int32_t>> favourites_;
    std::vector<ProfileGenres> genres_;
    reco::Catalog catalog_genres_;  // genre lists only (CSR) for genreAtTime
};

}  // namespace encore
