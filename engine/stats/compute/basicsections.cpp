// Overview, genre ranking, top lists and forgotten favourites: counts per track and genre.
#include "stats/compute/sections.h"
#include "stats/summary/headlines.h"

#include <QDateTime>

#include <algorithm>
#include <numeric>

namespace encore::stats {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

// Ranks 1..n of rows ordered by `key` descending (ties share the order they are in).
template <typename Key>
void assignRanks(std::vector<GenreRow>& rows, Key key, int GenreRow::*rank) {
    std::vector<std::size_t> order(rows.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return key(rows[a]) > key(rows[b]); });
    for (std::size_t r = 0; r < order.size(); ++r)
        rows[order[r]].*rank = static_cast<int>(r + 1);
}

struct Tally {
    std::int64_t plays = 0;
    std::int64_t ms = 0;
    std::int32_t cover_track = -1;  // most played track, a library file first
};

// Keeps `track` as the tally's cover track when it beats the one held.
void offerCover(Tally& tally, std::size_t track, const Catalogue& c, const PeriodFold& f) {
    const std::int32_t held = tally.cover_track;
    const auto rank = [&](std::size_t t) {
        return std::pair<int, std::int32_t>(c.in_library[t], f.plays[t]);
    };
    if (held < 0 || rank(track) > rank(std::size_t(held)))
        tally.cover_track = std::int32_t(track);
}

bool byPlays(const TopEntry& a, const TopEntry& b) {
    if (a.plays != b.plays)
        return a.plays > b.plays;
    if (a.listening_ms != b.listening_ms)
        return a.listening_ms > b.listening_ms;
    return a.name < b.name;
}

// The `count` entries with most plays, best first, without sorting them all.
std::vector<TopEntry> topOf(std::vector<TopEntry> entries, std::size_t count) {
    const std::size_t n = std::min(count, entries.size());
    std::partial_sort(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(n),
                      entries.end(), byPlays);
    entries.resize(n);
    return entries;
}

}  // namespace

Evidence periodEvidence(const Catalogue& c, const PeriodFold& f) {
    Evidence e;
    e.plays = f.total_plays;
    e.listens = f.total_listens;
    e.active_days = static_cast<std::int64_t>(f.play_days.size());
    e.span_days = f.total_plays > 0 ? std::int64_t(f.last_day) - f.first_day + 1 : 0;
    for (std::size_t t = 0; t < c.size() && t < f.plays.size(); ++t) {
        if (f.plays[t] > 0 && c.firstGenre(t)[0] != c.noGenre())
            e.known_genre_plays += f.plays[t];
    }
    return e;
}

Overview computeOverview(const StatsContext& x) {
    const PeriodFold& f = x.fold;
    const Catalogue& c = x.data.catalogue;
    Overview o;
    o.profile_id = x.query.profile_id;
    o.profile = x.query.profile_id > 0 ? x.data.profileName(x.query.profile_id)
                                       : QStringLiteral("every profile");
    o.since = x.query.since;
    o.until = x.query.until;
    o.now_seconds = x.now;
    o.first_listen = f.first_listen;
    o.last_listen = f.last_listen;
    o.listens = f.total_listens;
    o.plays = f.total_plays;
    o.skips = f.total_skips;
    o.listening_ms = f.total_listening_ms;
    o.unknown_listens = f.unknown_listens;
    o.library_tracks = static_cast<qint64>(c.librarySize());
    o.evidence = x.evidence;
    std::vector<std::uint8_t> artistSeen(static_cast<std::size_t>(c.artist_names.size()), 0);
    for (std::size_t t = 0; t < c.size(); ++t) {
        if (f.plays[t] == 0)
            continue;
        ++o.distinct_tracks;
        if (!c.in_library[t])
            o.external_plays += f.plays[t];
        std::uint8_t& seen = artistSeen[static_cast<std::size_t>(c.artist[t])];
        o.distinct_artists += seen ? 0 : 1;
        seen = 1;
    }
    return o;
}

GenreRanking computeGenreRanking(const StatsContext& x) {
    const PeriodFold& f = x.fold;
    const Catalogue& c = x.data.catalogue;
    std::vector<GenreRow> all(static_cast<std::size_t>(c.genreCount()));
    for (int g = 0; g < c.genreCount(); ++g) {
        all[g].genre = g;
        all[g].name = c.genre_names[g];
        all[g].no_genre = g == c.noGenre();
    }
    for (std::size_t t = 0; t < c.size(); ++t) {
        // Listening time counts every listen (skips too), like the overview's total.
        if (f.listens[t] == 0)
            continue;
        const int k = c.genresOf(t);
        const std::int32_t* genre = c.firstGenre(t);
        for (int j = 0; j < k; ++j) {
            GenreRow& row = all[static_cast<std::size_t>(genre[j])];
            row.plays += f.plays[t];
            row.weighted_plays += static_cast<double>(f.plays[t]) / k;
            row.listening_ms += f.listening_ms[t];
            row.weighted_listening_ms += static_cast<double>(f.listening_ms[t]) / k;
            row.distinct_tracks += f.plays[t] > 0 ? 1 : 0;
        }
    }
    GenreRanking r;
    r.total_plays = f.total_plays;
    r.known_plays = x.evidence.known_genre_plays;
    r.unknown_plays = r.total_plays - r.known_plays;
    for (std::size_t t = 0; t < c.size(); ++t)
        r.inferred_plays += c.genre_inferred[t] ? f.plays[t] : 0;
    r.total_listening_ms = f.total_listening_ms;
    for (GenreRow& row : all) {
        if ((row.plays == 0 && row.listening_ms == 0) || row.no_genre)
            continue;
        row.share =
            r.known_plays > 0 ? row.weighted_plays / static_cast<double>(r.known_plays) : 0.0;
        r.rows.push_back(std::move(row));
    }
    assignRanks(
        r.rows, [](const GenreRow& g) { return g.listening_ms; }, &GenreRow::rank_by_time);
    assignRanks(
        r.rows, [](const GenreRow& g) { return g.distinct_tracks; }, &GenreRow::rank_by_tracks);
    std::stable_sort(r.rows.begin(), r.rows.end(), [](const GenreRow& a, const GenreRow& b) {
        return a.plays != b.plays ? a.plays > b.plays : a.weighted_plays > b.weighted_plays;
    });
    for (std::size_t i = 0; i < r.rows.size(); ++i)
        r.rows[i].rank_by_plays = static_cast<int>(i + 1);
    r.headline = genreRankingHeadline(r, x.evidence);
    return r;
}

TopLists computeTopLists(const StatsContext& x) {
    const PeriodFold& f = x.fold;
    const Catalogue& c = x.data.catalogue;
    std::vector<Tally> artists(static_cast<std::size_t>(c.artist_names.size()));
    std::vector<Tally> albums(static_cast<std::size_t>(c.album_names.size()));
    std::vector<std::int32_t> played;
    std::int64_t albumKnown = 0;
    for (std::size_t t = 0; t < c.size(); ++t) {
        if (f.plays[t] == 0)
            continue;
        Tally& artist = artists[static_cast<std::size_t>(c.artist[t])];
        artist.plays += f.plays[t];
        artist.ms += f.listening_ms[t];
        offerCover(artist, t, c, f);
        if (c.album[t] >= 0) {
            albumKnown += f.plays[t];
            Tally& album = albums[static_cast<std::size_t>(c.album[t])];
            album.plays += f.plays[t];
            album.ms += f.listening_ms[t];
            offerCover(album, t, c, f);
        }
        played.push_back(static_cast<std::int32_t>(t));
    }
    const std::size_t n = x.options().top_count;
    TopLists top;
    top.album_known_plays = albumKnown;
    top.total_plays = f.total_plays;
    // Titles become strings only for the tracks shown; ties go to the older track.
    const std::size_t shown = std::min(n, played.size());
    std::partial_sort(played.begin(), played.begin() + static_cast<std::ptrdiff_t>(shown),
                      played.end(), [&](std::int32_t a, std::int32_t b) {
                          if (f.plays[a] != f.plays[b])
                              return f.plays[a] > f.plays[b];
                          if (f.listening_ms[a] != f.listening_ms[b])
                              return f.listening_ms[a] > f.listening_ms[b];
                          return c.id[a] < c.id[b];
                      });
    for (std::size_t i = 0; i < shown; ++i) {
        const std::size_t t = static_cast<std::size_t>(played[i]);
        top.tracks.push_back(
            {c.title(t), c.artist_names[c.artist[t]], c.id[t], f.plays[t], f.listening_ms[t]});
    }
    std::vector<TopEntry> entries;
    for (std::size_t a = 0; a < artists.size(); ++a) {
        if (artists[a].plays > 0)
            entries.push_back({c.artist_names[int(a)], QString(),
                               c.id[std::size_t(artists[a].cover_track)], artists[a].plays,
                               artists[a].ms});
    }
    top.artists = topOf(std::move(entries), n);
    entries.clear();
    for (std::size_t a = 0; a < albums.size(); ++a) {
        if (albums[a].plays > 0)
            entries.push_back({c.album_names[int(a)], c.artist_names[c.album_artist[a]],
                               c.id[std::size_t(albums[a].cover_track)], albums[a].plays,
                               albums[a].ms});
    }
    top.albums = topOf(std::move(entries), n);
    top.headline = topListsHeadline(top, x.evidence);
    return top;
}

ForgottenFavourites computeForgotten(const StatsContext& x) {
    const TrackHistory& h = x.history;
    const Catalogue& c = x.data.catalogue;
    ForgottenFavourites f;
    f.days = x.options().forgotten_days;
    f.min_plays = x.options().forgotten_min_plays;
    const std::int64_t cutoff = x.now - static_cast<std::int64_t>(f.days) * kSecondsPerDay;
    std::vector<std::int32_t> found;
    for (std::size_t t = 0; t < c.size(); ++t) {
        if (h.plays[t] >= f.min_plays && h.last_played[t] > 0 && h.last_played[t] < cutoff)
            found.push_back(static_cast<std::int32_t>(t));
    }
    f.total = static_cast<std::int64_t>(found.size());
    const std::size_t n = std::min(x.options().forgotten_count, found.size());
    std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(n), found.end(),
                      [&](std::int32_t a, std::int32_t b) {
                          if (h.plays[a] != h.plays[b])
                              return h.plays[a] > h.plays[b];
                          return h.last_played[a] > h.last_played[b];
                      });
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t t = static_cast<std::size_t>(found[i]);
        ForgottenTrack track;
        track.track_id = c.id[t];
        track.title = c.title(t);
        track.artist = c.artist_names[c.artist[t]];
        track.plays = h.plays[t];
        track.last_played = h.last_played[t];
        track.days_since = (x.now - h.last_played[t]) / kSecondsPerDay;
        f.tracks.push_back(std::move(track));
    }
    f.headline = forgottenHeadline(f);
    return f;
}

}  // namespace encore::stats
