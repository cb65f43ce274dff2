#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace encore {

// Where the fields of a scrobble CSV are: found from its header (any order, any case) or,
// for lastfm-to-csv files without one, from the shape of the first row.
struct CsvColumns {
    int time = -1;
    int artist = -1;
    int title = -1;
    int album = -1;
    // Encore's own export adds these; re-importing it keeps them.
    int ms_played = -1;
    int duration_ms = -1;
    int end_reason = -1;
    int counted = -1;
    int shuffle = -1;
    int utc_offset = -1;
    bool has_header = true;
    QString dialect;  // lastfm-csv, librefm-csv, spinitron-csv, encore-csv, scrobble-csv

    int widest() const;

    // A header row naming at least a time, an artist and a title column.
    static std::optional<CsvColumns> fromHeader(const QStringList& fields);
    // A lastfm-to-csv row without header: artist, album, track, "19 Sep 2024 11:25".
    static std::optional<CsvColumns> headerlessLastfm(const QStringList& fields);
    // Comment lines before or inside the data ('#', or '+ACM-' from Libre.fm's UTF-7).
    static bool isComment(const QStringList& fields);
};

}  // namespace encore
