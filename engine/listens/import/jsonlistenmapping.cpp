#include "listens/import/jsonlistenmapping.h"

#include "listens/import/timeparse.h"

#include <QJsonArray>

#include <cmath>

namespace encore {

namespace {

QString missing(const QString& field) {
    return QStringLiteral("\"%1\" is missing").arg(field);
}

QString empty(const QString& field) {
    return QStringLiteral("\"%1\" is empty").arg(field);
}

// A number that some exports write as a string. Past 1e15 (milliseconds since 1970 are 1.7e12)
// it is no time or duration, and its milliseconds or sums would overflow qint64 (fuzzing).
std::optional<qint64> integer(const QJsonValue& value) {
    constexpr double kLargest = 1e15;
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (!std::isfinite(d) || std::fabs(d) >= kLargest)
            return std::nullopt;
        return qint64(d);
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 parsed = value.toString().trimmed().toLongLong(&ok);
        if (ok && std::fabs(double(parsed)) < kLargest)
            return parsed;
    }
    return std::nullopt;
}

std::optional<bool> boolean(const QJsonValue& value) {
    if (value.isBool())
        return value.toBool();
    return std::nullopt;
}

// Spotify's reason_end in the player's terms.
EndCause spotifyCause(const QString& reasonEnd) {
    if (reasonEnd == QLatin1String("trackdone"))
        return EndCause::Finished;
    if (reasonEnd == QLatin1String("fwdbtn") || reasonEnd == QLatin1String("backbtn") ||
        reasonEnd == QLatin1String("clickrow") || reasonEnd == QLatin1String("clickside") ||
        reasonEnd == QLatin1String("playbtn") || reasonEnd == QLatin1String("popup") ||
        reasonEnd == QLatin1String("appload"))
        return EndCause::UserChange;
    if (reasonEnd == QLatin1String("endplay") || reasonEnd == QLatin1String("logout") ||
        reasonEnd == QLatin1String("remote") ||
        reasonEnd == QLatin1String("unexpected-exit-while-paused"))
        return EndCause::Stop;
    if (reasonEnd == QLatin1String("trackerror") || reasonEnd == QLatin1String("unexpected-exit"))
        return EndCause::Error;
    return EndCause::Unknown;
}

MappedRecord spotifyBasic(const QJsonObject& r, ImportedListen& l, QString& problem) {
    const QJsonValue track = r.value(QLatin1String("trackName"));
    if (!track.isString() || track.toString().isEmpty()) {
        if (r.contains(QLatin1String("episodeName")) || r.contains(QLatin1String("podcastName")))
            return MappedRecord::NotMusic;
        problem = missing(QStringLiteral("trackName"));
        return MappedRecord::Invalid;
    }
    const QJsonValue end = r.value(QLatin1String("endTime"));
    if (!end.isString()) {
        problem = missing(QStringLiteral("endTime"));
        return MappedRecord::Invalid;
    }
    const auto ended = timeparse::iso(end.toString());
    if (!ended) {
        problem = QStringLiteral("\"endTime\" is \"%1\", not a time like \"2021-03-11 17:34\"")
                      .arg(end.toString());
        return MappedRecord::Invalid;
    }
    const auto ms = integer(r.value(QLatin1String("msPlayed")));
    if (!ms) {
        problem = missing(QStringLiteral("msPlayed"));
        return MappedRecord::Invalid;
    }
    if (*ms < 0) {
        problem = QStringLiteral("\"msPlayed\" is negative (%1)").arg(*ms);
        return MappedRecord::Invalid;
    }
    l.artist = r.value(QLatin1String("artistName")).toString();
    l.title = track.toString();
    l.ms_played = *ms;
    // endTime is when the play ended.
    l.started_at = (ended->utc_seconds * 1000 - *ms) / 1000;
    return MappedRecord::Listen;
}

MappedRecord spotifyExtended(const QJsonObject& r, ImportedListen& l, QString& problem) {
    const QJsonValue track = r.value(QLatin1String("master_metadata_track_name"));
    if (!track.isString() || track.toString().isEmpty())
        return MappedRecord::NotMusic;  // podcast episode, audiobook, or a track Spotify lost
    if (r.value(QLatin1String("incognito_mode")).toBool())
        return MappedRecord::Private;
    const QJsonValue ts = r.value(QLatin1String("ts"));
    if (!ts.isString()) {
        problem = missing(QStringLiteral("ts"));
        return MappedRecord::Invalid;
    }
    const auto ended = timeparse::iso(ts.toString());
    if (!ended) {
        problem = QStringLiteral("\"ts\" is \"%1\", not a time like \"2013-03-14T10:44:25Z\"")
                      .arg(ts.toString());
        return MappedRecord::Invalid;
    }
    const auto ms = integer(r.value(QLatin1String("ms_played")));
    if (!ms) {
        problem = missing(QStringLiteral("ms_played"));
        return MappedRecord::Invalid;
    }
    if (*ms < 0) {
        problem = QStringLiteral("\"ms_played\" is negative (%1)").arg(*ms);
        return MappedRecord::Invalid;
    }
    l.artist = r.value(QLatin1String("master_metadata_album_artist_name")).toString();
    l.title = track.toString();
    l.album = r.value(QLatin1String("master_metadata_album_album_name")).toString();
    l.ms_played = *ms;
    l.started_at = (ended->utc_seconds * 1000 - *ms) / 1000;  // ts is the end of the play
    l.cause = spotifyCause(r.value(QLatin1String("reason_end")).toString());
    if (r.value(QLatin1String("skipped")).toBool())
        l.cause = EndCause::UserChange;
    l.shuffle = boolean(r.value(QLatin1String("shuffle")));
    return MappedRecord::Listen;
}

MappedRecord spotifyRecentlyPlayed(const QJsonObject& r, ImportedListen& l, QString& problem) {
    const auto played = timeparse::iso(r.value(QLatin1String("played_at")).toString());
    if (!played) {
        problem = missing(QStringLiteral("played_at"));
        return MappedRecord::Invalid;
    }
    const QJsonObject track = r.value(QLatin1String("track")).toObject();
    l.title = track.value(QLatin1String("name")).toString();
    l.artist = track.value(QLatin1String("artists"))
                   .toArray()
                   .at(0)
                   .toObject()
                   .value(QLatin1String("name"))
                   .toString();
    l.album =
        track.value(QLatin1String("album")).toObject().value(QLatin1String("name")).toString();
    l.duration_ms = int(integer(track.value(QLatin1String("duration_ms"))).value_or(0));
    l.started_at = played->utc_seconds;
    l.scrobble = true;  // Spotify lists a track here once it played for 30 s
    return MappedRecord::Listen;
}

MappedRecord listenBrainz(const QJsonObject& r, ImportedListen& l, QString& problem) {
    const auto listened = integer(r.value(QLatin1String("listened_at")));
    if (!listened) {
        problem = missing(QStringLiteral("listened_at"));
        return MappedRecord::Invalid;
    }
    if (!r.value(QLatin1String("track_metadata")).isObject()) {
        problem = missing(QStringLiteral("track_metadata"));
        return MappedRecord::Invalid;
    }
    const QJsonObject meta = r.value(QLatin1String("track_metadata")).toObject();
    l.artist = meta.value(QLatin1String("artist_name")).toString();
    l.title = meta.value(QLatin1String("track_name")).toString();
    l.album = meta.value(QLatin1String("release_name")).toString();
    if (l.title.trimmed().isEmpty()) {
        problem = empty(QStringLiteral("track_name"));
        return MappedRecord::Invalid;
    }
    l.started_at = *listened;
    l.scrobble = true;
    const QJsonObject info = meta.value(QLatin1String("additional_info")).toObject();
    if (const auto duration = integer(info.value(QLatin1String("duration_ms"))))
        l.duration_ms = int(*duration);
    else if (const auto seconds = integer(info.value(QLatin1String("duration"))))
        l.duration_ms = int(*seconds * 1000);
    // Encore's own export: keep what the log knew.
    if (const auto ms = integer(info.value(QLatin1String("ms_played"))))
        l.ms_played = *ms;
    if (const auto reason =
            endReasonFromName(info.value(QLatin1String("encore_end_reason")).toString()))
        l.exact_reason = reason;
    l.exact_counted = boolean(info.value(QLatin1String("encore_counted")));
    l.shuffle = boolean(info.value(QLatin1String("encore_shuffle")));
    if (const auto offset = integer(info.value(QLatin1String("encore_utc_offset_minutes"))))
        l.utc_offset_minutes = int(*offset);
    return MappedRecord::Listen;
}

MappedRecord maloja(const QJsonObject& r, ImportedListen& l, QString& problem) {
    const auto time = integer(r.value(QLatin1String("time")));
    if (!time) {
        problem = missing(QStringLiteral("time"));
        return MappedRecord::Invalid;
    }
    const QJsonObject track = r.value(QLatin1String("track")).toObject();
    const QJsonArray artists = track.value(QLatin1String("artists")).toArray();
    if (artists.isEmpty()) {
        problem = QStringLiteral("\"track.artists\" is missing or empty");
        return MappedRecord::Invalid;
    }
    QStringList names;
    for (const QJsonValue& a : artists)
        names << a.toString();
    l.artist = names.join(QStringLiteral(", "));
    l.title = track.value(QLatin1String("title")).toString();
    if (l.title.trimmed().isEmpty()) {
        problem = missing(QStringLiteral("track.title"));
        return MappedRecord::Invalid;
    }
    l.album = track.value(QLatin1String("album"))
                  .toObject()
                  .value(QLatin1String("albumtitle"))
                  .toString();
    if (const auto length = integer(track.value(QLatin1String("length"))))
        l.duration_ms = int(*length * 1000);
    if (const auto played = integer(r.value(QLatin1String("duration"))))
        l.ms_played = *played * 1000;
    l.started_at = *time;
    l.scrobble = true;
    return MappedRecord::Listen;
}

MappedRecord panoScrobbler(const QJsonObject& r, ImportedListen& l, QString& problem) {
    const QString event = r.value(QLatin1String("event")).toString();
    if (!event.isEmpty() && event != QLatin1String("scrobble"))
        return MappedRecord::NotMusic;  // loves, now-playing notices
    const auto timeMs = integer(r.value(QLatin1String("timeMs")));
    if (!timeMs) {
        problem = missing(QStringLiteral("timeMs"));
        return MappedRecord::Invalid;
    }
    l.artist = r.value(QLatin1String("artist")).toString();
    l.title = r.value(QLatin1String("track")).toString();
    l.album = r.value(QLatin1String("album")).toString();
    if (l.title.trimmed().isEmpty()) {
        problem = empty(QStringLiteral("track"));
        return MappedRecord::Invalid;
    }
    l.duration_ms = int(integer(r.value(QLatin1String("durationMs"))).value_or(0));
    l.started_at = *timeMs / 1000;
    l.scrobble = true;
    return MappedRecord::Listen;
}

}  // namespace

MappedRecord mapJsonRecord(HistoryFormat format, const QJsonObject& record, ImportedListen& listen,
                           QString& problem) {
    listen = ImportedListen();
    switch (format) {
        case HistoryFormat::SpotifyBasic:
            return spotifyBasic(record, listen, problem);
        case HistoryFormat::SpotifyExtended:
            return spotifyExtended(record, listen, problem);
        case HistoryFormat::SpotifyRecentlyPlayed:
            return spotifyRecentlyPlayed(record, listen, problem);
        case HistoryFormat::ListenBrainzLines:
        case HistoryFormat::ListenBrainzJson:
            return listenBrainz(record, listen, problem);
        case HistoryFormat::Maloja:
            return maloja(record, listen, problem);
        case HistoryFormat::PanoScrobbler:
            return panoScrobbler(record, listen, problem);
        default:
            problem = QStringLiteral("this format is not JSON");
            return MappedRecord::Invalid;
    }
}

}  // namespace encore
