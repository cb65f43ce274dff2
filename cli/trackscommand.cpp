#include "command.h"

#include "store/trackstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace encore::cli {

namespace {

void define(QCommandLineParser& parser) {
    parser.setApplicationDescription(QStringLiteral("Lists the tracks of the library."));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON array.")});
    parser.addOption({QStringLiteral("where"),
                      QStringLiteral("Only tracks whose title, artist, album or genre contains "
                                     "TEXT (case-insensitive)."),
                      QStringLiteral("TEXT")});
    parser.addOption(
        {QStringLiteral("all"), QStringLiteral("Include tracks whose files are unavailable.")});
    parser.addOption(
        {QStringLiteral("limit"), QStringLiteral("At most N tracks."), QStringLiteral("N")});
}

QJsonObject toJson(const Track& t) {
    QJsonObject json{
        {QStringLiteral("id"), t.id},
        {QStringLiteral("path"), t.path},
        {QStringLiteral("title"), t.tags.title},
        {QStringLiteral("artist"), t.tags.artist},
        {QStringLiteral("album"), t.tags.album},
        {QStringLiteral("album_artist"), t.tags.album_artist},
        {QStringLiteral("genres"), QJsonArray::fromStringList(t.tags.genres)},
        {QStringLiteral("year"), t.tags.year},
        {QStringLiteral("track_no"), t.tags.track_no},
        {QStringLiteral("disc_no"), t.tags.disc_no},
        {QStringLiteral("duration_ms"), t.tags.duration_ms},
        {QStringLiteral("bitrate"), t.tags.bitrate_kbps},
        {QStringLiteral("sample_rate"), t.tags.sample_rate},
        {QStringLiteral("channels"), t.tags.channels},
        {QStringLiteral("codec"), t.tags.codec},
        {QStringLiteral("has_cover"), t.tags.has_cover},
        {QStringLiteral("available"), t.available},
    };
    if (t.range) {  // a CUE sheet's track: where its audio is
        json.insert(QStringLiteral("cue_sheet"), t.range->sheet_path);
        json.insert(QStringLiteral("audio_path"), t.range->audio_path);
        json.insert(QStringLiteral("start_ms"), t.range->start_ms);
        json.insert(QStringLiteral("end_ms"), t.range->end_ms);
    }
    return json;
}

QString duration(int ms) {
    const int seconds = ms / 1000;
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

int run(CommandContext& c) {
    if (c.parser.positionalArguments().size() > 1)
        return usageError(c, QStringLiteral("tracks takes no arguments."));
    TrackQuery query;
    query.text = c.parser.value(QStringLiteral("where"));
    query.include_unavailable = c.parser.isSet(QStringLiteral("all"));
    if (c.parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        query.limit = c.parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || query.limit < 0)
            return usageError(c, QStringLiteral("--limit needs a number >= 0."));
    }
    const Database database = c.database();
    const Status migrated = database.migrate();
    if (!migrated)
        return fail(c, migrated.error());
    ScopedConnection connection(database, QStringLiteral("encore-cli-tracks"));
    if (!connection.ok())
        return fail(c, connection.error());
    TrackStore store(connection.db());
    const Result<QList<Track>> tracks = store.tracks(query);
    if (!tracks)
        return fail(c, tracks.error());

    if (c.parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Track& t : tracks.value())
            array.append(toJson(t));
        c.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return kExitOk;
    }
    for (const Track& t : tracks.value()) {
        c.out << t.id << '\t' << t.tags.artist << '\t' << t.tags.album << '\t' << t.tags.title
              << '\t' << duration(t.tags.duration_ms) << '\t'
              << t.tags.genres.join(QStringLiteral("; ")) << (t.available ? "" : "\t(unavailable)")
              << '\n';
    }
    c.err << tracks->size() << " tracks\n";
    return kExitOk;
}

}  // namespace

Command tracksCommand() {
    return {"tracks", "List the library's tracks.", define, run};
}

}  // namespace encore::cli
