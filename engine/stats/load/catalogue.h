#pragma once

#include "core/track.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace encore::stats {

// Every track as the statistics see it, in dense arrays indexed 0..size()-1 ("track index").
// Genres are stored per track in tagged order; an untagged track has the one "no genre"
// pseudo-genre (noGenre()), so every track belongs to at least one genre bucket.
struct Catalogue {
    std::vector<TrackId> id;
    std::vector<std::uint8_t> in_library;   // 1: a file in the library (path set, available)
    std::vector<std::int32_t> artist;       // index into artist_names
    std::vector<std::int32_t> album;        // index into album_names; -1: no album tag
    std::vector<std::int32_t> duration_ms;  // 0: unknown
    std::vector<std::int32_t> year;         // 0: unknown
    std::vector<std::int32_t> bitrate;      // kbit/s; 0: unknown
    std::vector<std::int64_t> added_at;     // unix seconds
    // Genres of track i: genre_list[genre_begin[i] .. genre_begin[i + 1]), never empty.
    std::vector<std::int32_t> genre_begin;
    std::vector<std::int32_t> genre_list;
    // 1: the track has no genre tag of its own and took its artist's (see inferArtistGenres).
    std::vector<std::uint8_t> genre_inferred;

    QStringList genre_names;  // the last one is the "no genre" bucket
    QStringList artist_names;
    QStringList album_names;
    std::vector<std::int32_t> album_artist;  // per album: index into artist_names
    // Titles back to back as UTF-8: only the few shown in top lists become QStrings.
    std::string title_bytes;
    std::vector<std::uint32_t> title_end;  // per track: end of its title in title_bytes

    std::size_t size() const { return id.size(); }
    int genreCount() const { return static_cast<int>(genre_names.size()); }
    int noGenre() const { return genreCount() - 1; }
    int genresOf(std::size_t track) const { return genre_begin[track + 1] - genre_begin[track]; }
    const std::int32_t* firstGenre(std::size_t track) const {
        return genre_list.data() + genre_begin[track];
    }
    std::size_t librarySize() const;
    QString title(std::size_t track) const;

    // Track index of a track id; -1 when unknown.
    std::int32_t indexOf(TrackId trackId) const;
    void buildIndex();

private:
    // Dense ids (the usual case) use a table, sparse ones a hash map.
    std::vector<std::int32_t> index_table_;
    std::unordered_map<TrackId, std::int32_t> index_map_;
};

// Tracks known only from history (no file, so no tags: a Spotify export carries no genres)
// take the genre most of their artist's library tracks carry, marked in genre_inferred.
void inferArtistGenres(Catalogue& catalogue);

// "(no genre)": the bucket of tracks without a genre tag (external tracks mostly).
QString noGenreName();

}  // namespace encore::stats
