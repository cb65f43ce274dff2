#include "stats/load/catalogueloader.h"

#include "stats/load/sqlitereader.h"
#include "stats/load/statssql.h"
#include "stats/load/textinterner.h"

#include <QHash>

#include <algorithm>
#include <limits>

namespace encore::stats {

namespace {

// Artists and albums are told apart by their text with ASCII case folded: the tags were
// normalised by the scanner already, and full Unicode folding of 100,000 texts costs too much.
std::int32_t internName(TextInterner& interner, std::int32_t scope, QByteArrayView text,
                        QStringList& names) {
    bool added = false;
    const std::int32_t id = interner.intern(scope, text, &added);
    if (added)
        names.append(QString::fromUtf8(text));
    return id;
}

std::int32_t nonNegative(qint64 v) {
    return static_cast<std::int32_t>(
        std::clamp<qint64>(v, 0, std::numeric_limits<std::int32_t>::max()));
}

Status readTracks(const QSqlDatabase& db, Catalogue& c) {
    SqliteReader tracks(db, sql::kTracks);
    TextInterner artists;
    TextInterner albums;
    const QByteArray unknownArtist = QByteArrayLiteral("(unknown artist)");
    while (tracks.next()) {
        c.id.push_back(tracks.int64(0));
        c.in_library.push_back(tracks.int64(1) != 0 ? 1 : 0);
        QByteArrayView artist = tracks.text(2);
        if (artist.isEmpty())
            artist = unknownArtist;
        c.artist.push_back(internName(artists, 0, artist, c.artist_names));
        const QByteArrayView albumArtist = tracks.text(3).isEmpty() ? artist : tracks.text(3);
        const QByteArrayView album = tracks.text(4);
        if (album.isEmpty()) {
            c.album.push_back(-1);
        } else {
            const std::int32_t owner = internName(artists, 0, albumArtist, c.artist_names);
            const qsizetype before = c.album_names.size();
            c.album.push_back(internName(albums, owner, album, c.album_names));
            if (c.album_names.size() > before)
                c.album_artist.push_back(owner);
        }
        const QByteArrayView title = tracks.text(5);
        c.title_bytes.append(title.data(), static_cast<std::size_t>(title.size()));
        c.title_end.push_back(static_cast<std::uint32_t>(c.title_bytes.size()));
        c.duration_ms.push_back(nonNegative(tracks.int64(6)));
        c.year.push_back(nonNegative(tracks.int64(7)));
        c.bitrate.push_back(nonNegative(tracks.int64(8)));
        c.added_at.push_back(tracks.int64(9));
    }
    if (tracks.failed())
        return Error{tracks.error(QStringLiteral("Reading the tracks for the statistics"))};
    return {};
}

struct TagRow {
    std::int32_t track;
    std::int32_t position;
    std::int32_t genre;
};

Status readGenres(const QSqlDatabase& db, Catalogue& c) {
    SqliteReader genres(db, sql::kGenres);
    QHash<qint64, std::int32_t> genreIndex;
    while (genres.next()) {
        genreIndex.insert(genres.int64(0), static_cast<std::int32_t>(c.genre_names.size()));
        c.genre_names.append(genres.string(1));
    }
    if (genres.failed())
        return Error{genres.error(QStringLiteral("Reading the genres for the statistics"))};
    const std::int32_t none = static_cast<std::int32_t>(c.genre_names.size());
    c.genre_names.append(noGenreName());

    std::vector<TagRow> rows;
    rows.reserve(c.size() + c.size() / 2);
    SqliteReader tags(db, sql::kTrackGenres);
    while (tags.next()) {
        const std::int32_t track = c.indexOf(tags.int64(0));
        const auto genre = genreIndex.constFind(tags.int64(1));
        if (track >= 0 && genre != genreIndex.constEnd())
            rows.push_back({track, static_cast<std::int32_t>(tags.int64(2)), *genre});
    }
    if (tags.failed())
        return Error{tags.error(QStringLiteral("Reading the track genres for the statistics"))};
    std::sort(rows.begin(), rows.end(), [](const TagRow& a, const TagRow& b) {
        return a.track != b.track ? a.track < b.track : a.position < b.position;
    });
    c.genre_begin.assign(c.size() + 1, 0);
    c.genre_list.clear();
    c.genre_list.reserve(rows.size() + c.size());
    std::size_t r = 0;
    for (std::size_t t = 0; t < c.size(); ++t) {
        c.genre_begin[t] = static_cast<std::int32_t>(c.genre_list.size());
        const std::size_t first = r;
        for (; r < rows.size() && rows[r].track == static_cast<std::int32_t>(t); ++r)
            c.genre_list.push_back(rows[r].genre);
        if (r == first)
            c.genre_list.push_back(none);
    }
    c.genre_begin[c.size()] = static_cast<std::int32_t>(c.genre_list.size());
    return {};
}

}  // namespace

Result<Catalogue> loadCatalogue(const QSqlDatabase& db) {
    Catalogue c;
    if (Status s = readTracks(db, c); !s)
        return Error{s.error()};
    c.buildIndex();
    if (Status s = readGenres(db, c); !s)
        return Error{s.error()};
    inferArtistGenres(c);
    return c;
}

}  // namespace encore::stats
