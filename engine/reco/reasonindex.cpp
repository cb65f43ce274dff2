#include "reco/reasonindex.h"

#include <algorithm>
#include <tuple>

namespace encore {

namespace {

constexpr int32_t kHoursPerDay = 24;
constexpr int32_t kFirstWeekendDay = 5;  // hour_of_week 0 is Monday
constexpr int32_t kHoursPerSegment = 6;  // night 0-5, morning 6-11, afternoon 12-17, evening 18-23

const std::vector<int32_t> kNone;

int64_t pairKey(int32_t a, int32_t b) {
    return (int64_t(a) << 32) | uint32_t(b);
}

}  // namespace

int ReasonIndex::segmentOf(int32_t hour_of_week) {
    const int32_t day = hour_of_week / kHoursPerDay;
    const int32_t part = (hour_of_week % kHoursPerDay) / kHoursPerSegment;
    return (day >= kFirstWeekendDay ? 4 : 0) + part;
}

QString ReasonIndex::segmentName(int segment) {
    static const char* const kParts[] = {"nights", "mornings", "afternoons", "evenings"};
    return QStringLiteral("%1 %2")
        .arg(segment >= 4 ? QStringLiteral("weekend") : QStringLiteral("weekday"))
        .arg(QLatin1String(kParts[segment % 4]));
}

ReasonIndex ReasonIndex::build(const reco::Interactions& log, const reco::Catalog& catalog,
                               int32_t num_profiles) {
    // Sorting flat arrays instead of hash maps per profile: 1M plays in ~0.15 s.
    ReasonIndex r;
    const size_t profiles = static_cast<size_t>(std::max(num_profiles, log.profileCount()));
    std::vector<Pair> transitions;
    std::vector<std::pair<int64_t, int32_t>> plays;  // (profile << 32 | track, 1)
    r.genres_.resize(profiles);
    for (size_t i = 0; i < log.size(); ++i) {
        if (log.feedback[i] != reco::Feedback::kPlay)
            continue;
        const int32_t p = log.profile[i];
        const int32_t t = log.target[i];
        if (log.prev_track[i] != reco::kNoTrack)
            transitions.push_back({log.prev_track[i], t, p, 1});
        plays.emplace_back(pairKey(p, t), 1);
        const int segment = segmentOf(log.hour_of_week[i]);
        ProfileGenres& g = r.genres_[p];
        ++g.totals[segment];
        for (int32_t j = catalog.genre_offsets[t]; j < catalog.genre_offsets[t + 1]; ++j)
            ++g.by_genre[catalog.genres[j]][segment];
    }
    auto key = [](const Pair& p) { return std::tie(p.anchor, p.next, p.profile); };
    std::sort(transitions.begin(), transitions.end(),
              [&](const Pair& a, const Pair& b) { return key(a) < key(b); });
    for (const Pair& t : transitions) {
        if (!r.pairs_.empty() && key(r.pairs_.back()) == key(t))
            ++r.pairs_.back().count;
        else
            r.pairs_.push_back(t);
    }
    std::sort(plays.begin(), plays.end());
    r.plays_.resize(profiles);
    for (const auto& [k, one] : plays) {
        auto& list = r.plays_[static_cast<size_t>(k >> 32)];
        const auto track = static_cast<int32_t>(k & 0xffffffff);
        if (!list.empty() && list.back().first == track)
            list.back().second += one;
        else
            list.emplace_back(track, one);
    }
    r.favourites_.resize(profiles);
    for (size_t p = 0; p < profiles; ++p) {
        std::vector<std::pair<int32_t, int32_t>> ranked;  // (-plays, track)
        for (const auto& [track, count] : r.plays_[p]) {
            if (count >= kMinFavouritePlays)
                ranked.emplace_back(-count, track);
        }
        std::sort(ranked.begin(), ranked.end());
        for (size_t j = 0; j < ranked.size() && j < static_cast<size_t>(kFavourites); ++j)
            r.favourites_[p].push_back(ranked[j].second);
    }
    r.catalog_genres_.genre_offsets = catalog.genre_offsets;
    r.catalog_genres_.genres = catalog.genres;
    return r;
}

int32_t ReasonIndex::playedAfter(int32_t profile, int32_t anchor, int32_t next) const {
    const auto lower =
        std::lower_bound(pairs_.begin(), pairs_.end(), std::make_pair(anchor, next),
                         [](const Pair& p, const std::pair<int32_t, int32_t>& k) {
                             return std::tie(p.anchor, p.next) < std::tie(k.first, k.second);
                         });
    int32_t sum = 0;
    for (auto it = lower; it != pairs_.end() && it->anchor == anchor && it->next == next; ++it) {
        if (profile == kAnyProfile || it->profile == profile)
            sum += it->count;
    }
    return sum;
}

int32_t ReasonIndex::playCount(int32_t profile, int32_t track) const {
    if (profile < 0 || profile >= static_cast<int32_t>(plays_.size()))
        return 0;
    const auto& plays = plays_[profile];
    const auto it = std::lower_bound(plays.begin(), plays.end(), std::make_pair(track, 0));
    return it != plays.end() && it->first == track ? it->second : 0;
}

const std::vector<int32_t>& ReasonIndex::favourites(int32_t profile) const {
    if (profile < 0 || profile >= static_cast<int32_t>(favourites_.size()))
        return kNone;
    return favourites_[profile];
}

ReasonIndex::GenreTime ReasonIndex::genreAtTime(int32_t profile, int32_t track,
                                                int32_t hour_of_week) const {
    GenreTime best;
    best.segment = segmentOf(hour_of_week);
    if (profile < 0 || profile >= static_cast<int32_t>(genres_.size()) || track < 0 ||
        static_cast<size_t>(track) + 1 >= catalog_genres_.genre_offsets.size())
        return best;
    const ProfileGenres& g = genres_[profile];
    const int32_t total = g.totals[best.segment];
    int32_t all = 0;
    for (int32_t t : g.totals)
        all += t;
    for (int32_t j = catalog_genres_.genre_offsets[track];
         j < catalog_genres_.genre_offsets[track + 1]; ++j) {
        const auto it = g.by_genre.find(catalog_genres_.genres[j]);
        if (it == g.by_genre.end())
            continue;
        const int32_t plays = it->second[best.segment];
        int32_t genre_all = 0;
        for (int32_t c : it->second)
            genre_all += c;
        // Share in this segment, and more typical of it than of the profile's week overall.
        const double share = double(plays) / std::max(total, 1);
        const double share_all = double(genre_all) / std::max(all, 1);
        if (plays >= kMinGenrePlays && share >= kMinGenreShare &&
            share >= kMinGenreLift * share_all && plays > best.plays) {
            best.genre = catalog_genres_.genres[j];
            best.plays = plays;
        }
    }
    return best;
}

}  // namespace encore
