#include "library/libraryindex.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

namespace encore {

namespace {

// Unique strings with ids; the hash key may differ from the stored display value.
struct Interner {
    QHash<QString, int> ids;
    QList<QString> values;

    int id(const QString& key, const QString& display) {
        auto it = ids.constFind(key);
        if (it != ids.constEnd())
            return it.value();
        const int next = int(values.size());
        ids.insert(key, next);
        values.append(display);
        return next;
    }
};

// Ranks folded strings (equal ones share a rank). The first eight characters packed into two
// integers settle most comparisons, so 100,000 titles sort with few string compares.
std::vector<quint32> rankFolded(const std::vector<QString>& folded) {
    constexpr int kPacked = 8;
    struct Item {
        quint64 high;
        quint64 low;
        int index;
        bool operator==(const Item& o) const { return high == o.high && low == o.low; }
    };
    std::vector<Item> items(folded.size());
    for (size_t i = 0; i < folded.size(); ++i) {
        const QString& f = folded[i];
        quint64 packed[2] = {0, 0};
        for (int k = 0; k < kPacked; ++k)
            packed[k / 4] = (packed[k / 4] << 16) | (k < f.size() ? f.at(k).unicode() : 0u);
        items[i] = {packed[0], packed[1], int(i)};
    }
    auto rest = [&](const Item& item) {
        const QString& f = folded[size_t(item.index)];
        return f.size() > kPacked ? QStringView(f).mid(kPacked) : QStringView();
    };
    std::sort(items.begin(), items.end(), [&](const Item& a, const Item& b) {
        if (a.high != b.high)
            return a.high < b.high;
        if (a.low != b.low)
            return a.low < b.low;
        const int c = rest(a).compare(rest(b));
        return c != 0 ? c < 0 : a.index < b.index;
    });
    std::vector<quint32> rank(folded.size());
    quint32 current = 0;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0 && (!(items[i] == items[i - 1]) || rest(items[i]) != rest(items[i - 1])))
            current = quint32(i);
        rank[size_t(items[i].index)] = current;
    }
    return rank;
}

std::vector<quint32> rankByFold(const QList<QString>& values) {
    std::vector<QString> folded;
    folded.reserve(size_t(values.size()));
    for (const QString& v : values)
        folded.push_back(LibraryIndex::foldForSearch(v));
    return rankFolded(folded);
}

std::vector<int> orderByRank(const std::vector<quint32>& rank) {
    std::vector<int> order(rank.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return rank[size_t(a)] < rank[size_t(b)]; });
    return order;
}

}  // namespace

QString LibraryIndex::foldForSearch(QStringView text) {
    QString out;
    out.reserve(text.size());
    bool pendingSpace = false;
    auto put = [&](QChar c) {
        if (pendingSpace && !out.isEmpty())
            out.append(QLatin1Char(' '));
        pendingSpace = false;
        out.append(c);
    };
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 128) {  // the common case, without Unicode tables
            if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9'))
                put(c);
            else if (u >= 'A' && u <= 'Z')
                put(QChar(char16_t(u + 32)));
            else
                pendingSpace = true;
        } else if (c.category() == QChar::Mark_NonSpacing) {
            continue;  // a combining accent
        } else if (c.isLetterOrNumber()) {
            if (c.decompositionTag() == QChar::Canonical) {
                for (const QChar part : c.decomposition()) {
                    if (part.category() != QChar::Mark_NonSpacing)
                        put(part.toCaseFolded());
                }
            } else {
                put(c.toCaseFolded());
            }
        } else {
            pendingSpace = true;
        }
    }
    return out;
}

QStringList LibraryIndex::searchTerms(QStringView query) {
    return foldForSearch(query).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

namespace {

// Raw strings interned once, each folded once: tags repeat a lot across 100,000 rows.
struct FoldingInterner {
    QHash<QString, int> ids;
    QList<QString> values;
    QList<QString> folded;
    QString last;  // loaders hand the same QString for a run of equal values
    int last_id = -1;

    int id(const QString& value) {
        if (last_id >= 0 && value.isSharedWith(last))
            return last_id;
        last = value;
        last_id = lookup(value);
        return last_id;
    }

private:
    int lookup(const QString& value) {
        auto it = ids.constFind(value);
        if (it != ids.constEnd())
            return it.value();
        const int next = int(values.size());
        ids.insert(value, next);
        values.append(value);
        folded.append(LibraryIndex::foldForSearch(value));
        return next;
    }
};

void appendTerm(QString& out, const QString& folded) {
    if (folded.isEmpty())
        return;
    if (!out.isEmpty())
        out.append(QLatin1Char(' '));
    out.append(folded);
}

}  // namespace

struct LibraryIndex::Builder::State {
    std::shared_ptr<LibraryIndex> ix{new LibraryIndex};
    FoldingInterner names;  // artists and album artists, as tagged
    FoldingInterner albumTitles;
    FoldingInterner genreTags;
    Interner artistFacets;  // by folded name
    Interner albums;        // by folded title and artist facet
    Interner genres;        // by folded name
    Interner genreTexts;    // a row's genres as shown, for sorting
    std::vector<int> genreTextOf;
    std::vector<QString> foldedTitles;
    QList<QString> albumArtists;
    std::vector<int> discs;
    std::vector<int> trackNumbers;
    QString rowText;
    int lastAlbumTitle = -1;
    int lastFacet = -1;
    int lastAlbum = -1;
};

LibraryIndex::Builder::Builder() : s_(std::make_unique<State>()) {
    s_->ix->genre_offsets_.push_back(0);
    s_->ix->search_offsets_.push_back(0);
}

LibraryIndex::Builder::~Builder() = default;

void LibraryIndex::Builder::reserve(int rows) {
    LibraryIndex& ix = *s_->ix;
    const size_t n = size_t(rows);
    ix.ids_.reserve(n);
    ix.titles_.reserve(rows);
    ix.paths_.reserve(rows);
    ix.artist_names_.reserve(n);
    ix.artists_.reserve(n);
    ix.albums_.reserve(n);
    ix.genre_offsets_.reserve(n + 1);
    ix.genre_ids_.reserve(n + n / 4);
    ix.years_.reserve(n);
    ix.durations_.reserve(n);
    ix.loudness_.reserve(n);
    ix.search_offsets_.reserve(n + 1);
    ix.search_.reserve(qsizetype(rows) * 48);
    s_->genreTextOf.reserve(n);
    s_->foldedTitles.reserve(n);
    s_->discs.reserve(n);
    s_->trackNumbers.reserve(n);
    ix.track_numbers_.reserve(n);
}

void LibraryIndex::Builder::add(const Track& track) {
    const TrackId id = track.id;
    const QString& path = track.audioPath();
    const QString& title = track.tags.title;
    const QString& artist = track.tags.artist;
    const QString& album = track.tags.album;
    const QString& albumArtist = track.tags.album_artist;
    const QStringList& genres = track.tags.genres;
    State& s = *s_;
    LibraryIndex& ix = *s.ix;
    ix.ids_.push_back(id);
    ix.titles_.append(title.isEmpty() ? path.section(QLatin1Char('/'), -1) : title);
    s.foldedTitles.push_back(foldForSearch(ix.titles_.last()));
    ix.paths_.append(path);
    if (track.range)
        ix.ranges_.insert(int(ix.ids_.size()) - 1, {track.range->start_ms, track.range->end_ms});
    const int artistName = s.names.id(artist);
    ix.artist_names_.push_back(artistName);

    const int facetName = albumArtist.isEmpty() ? artistName : s.names.id(albumArtist);
    const int facet = s.artistFacets.id(s.names.folded[facetName], s.names.values[facetName]);
    ix.artists_.push_back(facet);
    const int albumTitle = s.albumTitles.id(album);
    if (albumTitle != s.lastAlbumTitle || facet != s.lastFacet) {  // a new run of rows
        const QString albumKey =
            s.albumTitles.folded[albumTitle] + QChar(0x1f) + QString::number(facet);
        s.lastAlbum = s.albums.id(albumKey, album);
        s.lastAlbumTitle = albumTitle;
        s.lastFacet = facet;
        if (s.lastAlbum == s.albumArtists.size())
            s.albumArtists.append(s.artistFacets.values[facet]);
    }
    const int albumId = s.lastAlbum;
    ix.albums_.push_back(albumId);

    QString& text = s.rowText;
    text.clear();
    appendTerm(text, s.foldedTitles.back());
    appendTerm(text, s.names.folded[artistName]);
    appendTerm(text, s.albumTitles.folded[albumTitle]);
    if (facetName != artistName)
        appendTerm(text, s.names.folded[facetName]);
    if (genres.isEmpty()) {
        ix.genre_ids_.push_back(s.genres.id(QString(), QString()));
    } else {
        for (const QString& g : genres) {
            const int tag = s.genreTags.id(g);
            ix.genre_ids_.push_back(s.genres.id(s.genreTags.folded[tag], g));
            appendTerm(text, s.genreTags.folded[tag]);
        }
    }
    ix.search_.append(text);
    ix.genre_offsets_.push_back(int(ix.genre_ids_.size()));
    ix.search_offsets_.push_back(int(ix.search_.size()));
    const QString genreText =
        genres.size() == 1 ? genres.first() : genres.join(QStringLiteral(", "));
    s.genreTextOf.push_back(s.genreTexts.id(genreText, genreText));

    ix.years_.push_back(track.tags.year);
    ix.durations_.push_back(track.tags.duration_ms);
    ix.loudness_.push_back(pack(track.tags.replaygain));
    s.discs.push_back(track.tags.disc_no);
    s.trackNumbers.push_back(track.tags.track_no);
    ix.track_numbers_.push_back(quint16(qBound(0, track.tags.track_no, 0xffff)));
}

std::shared_ptr<const LibraryIndex> LibraryIndex::Builder::finish() {
    State& s = *s_;
    std::shared_ptr<LibraryIndex> ix = s.ix;
    const int n = ix->size();

    // Track id -> row: a plain array when the ids are dense enough, else a hash.
    const TrackId maxId = n > 0 ? *std::max_element(ix->ids_.begin(), ix->ids_.end()) : 0;
    const TrackId minId = n > 0 ? *std::min_element(ix->ids_.begin(), ix->ids_.end()) : 0;
    if (minId >= 0 && maxId <= TrackId(4) * n + 1024) {
        ix->dense_row_of_.assign(size_t(maxId) + 1, -1);
        for (int row = 0; row < n; ++row)
            ix->dense_row_of_[size_t(ix->ids_[size_t(row)])] = row;
    } else {
        ix->row_of_.reserve(n);
        for (int row = 0; row < n; ++row)
            ix->row_of_.insert(ix->ids_[size_t(row)], row);
    }

    ix->names_ = s.names.values;
    ix->artist_facet_names_ = s.artistFacets.values;
    ix->album_names_ = s.albums.values;
    ix->album_artists_ = s.albumArtists;
    ix->genre_names_ = s.genres.values;

    ix->title_rank_ = rankFolded(s.foldedTitles);
    const std::vector<quint32> nameRank =
        rankFolded(std::vector<QString>(s.names.folded.begin(), s.names.folded.end()));
    ix->artist_rank_.resize(size_t(n));
    for (int row = 0; row < n; ++row)
        ix->artist_rank_[size_t(row)] = nameRank[size_t(ix->artist_names_[size_t(row)])];
    const std::vector<quint32> facetRank = rankByFold(s.artistFacets.values);
    ix->artist_order_ = orderByRank(facetRank);
    ix->genre_order_ = orderByRank(rankByFold(s.genres.values));

    // Albums: by name, then by artist, so equal titles of different artists stay apart.
    const std::vector<quint32> albumNameRank = rankByFold(s.albums.values);
    ix->album_order_.resize(size_t(s.albums.values.size()));
    std::iota(ix->album_order_.begin(), ix->album_order_.end(), 0);
    std::vector<int> albumArtist(size_t(s.albums.values.size()), 0);
    for (int row = 0; row < n; ++row)
        albumArtist[size_t(ix->albums_[size_t(row)])] = ix->artists_[size_t(row)];
    std::stable_sort(ix->album_order_.begin(), ix->album_order_.end(), [&](int a, int b) {
        return std::make_pair(albumNameRank[size_t(a)], facetRank[size_t(albumArtist[size_t(a)])]) <
               std::make_pair(albumNameRank[size_t(b)], facetRank[size_t(albumArtist[size_t(b)])]);
    });
    ix->album_rank_.resize(ix->album_order_.size());
    for (size_t i = 0; i < ix->album_order_.size(); ++i)
        ix->album_rank_[size_t(ix->album_order_[i])] = quint32(i);

    const std::vector<quint32> genreTextRank = rankByFold(s.genreTexts.values);
    ix->genre_rank_.resize(size_t(n));
    for (int row = 0; row < n; ++row)
        ix->genre_rank_[size_t(row)] = genreTextRank[size_t(s.genreTextOf[size_t(row)])];

    // Default order: artist, album, disc, track number, title; sorted as one 64-bit key.
    std::vector<std::pair<quint64, quint64>> keys(static_cast<size_t>(n));
    for (int row = 0; row < n; ++row) {
        const size_t r = size_t(row);
        const quint64 high = (quint64(facetRank[size_t(ix->artists_[r])]) << 32) |
                             albumNameRank[size_t(ix->albums_[r])];
        const quint64 low = (quint64(quint16(qBound(0, s.discs[r], 0xffff))) << 48) |
                            (quint64(quint16(qBound(0, s.trackNumbers[r], 0xffff))) << 32) |
                            ix->title_rank_[r];
        keys[r] = {high, low};
    }
    std::vector<int> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return keys[size_t(a)] != keys[size_t(b)] ? keys[size_t(a)] < keys[size_t(b)] : a < b;
    });
    ix->default_rank_.resize(size_t(n));
    for (size_t i = 0; i < order.size(); ++i)
        ix->default_rank_[size_t(order[i])] = quint32(i);
    s_ = std::make_unique<State>();  // the builder is spent; a new one starts empty
    return ix;
}

std::shared_ptr<const LibraryIndex> LibraryIndex::build(const QList<Track>& tracks) {
    Builder builder;
    builder.reserve(int(tracks.size()));
    for (const Track& t : tracks)
        builder.add(t);
    return builder.finish();
}

int LibraryIndex::rowOf(TrackId id) const {
    if (!dense_row_of_.empty())
        return id >= 0 && id < TrackId(dense_row_of_.size()) ? dense_row_of_[size_t(id)] : -1;
    return row_of_.value(id, -1);
}

QString LibraryIndex::genreText(int row) const {
    QString text;
    for (const int* g = genresBegin(row); g != genresEnd(row); ++g) {
        if (!text.isEmpty())
            text.append(QStringLiteral(", "));
        text.append(genre_names_[*g]);
    }
    return text;
}

bool LibraryIndex::hasGenre(int row, int genre) const {
    return std::find(genresBegin(row), genresEnd(row), genre) != genresEnd(row);
}

int LibraryIndex::rowOfFile(const QString& path) const {
    for (int row = 0; row < size(); ++row) {
        if (paths_[row] == path && !isRange(row))
            return row;
    }
    return -1;
}

TrackInfo LibraryIndex::info(int row) const {
    TrackInfo info{id(row),    path(row),       title(row),   artist(row),
                   album(row), durationMs(row), loudness(row)};
    if (const auto range = ranges_.constFind(row); range != ranges_.constEnd()) {
        info.start_ms = range->first;
        info.end_ms = range->second;
    }
    return info;
}

LibraryIndex::PackedLoudness LibraryIndex::pack(const std::optional<Loudness>& loudness) {
    PackedLoudness p;
    if (!loudness)
        return p;
    const auto gain = [](double db) {
        return qint16(std::clamp(std::lround(db * 100.0), -32000L, 32000L));
    };
    const auto peak = [](const std::optional<double>& v) {
        return v ? quint16(std::clamp(std::lround(*v * kPeakUnits), 1L, 65535L)) : quint16(0);
    };
    p.track_gain_cdb = gain(loudness->track_gain_db);
    if (loudness->album_gain_db)
        p.album_gain_cdb = gain(*loudness->album_gain_db);
    p.track_peak = peak(loudness->track_peak);
    p.album_peak = peak(loudness->album_peak);
    return p;
}

std::optional<Loudness> LibraryIndex::loudness(int row) const {
    const PackedLoudness& p = loudness_[size_t(row)];
    if (p.track_gain_cdb == PackedLoudness::kNoGain)
        return std::nullopt;
    const auto peak = [](quint16 v) {
        return v ? std::optional<double>(v / kPeakUnits) : std::nullopt;
    };
    Loudness l;
    l.track_gain_db = p.track_gain_cdb / 100.0;
    l.track_peak = peak(p.track_peak);
    if (p.album_gain_cdb != PackedLoudness::kNoGain)
        l.album_gain_db = p.album_gain_cdb / 100.0;
    l.album_peak = peak(p.album_peak);
    return l;
}

quint32 LibraryIndex::sortKey(Field field, int row) const {
    const size_t r = size_t(row);
    switch (field) {
        case Field::Title:
            return title_rank_[r];
        case Field::Artist:
            return artist_rank_[r];
        case Field::Album:
            return album_rank_[size_t(albums_[r])];
        case Field::Genre:
            return genre_rank_[r];
        case Field::Year:
            return quint32(qMax(0, years_[r]));
        case Field::Duration:
            return quint32(qMax(0, durations_[r]));
        case Field::Default:
            return default_rank_[r];
    }
    return 0;
}

bool LibraryIndex::matches(int row, const QStringList& foldedTerms) const {
    const QStringView text = searchText(row);
    for (const QString& term : foldedTerms) {
        if (!text.contains(term))
            return false;
    }
    return true;
}

}  // namespace encore
