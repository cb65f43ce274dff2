#include "listens/import/seedsongreader.h"

namespace encore {

SeedSongReader::SeedSongReader(QIODevice& device, QString displayName)
    : name_(std::move(displayName)), reader_(device, name_) {}

int SeedSongReader::yearOf(const QString& releaseDate) {
    const QString yy = releaseDate.section(QLatin1Char('-'), 2, 2).trimmed();
    bool ok = false;
    const int year = yy.toInt(&ok);
    if (!ok)
        return 0;
    if (yy.size() == 4)
        return year;
    return year >= 30 ? 1900 + year : 2000 + year;  // MovieLens dates run 1922..1998
}

Result<bool> SeedSongReader::next(SeedSong& song) {
    QStringList fields;
    if (!header_read_) {
        const Result<bool> got = reader_.next(fields);
        if (!got)
            return Error{got.error()};
        if (!got.value() || fields.size() <= kFixedColumns ||
            fields.value(0).trimmed().toLower() != QLatin1String("song id")) {
            return Error{QStringLiteral("%1 line 1: expected the seed header \"song id,song "
                                        "title,release date,...\". Nothing from it was imported.")
                             .arg(name_)};
        }
        genre_names_ = fields.mid(kFixedColumns);
        header_read_ = true;
    }
    const Result<bool> got = reader_.next(fields);
    if (!got)
        return Error{got.error()};
    if (!got.value())
        return false;
    bool ok = false;
    song = SeedSong();
    song.id = fields.value(0).trimmed().toLongLong(&ok);
    if (!ok || song.id <= 0 || fields.size() != kFixedColumns + genre_names_.size()) {
        return Error{QStringLiteral("%1 line %2: expected a song id and %3 fields. Nothing from "
                                    "it was imported.")
                         .arg(name_)
                         .arg(reader_.recordLine())
                         .arg(kFixedColumns + genre_names_.size())};
    }
    song.title = fields.value(1).trimmed();
    song.year = yearOf(fields.value(2));
    for (int i = 0; i < genre_names_.size(); ++i) {
        const QString& name = genre_names_[i];
        if (fields[kFixedColumns + i].trimmed() == QLatin1String("1") &&
            name.compare(QLatin1String("unknown"), Qt::CaseInsensitive) != 0)
            song.genres << name.trimmed();
    }
    return true;
}

}  // namespace encore
