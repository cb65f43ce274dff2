#include "command.h"
#include "recocli.h"

#include "reco/recommender.h"

namespace encore::cli {

namespace {

void define(QCommandLineParser& parser) {
    parser.setApplicationDescription(QStringLiteral(
        "Prints the tracks most similar to TRACK_ID (never itself), with reasons. Uses the "
        "recommender's checkpoint next to the database; without one it trains first."));
    parser.addPositionalArgument(QStringLiteral("TRACK_ID"),
                                 QStringLiteral("A track id (see encore-cli tracks)."));
    parser.addOption(
        {QStringLiteral("count"), QStringLiteral("How many (default 10)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("retrain"), QStringLiteral("Retrain before answering.")});
    parser.addOption({QStringLiteral("all"),
                      QStringLiteral("Also tracks without a playable file (known from history).")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON array.")});
}

int run(CommandContext& c) {
    const QStringList args = c.parser.positionalArguments().mid(1);
    bool ok = false;
    const TrackId track = args.size() == 1 ? args[0].toLongLong(&ok) : 0;
    if (!ok || track <= 0)
        return usageError(c, QStringLiteral("similar needs one track id (see encore-cli tracks)."));
    int count = 10;
    if (c.parser.isSet(QStringLiteral("count"))) {
        count = c.parser.value(QStringLiteral("count")).toInt(&ok);
        if (!ok || count < 1 || count > 1000)
            return usageError(c, QStringLiteral("--count needs a number from 1 to 1000."));
    }
    const Database database = c.database();
    if (Status migrated = database.migrate(); !migrated)
        return fail(c, migrated.error());
    const Result<PublishedModelPtr> model =
        loadPublishedModel(c, database, c.parser.isSet(QStringLiteral("retrain")));
    if (!model)
        return fail(c, model.error());
    const Result<QList<Recommendation>> list =
        Recommender::similar(*model.value(), track, count, !c.parser.isSet(QStringLiteral("all")));
    if (!list)
        return fail(c, list.error());
    printRecommendations(c, list.value(), c.parser.isSet(QStringLiteral("json")));
    return kExitOk;
}

}  // namespace

Command similarCommand() {
    return {"similar", "Tracks similar to a track, with reasons.", define, run};
}

}  // namespace encore::cli
