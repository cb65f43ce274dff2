#include "command.h"
#include "listenscli.h"

#include "store/playlog.h"
#include "store/profilestore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace encore::cli {

namespace {

void define(QCommandLineParser& parser) {
    parser.setApplicationDescription(QStringLiteral(
        "Lists the listening log of a profile, newest first: local time, how it ended, time "
        "heard, artist, title, album. Dates are local (2024-05-01, 2024-05-01T18:30) unless "
        "they carry Z or an offset; --until DATE includes that whole day."));
    parser.addOption({QStringLiteral("since"), QStringLiteral("Only listens from DATE on."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("until"), QStringLiteral("Only listens before DATE."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("track"), QStringLiteral("Only listens of track ID."),
                      QStringLiteral("ID")});
    parser.addOption(
        {QStringLiteral("limit"), QStringLiteral("At most N listens."), QStringLiteral("N")});
    parser.addOption(
        {QStringLiteral("plays-only"),
         QStringLiteral("Only listens that count as plays (no skips or short ones).")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON array.")});
}

QJsonObject toJson(const PlayRecord& r) {
    const Play& p = r.play;
    QJsonObject o{
        {QStringLiteral("id"), p.id},
        {QStringLiteral("started_at"),
         QDateTime::fromSecsSinceEpoch(p.started_at, Qt::UTC).toString(Qt::ISODate)},
        {QStringLiteral("local_time"), localTimeText(p.started_at, p.utc_offset_minutes)},
        {QStringLiteral("utc_offset_minutes"), p.utc_offset_minutes},
        {QStringLiteral("track_id"), p.track_id},
        {QStringLiteral("artist"), r.artist},
        {QStringLiteral("title"), r.title},
        {QStringLiteral("album"), r.album},
        {QStringLiteral("in_library"), r.has_file},
        {QStringLiteral("end_reason"), endReasonName(p.end_reason)},
        {QStringLiteral("counted"), p.counted},
        {QStringLiteral("session_id"), p.session_id},
        {QStringLiteral("source"),
         p.import_id > 0 ? QStringLiteral("import:%1").arg(p.import_id) : QStringLiteral("local")},
        {QStringLiteral("profile"), r.profile_name},
    };
    o.insert(QStringLiteral("ms_played"),
             p.ms_played >= 0 ? QJsonValue(p.ms_played) : QJsonValue());
    o.insert(QStringLiteral("duration_ms"),
             p.duration_ms > 0 ? QJsonValue(p.duration_ms) : QJsonValue());
    o.insert(QStringLiteral("shuffle"), p.shuffle ? QJsonValue(*p.shuffle) : QJsonValue());
    o.insert(QStringLiteral("previous_track_id"),
             p.previous_track_id > 0 ? QJsonValue(p.previous_track_id) : QJsonValue());
    if (p.rating > 0)
        o.insert(QStringLiteral("rating"), p.rating);
    return o;
}

int run(CommandContext& c) {
    if (c.parser.positionalArguments().size() > 1)
        return usageError(c, QStringLiteral("plays takes no arguments."));
    PlayQuery query;
    int code = kExitOk;
    if (!readTimeOption(c, QStringLiteral("since"), false, query.since, code) ||
        !readTimeOption(c, QStringLiteral("until"), true, query.until, code))
        return code;
    if (!readTrackOption(c, query.track_id, code))
        return code;
    if (c.parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        query.limit = c.parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || query.limit < 0)
            return usageError(c, QStringLiteral("--limit needs a number >= 0."));
    }
    query.counted_only = c.parser.isSet(QStringLiteral("plays-only"));
    const Database database = c.database();
    const Status migrated = database.migrate();
    if (!migrated)
        return fail(c, migrated.error());
    ScopedConnection connection(database, QStringLiteral("encore-cli-plays"));
    if (!connection.ok())
        return fail(c, connection.error());
    const Result<Profile> profile = ProfileStore(connection.db()).find(c.profile());
    if (!profile)
        return fail(c, profile.error());
    query.profile_id = profile->id;

    const bool json = c.parser.isSet(QStringLiteral("json"));
    qint64 shown = 0;
    if (json)
        c.out << "[";
    const Status status = PlayLog(connection.db()).forEach(query, [&](const PlayRecord& r) {
        if (json) {
            c.out << (shown > 0 ? ",\n" : "\n")
                  << QJsonDocument(toJson(r)).toJson(QJsonDocument::Compact);
        } else {
            const Play& p = r.play;
            c.out << localTimeText(p.started_at, p.utc_offset_minutes) << '\t'
                  << endReasonName(p.end_reason) << '\t'
                  << (p.ms_played >= 0 ? minutesSeconds(p.ms_played) : QStringLiteral("-")) << '\t'
                  << r.artist << '\t' << r.title << '\t' << r.album
                  << (r.has_file ? "" : "\t(not in library)") << '\n';
        }
        ++shown;
        return true;
    });
    if (json)
        c.out << "\n]\n";
    if (!status)
        return fail(c, status.error());
    if (!json)
        c.err << shown << " listens of profile \"" << profile->name << "\"\n";
    return kExitOk;
}

}  // namespace

Command playsCommand() {
    return {"plays", "List the listening log.", define, run};
}

}  // namespace encore::cli
