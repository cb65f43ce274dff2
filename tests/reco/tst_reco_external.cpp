// The recommender on real data (../shared/data): the seed reproduction without the leak, the
// regression floor under bench/quality's gates on every Spotify history (the configuration the
// product serves, time split), and two histories through the whole product path (import, snapshot,
// train, serve).

#include "testsupport.h"

#include "listens/import/historyimporter.h"
#include "reco/offlineevaluation.h"
#include "reco/qualitygates.h"
#include "reco/recommender.h"
#include "reco/servingcontext.h"
#include "reco/snapshotreader.h"
#include "reco/trainingpipeline.h"

#include <QSqlQuery>
#include <QTimeZone>
#include <QtTest>

using namespace encore;

namespace {

Result<TrainingData> trainingData(const Database& database) {
    ScopedConnection connection(database, QStringLiteral("external-snapshot"));
    Result<LogSnapshot> snapshot = SnapshotReader(connection.db()).read();
    if (!snapshot)
        return Error{snapshot.error()};
    RecoVocabulary vocabulary;
    return std::move(*TrainingData::build(snapshot.value(), vocabulary));
}

void import(const Database& database, const QString& profile, const QStringList& paths) {
    ScopedConnection connection(database, QStringLiteral("external-import"));
    ImportOptions options;
    options.profile = profile;
    options.skip_invalid = true;
    options.time_zone = QTimeZone::utc();
    const ImportReport report = HistoryImporter(connection.db()).importPaths(paths, options);
    if (!report.ok())
        qFatal("import of %s failed", qPrintable(paths.join(QLatin1Char(' '))));
}

}  // namespace

class TestRecoExternal : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void seedWithoutTheLeakReachesTheTutorial() {
        ENCORE_REQUIRE_SHARED_DATA("seed");
        test::TempDatabase temp;
        const QString seed = test::sharedDataDir(QStringLiteral("seed"));
        import(temp.database, QStringLiteral("seed"),
               {seed + QStringLiteral("/songs.csv"), seed + QStringLiteral("/ratings.csv")});
        Result<TrainingData> data = trainingData(temp.database);
        QVERIFY2(data.ok(), qPrintable(data.error()));
        QCOMPARE(data->plays, qint64(90570));
        EvalSettings settings = EvalSettings::asServed();
        settings.split = EvalSettings::SplitKind::Random;
        settings.train_fraction = 0.8;
        settings.include_blend = false;
        settings.ks = {10, 100};
        const Result<EvalResult> result = evaluateOffline(std::move(data).value(), settings);
        QVERIFY2(result.ok(), qPrintable(result.error()));
        const QualityGate gate = seedGate(result.value(), QStringLiteral("seed"));
        qInfo("%s", qPrintable(gate.line()));
        QVERIFY2(gate.pass(), qPrintable(gate.line()));
    }

    // The regression floor under bench/quality's gates, on every real history: the served blend
    // against most played and against the best single baseline (sr and vsknn included).
    void spotifyHistoriesHoldTheServedFloor() {
        ENCORE_REQUIRE_SHARED_DATA("listens/spotify");
        test::TempDatabase temp;
        const QDir root(test::sharedDataDir(QStringLiteral("listens/spotify")));
        const QStringList people = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QCOMPARE(people.size(), 17);
        for (const QString& person : people)
            import(temp.database, person, {root.filePath(person)});
        Result<TrainingData> data = trainingData(temp.database);
        QVERIFY2(data.ok(), qPrintable(data.error()));
        const Result<EvalResult> result =
            evaluateOffline(std::move(data).value(), EvalSettings::asServed());
        QVERIFY2(result.ok(), qPrintable(result.error()));
        const std::vector<QualityGate> gates = servedFloorGates(result.value());
        QCOMPARE(gates.size(), size_t(2));
        for (const QualityGate& gate : gates) {
            qInfo("%s", qPrintable(gate.line()));
            QVERIFY2(gate.pass(), qPrintable(gate.line()));
        }
    }

    void spotifyHistoriesServeWithReasons() {
        ENCORE_REQUIRE_SHARED_DATA("listens/spotify");
        test::TempDatabase temp;
        const QString root = test::sharedDataDir(QStringLiteral("listens/spotify"));
        const QStringList people = {QStringLiteral("katarzynajanicka__my-spotify-streaming-habits"),
                                    QStringLiteral("vnegi10__Spotify_data_analysis")};
        for (const QString& person : people)
            import(temp.database, person, {root + QLatin1Char('/') + person});
        RecoSettings settings;
        settings.checkpoint_path = temp.dir.filePath(QStringLiteral("recommender.ckpt"));
        TrainingPipeline pipeline(temp.database, settings, QStringLiteral("external-pipeline"));
        const Result<TrainingPipeline::Outcome> outcome =
            pipeline.run(TrainingPipeline::Mode::Train);
        QVERIFY2(outcome.ok(), qPrintable(outcome.error()));
        const PublishedModel& m = *outcome->model;
        QCOMPARE(m.status.state, RecoStatus::State::Ready);
        qInfo(
            "2 Spotify histories, %lld plays: held-out HR@10 model %.3f, blend %.3f, "
            "most played %.3f (%s serves)",
            m.status.plays, m.status.hr10_model, m.status.hr10_blend, m.status.hr10_popular,
            qPrintable(m.method));
        QVERIFY(m.status.hr10_blend > 2 * m.status.hr10_popular);
        // Spotify tracks have no files: nothing is playable, so nothing is recommended...
        ScopedConnection connection(temp.database, QStringLiteral("external-serve"));
        RecommendRequest request;
        request.profile = m.vocabulary.profileId(m.vocabulary.profileCount() - 1);
        {
            // As if the anchor of the profile's most repeated transition were playing.
            QSqlQuery q(connection.db());
            q.prepare(QStringLiteral(
                "WITH l AS (SELECT profile_id, track_id, counted, LAG(track_id) OVER ("
                "PARTITION BY profile_id, session_id ORDER BY started_at, id) AS prev FROM plays "
                "WHERE counted = 1 OR end_reason = 'skipped') SELECT prev FROM l WHERE "
                "counted = 1 AND prev IS NOT NULL AND profile_id = ? GROUP BY prev, track_id "
                "ORDER BY count(*) DESC LIMIT 1"));
            q.addBindValue(request.profile);
            QVERIFY(q.exec() && q.next());
            request.current_track = q.value(0).toLongLong();
        }
        const Result<ServingContext> context = ServingContext::read(connection.db(), request);
        QVERIFY(context.ok());
        QVERIFY(context->current_track > 0);
        QVERIFY(Recommender::recommendNext(m, context.value(), 10).isEmpty());
        // ...unless tracks known only from history are asked for: then with true reasons.
        const QList<Recommendation> all = Recommender::recommendNext(m, context.value(), 50, false);
        QCOMPARE(all.size(), 50);
        int played_after = 0;
        for (const Recommendation& r : all) {
            QVERIFY(!r.reason.isEmpty());
            QVERIFY(r.track_id != context->current_track);
            if (r.reason_kind != ReasonKind::PlayedAfter)
                continue;
            ++played_after;
            // The same count in SQL: plays whose previous play-or-skip in the session is the
            // named track (short "stopped" listens are neither), this profile or everyone.
            const QString sql = QStringLiteral(
                "WITH l AS (SELECT profile_id, track_id, counted, LAG(track_id) OVER ("
                "PARTITION BY profile_id, session_id ORDER BY started_at, id) AS prev FROM plays "
                "WHERE counted = 1 OR end_reason = 'skipped') "
                "SELECT count(*) FROM l WHERE counted = 1 AND track_id = ? AND prev = ? %1");
            auto count = [&](bool mine) {
                QSqlQuery q(connection.db());
                q.prepare(sql.arg(mine ? QStringLiteral("AND profile_id = ?") : QString()));
                q.addBindValue(r.track_id);
                q.addBindValue(r.reason_track_id);
                if (mine)
                    q.addBindValue(request.profile);
                return q.exec() && q.next() ? q.value(0).toInt() : -1;
            };
            const int mine = count(true);
            QCOMPARE(r.reason_count, mine >= Recommender::kMinTimesAfter ? mine : count(false));
            QVERIFY(r.reason_count >= Recommender::kMinTimesAfter);
        }
        QVERIFY(played_after > 0);
    }
};

QTEST_GUILESS_MAIN(TestRecoExternal)
#include "tst_reco_external.moc"
