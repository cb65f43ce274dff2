#pragma once

#include "core/result.h"
#include "listens/import/csvreader.h"

#include <QStringList>

namespace encore {

// One song of the seed project's songs.csv.
struct SeedSong {
    qint64 id = 0;
    QString title;
    int year = 0;
    QStringList genres;
};

// Reads songs.csv: "song id, song title, release date, video release date, IMDb URL" and one
// 0/1 flag per genre, genres named by the header (the "unknown" flag is no genre).
class SeedSongReader {
public:
    static constexpr int kFixedColumns = 5;

    SeedSongReader(QIODevice& device, QString displayName);

    // True with the next song, false at the end; errors name the file and line.
    Result<bool> next(SeedSong& song);
    qint64 line() const { return reader_.recordLine(); }

    // "1-Jan-95" -> 1995; 0 when empty or malformed.
    static int yearOf(const QString& releaseDate);

private:
    QString name_;
    CsvReader reader_;
    QStringList genre_names_;
    bool header_read_ = false;
};

}  // namespace encore
