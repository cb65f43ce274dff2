#include "command.h"
#include "listenscli.h"
#include "recocli.h"

#include "reco/recommender.h"
#include "reco/recoservice.h"
#include "reco/servingcontext.h"
#include "reco/trainingpipeline.h"
#include "store/profilestore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace encore::cli {

namespace {

void define(QCommandLineParser& parser) {
    parser.setApplicationDescription(QStringLiteral(
        "Prints \"recommended next\" for a profile (--profile, default the active one), each "
        "with the reason it was picked. Uses the recommender's checkpoint next to the "
        "database; without one it trains first (seconds to a minute)."));
    parser.addOption({QStringLiteral("after"),
                      QStringLiteral("As if track ID were playing (default: the last played)."),
                      QStringLiteral("TRACK_ID")});
    parser.addOption({QStringLiteral("at"),
                      QStringLiteral("As if it were TIME (2024-05-01T18:30, or unix seconds)."),
                      QStringLiteral("TIME")});
    parser.addOption(
        {QStringLiteral("count"), QStringLiteral("How many (default 10)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("retrain"), QStringLiteral("Retrain before answering.")});
    parser.addOption({QStringLiteral("all"),
                      QStringLiteral("Also tracks without a playable file (known from history).")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON array.")});
}

QString reasonKindName(ReasonKind kind) {
    switch (kind) {
        case ReasonKind::PlayedAfter:
            return QStringLiteral("played_after");
        case ReasonKind::SameArtistToday:
            return QStringLiteral("same_artist_today");
        case ReasonKind::CloseToFavourite:
            return QStringLiteral("close_to_favourite");
        case ReasonKind::GenreAtTime:
            return QStringLiteral("genre_at_time");
        case ReasonKind::Favourite:
            return QStringLiteral("favourite");
        case ReasonKind::SameArtist:
            return QStringLiteral("same_artist");
        case ReasonKind::SharedGenre:
            return QStringLiteral("shared_genre");
        case ReasonKind::SimilarListening:
            return QStringLiteral("similar_listening");
        case ReasonKind::Popular:
            return QStringLiteral("popular");
        case ReasonKind::NewInLibrary:
            return QStringLiteral("new_in_library");
    }
    return QString();
}

bool readCount(CommandContext& c, int* count, int* exitCode) {
    if (!c.parser.isSet(QStringLiteral("count")))
        return true;
    bool ok = false;
    *count = c.parser.value(QStringLiteral("count")).toInt(&ok);
    if (ok && *count >= 1 && *count <= 1000)
        return true;
    *exitCode = usageError(c, QStringLiteral("--count needs a number from 1 to 1000."));
    return false;
}

int run(CommandContext& c) {
    if (c.parser.positionalArguments().size() > 1)
        return usageError(c, QStringLiteral("recommend takes no arguments (use --after ID)."));
    RecommendRequest request;
    int exitCode = kExitOk;
    if (!readCount(c, &request.count, &exitCode))
        return exitCode;
    if (c.parser.isSet(QStringLiteral("after"))) {
        bool ok = false;
        request.current_track = c.parser.value(QStringLiteral("after")).toLongLong(&ok);
        if (!ok || request.current_track <= 0)
            return usageError(c,
                              QStringLiteral("--after needs a track id (see encore-cli tracks)."));
    }
    std::optional<qint64> at;
    if (!readTimeOption(c, QStringLiteral("at"), false, at, exitCode))
        return exitCode;
    request.now = at.value_or(0);

    const Database database = c.database();
    if (Status migrated = database.migrate(); !migrated)
        return fail(c, migrated.error());
    const Result<PublishedModelPtr> model =
        loadPublishedModel(c, database, c.parser.isSet(QStringLiteral("retrain")));
    if (!model)
        return fail(c, model.error());
    ScopedConnection connection(database, QStringLiteral("encore-cli-recommend"));
    if (!connection.ok())
        return fail(c, connection.error());
    if (!c.profile().isEmpty()) {
        const Result<Profile> profile = ProfileStore(connection.db()).find(c.profile());
        if (!profile)
            return fail(c, profile.error());
        request.profile = profile->id;
    }
    const Result<ServingContext> context = ServingContext::read(connection.db(), request);
    if (!context)
        return fail(c, context.error());
    const bool playable_only = !c.parser.isSet(QStringLiteral("all"));
    printRecommendations(
        c,
        Recommender::recommendNext(*model.value(), context.value(), request.count, playable_only),
        c.parser.isSet(QStringLiteral("json")));
    return kExitOk;
}

}  // namespace

Result<PublishedModelPtr> loadPublishedModel(CommandContext& c, const Database& database,
                                             bool retrain) {
    RecoSettings settings;
    settings.checkpoint_path = RecoService::defaultCheckpointPath(database);
    TrainingPipeline pipeline(database, settings, QStringLiteral("encore-cli-reco"));
    auto progress = [&c](const RecoStatus& s) {
        c.err << s.message << "\n";
        c.err.flush();
    };
    Result<TrainingPipeline::Outcome> outcome =
        pipeline.run(retrain ? TrainingPipeline::Mode::Train : TrainingPipeline::Mode::Publish,
                     nullptr, progress);
    if (!outcome)
        return Error{outcome.error()};
    for (const QString& note : outcome->notes)
        c.err << note << "\n";
    const RecoStatus& s = outcome->model->status;
    c.err << QStringLiteral("Recommended by: %1").arg(s.method);
    if (s.trained_at > 0)
        c.err << QStringLiteral(", trained %1 on %2 plays")
                     .arg(QDateTime::fromSecsSinceEpoch(s.trained_at).toString(Qt::ISODate))
                     .arg(s.plays);
    if (s.hr10_model >= 0.0)
        c.err << QStringLiteral(" (held-out HR@10: model %1, blend %2, most played %3)")
                     .arg(s.hr10_model, 0, 'f', 3)
                     .arg(s.hr10_blend, 0, 'f', 3)
                     .arg(s.hr10_popular, 0, 'f', 3);
    c.err << "\n";
    if (!s.message.isEmpty() && s.state == RecoStatus::State::Baselines)
        c.err << s.message << "\n";
    c.err.flush();
    return outcome->model;
}

void printRecommendations(CommandContext& c, const QList<Recommendation>& list, bool json) {
    if (json) {
        QJsonArray array;
        for (const Recommendation& r : list) {
            array.append(QJsonObject{
                {QStringLiteral("id"), r.track_id},
                {QStringLiteral("artist"), r.artist},
                {QStringLiteral("title"), r.title},
                {QStringLiteral("genres"), QJsonArray::fromStringList(r.genres)},
                {QStringLiteral("score"), double(r.score)},
                {QStringLiteral("reason"), r.reason},
                {QStringLiteral("reason_kind"), reasonKindName(r.reason_kind)},
                {QStringLiteral("reason_track_id"), r.reason_track_id},
                {QStringLiteral("reason_count"), r.reason_count},
            });
        }
        c.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return;
    }
    for (const Recommendation& r : list)
        c.out << r.track_id << '\t' << r.artist << '\t' << r.title << '\t' << r.reason << '\n';
    if (list.isEmpty())
        c.err << "No recommendations: the library has no playable tracks yet (--all also lists "
                 "tracks known only from history).\n";
}

Command recommendCommand() {
    return {"recommend", "Recommended next tracks, with reasons.", define, run};
}

}  // namespace encore::cli
