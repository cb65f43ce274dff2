#include "listens/import/csvcolumns.h"

#include "listens/import/timeparse.h"

#include <initializer_list>

namespace encore {

namespace {

// "Date-time", "date_time", "Date Time" -> "datetime". Any other punctuation means the field
// is not a column name (prose that happens to say `time`, `artist`, `track`).
QString normalise(const QString& name) {
    QString out;
    for (const QChar c : name.trimmed().toLower()) {
        if (c.isLetterOrNumber())
            out.append(c);
        else if (c != QLatin1Char(' ') && c != QLatin1Char('_') && c != QLatin1Char('-'))
            return {};
    }
    return out;
}

bool oneOf(const QString& name, std::initializer_list<const char*> names) {
    for (const char* candidate : names) {
        if (name == QLatin1String(candidate))
            return true;
    }
    return false;
}

}  // namespace

int CsvColumns::widest() const {
    int widest = -1;
    for (int index : {time, artist, title, album, ms_played, duration_ms, end_reason, counted,
                      shuffle, utc_offset})
        widest = qMax(widest, index);
    return widest;
}

bool CsvColumns::isComment(const QStringList& fields) {
    const QString first = fields.value(0).trimmed();
    return first.startsWith(QLatin1Char('#')) || first.startsWith(QLatin1String("+ACM-"));
}

std::optional<CsvColumns> CsvColumns::fromHeader(const QStringList& fields) {
    CsvColumns c;
    QStringList names;
    for (int i = 0; i < fields.size(); ++i) {
        const QString name = normalise(fields[i]);
        names << name;
        auto set = [&](int& column) {
            if (column < 0)
                column = i;
        };
        if (oneOf(name, {"time", "date", "datetime", "timestamp", "utctime", "listenedat",
                         "startedat", "startedatutc", "playedat", "uts", "timeutc"}))
            set(c.time);
        else if (oneOf(name, {"artist", "artistname", "artists", "creator"}))
            set(c.artist);
        else if (oneOf(name,
                       {"track", "title", "song", "songtitle", "trackname", "tracktitle", "name"}))
            set(c.title);
        else if (oneOf(name, {"album", "release", "albumname", "releasename", "albumtitle"}))
            set(c.album);
        else if (name == QLatin1String("msplayed"))
            set(c.ms_played);
        else if (name == QLatin1String("durationms"))
            set(c.duration_ms);
        else if (name == QLatin1String("endreason"))
            set(c.end_reason);
        else if (name == QLatin1String("counted"))
            set(c.counted);
        else if (name == QLatin1String("shuffle"))
            set(c.shuffle);
        else if (name == QLatin1String("utcoffsetminutes"))
            set(c.utc_offset);
    }
    if (c.time < 0 || c.artist < 0 || c.title < 0)
        return std::nullopt;
    if (c.end_reason >= 0)
        c.dialect = QStringLiteral("encore-csv");
    else if (names.contains(QLatin1String("songtitle")) ||
             names.contains(QLatin1String("datetime")))
        c.dialect = fields.value(c.time).contains(QLatin1Char('-'))
                        ? QStringLiteral("spinitron-csv")
                        : QStringLiteral("lastfm-csv");
    else if (names.value(c.time) == QLatin1String("time"))
        c.dialect = QStringLiteral("librefm-csv");
    else
        c.dialect = QStringLiteral("scrobble-csv");
    return c;
}

std::optional<CsvColumns> CsvColumns::headerlessLastfm(const QStringList& fields) {
    if (fields.size() != 4 || !timeparse::lastfm(fields[3]))
        return std::nullopt;
    CsvColumns c;
    c.artist = 0;
    c.album = 1;
    c.title = 2;
    c.time = 3;
    c.has_header = false;
    c.dialect = QStringLiteral("lastfm-csv");
    return c;
}

}  // namespace encore
