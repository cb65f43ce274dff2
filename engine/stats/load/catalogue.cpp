#include "stats/load/catalogue.h"

#include <algorithm>
#include <unordered_map>

namespace encore::stats {

namespace {

// Ids up to this many times the track count are looked up in a table, larger ones hashed.
constexpr std::int64_t kDenseIdFactor = 4;
constexpr std::int64_t kDenseIdSlack = 1024;

}  // namespace

void inferArtistGenres(Catalogue& c) {
    c.genre_inferred.assign(c.size(), 0);
    const std::int32_t none = c.noGenre();
    // Per artist: how many of its library tracks carry each genre.
    std::unordered_map<std::int64_t, std::int32_t> tagged;
    for (std::size_t t = 0; t < c.size(); ++t) {
        if (!c.in_library[t])
            continue;
        for (int j = 0; j < c.genresOf(t); ++j) {
            const std::int32_t genre = c.firstGenre(t)[j];
            if (genre != none)
                ++tagged[std::int64_t(c.artist[t]) * c.genreCount() + genre];
        }
    }
    if (tagged.empty())
        return;
    std::vector<std::int32_t> best(std::size_t(c.artist_names.size()), none);
    std::vector<std::int32_t> bestCount(best.size(), 0);
    for (const auto& [key, count] : tagged) {
        const std::size_t artist = std::size_t(key / c.genreCount());
        const std::int32_t genre = std::int32_t(key % c.genreCount());
        if (count > bestCount[artist] || (count == bestCount[artist] && genre < best[artist])) {
            best[artist] = genre;
            bestCount[artist] = count;
        }
    }
    for (std::size_t t = 0; t < c.size(); ++t) {
        // An untagged track holds exactly the one "no genre" entry: replaced in place.
        if (c.in_library[t] || c.genresOf(t) != 1 || c.firstGenre(t)[0] != none)
            continue;
        const std::int32_t genre = best[std::size_t(c.artist[t])];
        if (genre == none)
            continue;
        c.genre_list[std::size_t(c.genre_begin[t])] = genre;
        c.genre_inferred[t] = 1;
    }
}

QString noGenreName() {
    return QStringLiteral("(no genre)");
}

std::size_t Catalogue::librarySize() const {
    std::size_t n = 0;
    for (std::uint8_t v : in_library)
        n += v;
    return n;
}

QString Catalogue::title(std::size_t track) const {
    const std::uint32_t begin = track == 0 ? 0 : title_end[track - 1];
    return QString::fromUtf8(title_bytes.data() + begin,
                             static_cast<qsizetype>(title_end[track] - begin));
}

void Catalogue::buildIndex() {
    index_table_.clear();
    index_map_.clear();
    TrackId max_id = 0;
    for (TrackId v : id)
        max_id = std::max(max_id, v);
    const bool dense = max_id < static_cast<TrackId>(id.size()) * kDenseIdFactor + kDenseIdSlack;
    if (dense)
        index_table_.assign(static_cast<std::size_t>(max_id) + 1, -1);
    for (std::size_t i = 0; i < id.size(); ++i) {
        if (dense && id[i] >= 0)
            index_table_[static_cast<std::size_t>(id[i])] = static_cast<std::int32_t>(i);
        else
            index_map_.emplace(id[i], static_cast<std::int32_t>(i));
    }
}

std::int32_t Catalogue::indexOf(TrackId trackId) const {
    if (trackId >= 0 && static_cast<std::size_t>(trackId) < index_table_.size())
        return index_table_[static_cast<std::size_t>(trackId)];
    const auto it = index_map_.find(trackId);
    return it == index_map_.end() ? -1 : it->second;
}

}  // namespace encore::stats
