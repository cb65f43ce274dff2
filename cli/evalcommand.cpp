#include "command.h"

#include "reco/offlineevaluation.h"
#include "reco/recosettings.h"
#include "reco/snapshotreader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>

namespace encore::cli {

namespace {

void define(QCommandLineParser& parser) {
    parser.setApplicationDescription(QStringLiteral(
        "Evaluates the recommender offline as the product measures itself: trains on the "
        "training part of the listening log, tunes the blend on the older half of the held-out "
        "listens and ranks each play of the newer half among all tracks, for the two-tower "
        "model, the baselines (popular, user_popular, cooccurrence, content, sr, vsknn) and their "
        "learned blend. "
        "Reports HR@K, NDCG@K and FactorizedTopK top-K accuracy, overall and split into repeat "
        "listens and tracks new to the profile. Nothing held out reaches training or "
        "features."));
    parser.addOption({QStringLiteral("split"),
                      QStringLiteral("time:F holds out the newest (1-F) of every profile's "
                                     "listens; global-time:F holds out every listen after one "
                                     "instant, the F quantile of all listens' times (no profile's "
                                     "later listens reach training); random:F holds out a random "
                                     "(1-F). Default time:0.9."),
                      QStringLiteral("SPLIT")});
    parser.addOption({QStringLiteral("k"),
                      QStringLiteral("Cut-offs, comma-separated (default 1,5,10,50,100)."),
                      QStringLiteral("LIST")});
    parser.addOption({QStringLiteral("json"),
                      QStringLiteral("Also write {\"split\", \"results\": {method: {\"hr@10\", "
                                     "\"ndcg@10\", \"top_100\", ..., the same prefixed "
                                     "repeat_ and new_}}} to FILE (- for stdout)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("epochs"), QStringLiteral("Training epochs (default 4)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("dim"), QStringLiteral("Tower output size (default 32)."),
                      QStringLiteral("D")});
    parser.addOption(
        {QStringLiteral("skip-term"), QStringLiteral("Train with skips as explicit negatives.")});
    parser.addOption({QStringLiteral("id-dropout"),
                      QStringLiteral("Share of track ids the model trains through their content "
                                     "alone (default 0.1)."),
                      QStringLiteral("F")});
    parser.addOption({QStringLiteral("no-identity-skips"),
                      QStringLiteral("Train the model without the towers' shared track and artist "
                                     "projections (an ablation).")});
    parser.addOption({QStringLiteral("session"),
                      QStringLiteral("How the model reads the session's songs: attention "
                                     "(default: the previous song attends over them, with a "
                                     "weight per position) or mean (their plain average)."),
                      QStringLiteral("KIND")});
    parser.addOption({QStringLiteral("no-blend"), QStringLiteral("Leave out the blend.")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Random split seed (default 1)."),
                      QStringLiteral("N")});
}

bool parseKs(const QString& text, std::vector<int>* ks) {
    ks->clear();
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int k = part.trimmed().toInt(&ok);
        if (!ok || k < 1)
            return false;
        ks->push_back(k);
    }
    std::sort(ks->begin(), ks->end());
    ks->erase(std::unique(ks->begin(), ks->end()), ks->end());
    return !ks->empty();
}

bool positiveInt(CommandContext& c, const QString& name, int* value) {
    if (!c.parser.isSet(name))
        return true;
    bool ok = false;
    *value = c.parser.value(name).toInt(&ok);
    return ok && *value >= 1;
}

// Pooled figures weigh heavy listeners most; the per-profile mean weighs each profile once.
void printProfileIntervals(CommandContext& c, const EvalResult& r) {
    const reco::ProfileInterval first =
        reco::perProfile(r.methods.front().report, reco::Metric::HitRate, kIntervalK);
    if (first.profiles == 0)
        return;
    c.out << QStringLiteral("\nper profile: mean over %1 profiles [95% bootstrap interval]\n")
                 .arg(first.profiles);
    c.out << QStringLiteral("%1%2%3\n")
                 .arg(QStringLiteral("method"), -14)
                 .arg(QStringLiteral("HR@%1").arg(kIntervalK), -28)
                 .arg(QStringLiteral("NDCG@%1").arg(kIntervalK));
    auto cell = [](const reco::ProfileInterval& i) {
        return QStringLiteral("%1 [%2, %3]")
            .arg(i.mean, 0, 'f', 4)
            .arg(i.low, 0, 'f', 4)
            .arg(i.high, 0, 'f', 4);
    };
    for (const MethodResult& m : r.methods) {
        c.out << QStringLiteral("%1%2%3\n")
                     .arg(QString::fromStdString(m.name), -14)
                     .arg(cell(reco::perProfile(m.report, reco::Metric::HitRate, kIntervalK)), -28)
                     .arg(cell(reco::perProfile(m.report, reco::Metric::Ndcg, kIntervalK)));
    }
}

void printReport(CommandContext& c, const EvalResult& r) {
    c.out << QStringLiteral(
                 "split %1: %2 training examples, %3 held-out plays scored (the blend tuned on "
                 "%4 others)\n")
                 .arg(r.split)
                 .arg(r.train_examples)
                 .arg(r.test_plays)
                 .arg(r.validation_plays);
    const std::vector<int>& ks = r.methods.front().report.ks;
    for (const char* part : {"all", "repeat", "new"}) {
        c.out << "\n" << part << (qstrcmp(part, "all") == 0 ? "" : " listens") << "\n";
        c.out << QStringLiteral("%1").arg(QStringLiteral("method"), -14);
        for (const char* metric : {"HR", "NDCG", "top"}) {
            for (int k : ks)
                c.out << QStringLiteral("%1").arg(
                    QStringLiteral("%1@%2").arg(QLatin1String(metric)).arg(k), 10);
        }
        c.out << QStringLiteral("%1\n").arg(QStringLiteral("n"), 8);
        for (const MethodResult& m : r.methods) {
            const reco::MetricSet& set = qstrcmp(part, "all") == 0      ? m.report.all
                                         : qstrcmp(part, "repeat") == 0 ? m.report.repeat
                                                                        : m.report.fresh;
            c.out << QStringLiteral("%1").arg(QString::fromStdString(m.name), -14);
            for (const std::vector<double>* v : {&set.hr, &set.ndcg, &set.top_k}) {
                for (double x : *v)
                    c.out << QStringLiteral("%1").arg(x, 10, 'f', 4);
            }
            c.out << QStringLiteral("%1\n").arg(set.count, 8);
        }
    }
    printProfileIntervals(c, r);
    if (r.method("blend")) {
        c.out << QStringLiteral("\n") << blendWeightsText(r);
    }
}

int run(CommandContext& c) {
    if (c.parser.positionalArguments().size() > 1)
        return usageError(c, QStringLiteral("eval takes no arguments."));
    // The product's own training and measuring choices, unless overridden.
    EvalSettings settings = EvalSettings::asServed();
    if (c.parser.isSet(QStringLiteral("id-dropout"))) {
        bool ok = false;
        const float share = c.parser.value(QStringLiteral("id-dropout")).toFloat(&ok);
        if (!ok || share < 0.0f || share >= 1.0f)
            return usageError(c, QStringLiteral("--id-dropout takes a share from 0 to below 1."));
        settings.train.id_dropout = share;
    }
    if (c.parser.isSet(QStringLiteral("no-identity-skips")))
        settings.model.identity_skips = false;
    if (c.parser.isSet(QStringLiteral("session"))) {
        const QString kind = c.parser.value(QStringLiteral("session"));
        if (kind != QLatin1String("attention") && kind != QLatin1String("mean"))
            return usageError(
                c, QStringLiteral("--session takes attention or mean, not \"%1\".").arg(kind));
        settings.model.session_attention = kind == QLatin1String("attention");
    }
    if (c.parser.isSet(QStringLiteral("skip-term")))
        settings.train.use_skip_negatives = true;
    settings.include_blend = !c.parser.isSet(QStringLiteral("no-blend"));
    QString error;
    if (c.parser.isSet(QStringLiteral("split")) &&
        !EvalSettings::parseSplit(c.parser.value(QStringLiteral("split")), &settings, &error))
        return usageError(c, error);
    if (c.parser.isSet(QStringLiteral("k")) &&
        !parseKs(c.parser.value(QStringLiteral("k")), &settings.ks))
        return usageError(c, QStringLiteral("--k needs cut-offs like 1,5,10,50,100."));
    int seed = 1;
    if (!positiveInt(c, QStringLiteral("epochs"), &settings.train.epochs) ||
        !positiveInt(c, QStringLiteral("dim"), &settings.model.output_dim) ||
        !positiveInt(c, QStringLiteral("seed"), &seed))
        return usageError(c, QStringLiteral("--epochs, --dim and --seed need a number >= 1."));
    settings.split_seed = static_cast<uint64_t>(seed);

    const Database database = c.database();
    if (Status migrated = database.migrate(); !migrated)
        return fail(c, migrated.error());
    LogSnapshot snapshot;
    {
        ScopedConnection connection(database, QStringLiteral("encore-cli-eval"));
        if (!connection.ok())
            return fail(c, connection.error());
        Result<LogSnapshot> read = SnapshotReader(connection.db()).read();
        if (!read)
            return fail(c, read.error());
        snapshot = std::move(read).value();
    }
    RecoVocabulary vocabulary;
    std::optional<TrainingData> data = TrainingData::build(snapshot, vocabulary);
    snapshot = LogSnapshot();
    QElapsedTimer timer;
    timer.start();
    const Result<EvalResult> result =
        evaluateOffline(std::move(*data), settings, nullptr, [&](const QString& stage) {
            c.err << QStringLiteral("[%1 s] %2\n")
                         .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                         .arg(stage);
            c.err.flush();
        });
    if (!result)
        return fail(c, result.error());
    const QString json_path = c.parser.value(QStringLiteral("json"));
    const QByteArray json = QJsonDocument(result->toJson()).toJson(QJsonDocument::Indented);
    if (json_path == QLatin1String("-")) {
        c.out << json;
        return kExitOk;
    }
    printReport(c, result.value());
    if (!json_path.isEmpty()) {
        QSaveFile file(json_path);
        if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
            return fail(c,
                        QStringLiteral("Cannot write %1: %2").arg(json_path, file.errorString()));
    }
    return kExitOk;
}

}  // namespace

Command evalCommand() {
    return {"eval", "Offline evaluation of the recommender and its baselines.", define, run};
}

}  // namespace encore::cli
