#include "command.h"
#include "listenscli.h"

#include "stats/load/statsdataloader.h"
#include "stats/output/reportjson.h"
#include "stats/output/reporttext.h"
#include "stats/statscalculator.h"
#include "store/profilestore.h"

#include <QJsonDocument>

namespace encore::cli {

namespace {

constexpr int kMaxTop = 1000;

void define(QCommandLineParser& parser) {
    parser.setApplicationDescription(QStringLiteral(
        "Listening statistics of a profile (or of every profile): genres by plays, time and "
        "tracks; genre vs popularity; what makes a song popular; when you listen (local time); "
        "top artists, albums and tracks; streaks; discovery; forgotten favourites; skip rates. "
        "Dates are local (2024-05-01) unless they carry Z or an offset; --until DATE includes "
        "that whole day."));
    parser.addOption({QStringLiteral("since"), QStringLiteral("Only listens from DATE on."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("until"), QStringLiteral("Only listens before DATE."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("all-profiles"),
                      QStringLiteral("Every profile together (instead of --profile).")});
    parser.addOption({QStringLiteral("top"),
                      QStringLiteral("Entries in each top list (default 10)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("now"),
                      QStringLiteral("Measure streaks and forgotten favourites against DATE "
                                     "instead of now."),
                      QStringLiteral("DATE")});
    parser.addOption(
        {QStringLiteral("json"), QStringLiteral("Print one JSON document with every statistic.")});
}

int run(CommandContext& c) {
    if (c.parser.positionalArguments().size() > 1)
        return usageError(c, QStringLiteral("stats takes no arguments."));
    stats::StatsQuery query;
    int code = kExitOk;
    std::optional<qint64> now;
    if (!readTimeOption(c, QStringLiteral("since"), false, query.since, code) ||
        !readTimeOption(c, QStringLiteral("until"), true, query.until, code) ||
        !readTimeOption(c, QStringLiteral("now"), false, now, code))
        return code;
    if (query.since && query.until && *query.until <= *query.since)
        return usageError(c, QStringLiteral("--until must be after --since."));
    query.now_seconds = now.value_or(0);
    const bool all = c.parser.isSet(QStringLiteral("all-profiles"));
    if (all && !c.profile().isEmpty())
        return usageError(c, QStringLiteral("Give either --profile NAME or --all-profiles."));
    if (c.parser.isSet(QStringLiteral("top"))) {
        bool ok = false;
        const int top = c.parser.value(QStringLiteral("top")).toInt(&ok);
        if (!ok || top < 1 || top > kMaxTop)
            return usageError(c, QStringLiteral("--top needs a number from 1 to %1.").arg(kMaxTop));
        query.options.top_count = static_cast<std::size_t>(top);
    }

    const Database database = c.database();
    const Status migrated = database.migrate();
    if (!migrated)
        return fail(c, migrated.error());
    ScopedConnection connection(database, QStringLiteral("encore-cli-stats"));
    if (!connection.ok())
        return fail(c, connection.error());
    if (!all) {
        const Result<Profile> profile = ProfileStore(connection.db()).find(c.profile());
        if (!profile)
            return fail(c, profile.error());
        query.profile_id = profile->id;
    }
    stats::StatsDataLoader loader(database);
    const Status loaded = loader.refresh(connection.db());
    if (!loaded)
        return fail(c, loaded.error());
    const stats::StatsReport report = stats::computeStats(loader.data(), query);
    if (c.parser.isSet(QStringLiteral("json")))
        c.out << QJsonDocument(stats::reportToJson(report)).toJson(QJsonDocument::Indented);
    else
        c.out << stats::reportToText(report);
    return kExitOk;
}

}  // namespace

Command statsCommand() {
    return {"stats", "Listening statistics (genres, time patterns, popularity, top lists).", define,
            run};
}

}  // namespace encore::cli
