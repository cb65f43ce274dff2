#pragma once

#include "core/track.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace encore {

// What playback needs to know about one track, copied out of the index.
struct TrackInfo {
    TrackId id = 0;
    QString path;  // the audio file (a CUE sheet's track: the file its range is in)
    QString title;
    QString artist;
    QString album;
    int duration_ms = 0;
    std::optional<Loudness> loudness;  // from its tags, else from Encore's R128 analysis
    qint64 start_ms = 0;               // a CUE sheet's track: its range of the file
    qint64 end_ms = -1;                // -1: to the end of the file
};

// A read-only snapshot of the library for browsing, built once off the GUI thread:
// struct-of-arrays with interned names, pre-folded search text and precomputed sort ranks,
// so filtering 100,000 rows is one scan of flat strings and sorting compares integers.
// Rows are in the order the tracks were given; facets (artists, albums, genres) have ids.
class LibraryIndex {
public:
    // Fields whose sort key the index precomputes.
    enum class Field { Title, Artist, Album, Genre, Year, Duration, Default };

    // Adds rows one by one (a loader streaming from SQL), then builds the index once.
    class Builder {
    public:
        Builder();
        ~Builder();
        Builder(const Builder&) = delete;
        Builder& operator=(const Builder&) = delete;

        void reserve(int rows);
        // The track's tags; tags.replaygain is its loudness (the loader puts Encore's measure
        // there for an untagged file).
        void add(const Track& track);
        std::shared_ptr<const LibraryIndex> finish();

    private:
        struct State;
        std::unique_ptr<State> s_;
    };

    static std::shared_ptr<const LibraryIndex> build(const QList<Track>& tracks);

    int size() const { return int(ids_.size()); }
    TrackId id(int row) const { return ids_[size_t(row)]; }
    int rowOf(TrackId id) const;

    const QString& title(int row) const { return titles_[row]; }  // file name when untagged
    const QString& artist(int row) const { return names_[artist_names_[size_t(row)]]; }
    const QString& album(int row) const { return album_names_[albums_[size_t(row)]]; }
    // The audio file (for a CUE sheet's track, the file its range is in).
    const QString& path(int row) const { return paths_[row]; }
    bool isRange(int row) const { return ranges_.contains(row); }
    // The row whose track is the whole file at `path` (-1: none; a CUE sheet's file is its
    // tracks, never one). A scan of every row: for the few paths the desktop hands over.
    int rowOfFile(const QString& path) const;
    QString genreText(int row) const;
    int year(int row) const { return years_[size_t(row)]; }
    int durationMs(int row) const { return durations_[size_t(row)]; }
    int trackNumber(int row) const { return track_numbers_[size_t(row)]; }  // 0: unknown
    std::optional<Loudness> loudness(int row) const;
    TrackInfo info(int row) const;

    // Facets: the browser's artist (album artist, else artist), album and genre lists.
    int artistOf(int row) const { return artists_[size_t(row)]; }
    int albumOf(int row) const { return albums_[size_t(row)]; }
    const int* genresBegin(int row) const { return genre_ids_.data() + genre_offsets_[row]; }
    const int* genresEnd(int row) const { return genre_ids_.data() + genre_offsets_[row + 1]; }
    bool hasGenre(int row, int genre) const;

    int artistCount() const { return int(artist_facet_names_.size()); }
    int albumCount() const { return int(album_names_.size()); }
    int genreCount() const { return int(genre_names_.size()); }
    // Empty string: the tag was missing ("Unknown artist" is the UI's word for it).
    const QString& artistName(int artist) const { return artist_facet_names_[artist]; }
    const QString& albumName(int album) const { return album_names_[album]; }
    const QString& albumArtistName(int album) const { return album_artists_[album]; }
    const QString& genreName(int genre) const { return genre_names_[genre]; }
    // Facet ids in display order (folded name; albums by name, then artist).
    const std::vector<int>& artistsInOrder() const { return artist_order_; }
    const std::vector<int>& albumsInOrder() const { return album_order_; }
    const std::vector<int>& genresInOrder() const { return genre_order_; }

    // Sort key of a row for a field (ascending). Default: album artist, album, disc, track.
    quint32 sortKey(Field field, int row) const;

    // Folded text to match against: title, artist, album, album artist and genres.
    QStringView searchText(int row) const {
        return QStringView(search_).mid(
            search_offsets_[size_t(row)],
            search_offsets_[size_t(row) + 1] - search_offsets_[size_t(row)]);
    }
    // Folds a query the same way search text is folded: lowercase, accents dropped,
    // punctuation as one space. Split on spaces, every term must occur.
    static QString foldForSearch(QStringView text);
    static QStringList searchTerms(QStringView query);
    bool matches(int row, const QStringList& foldedTerms) const;

private:
    LibraryIndex() = default;

    std::vector<TrackId> ids_;
    std::vector<int> dense_row_of_;  // id -> row when ids are dense (the usual case)
    QHash<TrackId, int> row_of_;     // otherwise
    QList<QString> titles_;
    QList<QString> paths_;
    QHash<int, std::pair<qint64, qint64>> ranges_;  // row -> CUE track's start, end (few rows)
    QList<QString> names_;                          // interned artist names (track artist display)
    std::vector<int> artist_names_;                 // row -> names_
    std::vector<int> artists_;                      // row -> artist facet
    std::vector<int> albums_;                       // row -> album facet
    std::vector<int> genre_offsets_;                // row -> range in genre_ids_ (size + 1 entries)
    std::vector<int> genre_ids_;
    std::vector<int> years_;
    std::vector<int> durations_;
    std::vector<quint16> track_numbers_;
    // ReplayGain values packed in 8 bytes a row (a million-track library: 8 MB, not 56).
    struct PackedLoudness {
        static constexpr qint16 kNoGain = std::numeric_limits<qint16>::min();
        qint16 track_gain_cdb = kNoGain;  // hundredths of a dB
        qint16 album_gain_cdb = kNoGain;
        quint16 track_peak = 0;  // 1/6000ths of full scale (peaks up to ~10.9); 0: unknown
        quint16 album_peak = 0;
    };
    std::vector<PackedLoudness> loudness_;
    static constexpr double kPeakUnits = 6000.0;
    static PackedLoudness pack(const std::optional<Loudness>& loudness);
    QList<QString> artist_facet_names_;
    QList<QString> album_names_;
    QList<QString> album_artists_;
    QList<QString> genre_names_;
    std::vector<int> artist_order_;
    std::vector<int> album_order_;
    std::vector<int> genre_order_;
    std::vector<quint32> title_rank_;
    std::vector<quint32> artist_rank_;  // rank of the row's track artist
    std::vector<quint32> album_rank_;   // per album facet
    std::vector<quint32> genre_rank_;   // rank of the row's genre text
    std::vector<quint32> default_rank_;
    QString search_;
    std::vector<int> search_offsets_;
};

}  // namespace encore
