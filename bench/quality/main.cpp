// bench_quality: the recommender's quality gates on real data, declared before the run for the
// configuration the product serves (EvalSettings::asServed; reco/qualitygates.h):
//   (1) seed: ../shared/data/seed through the seed importer, random 80/20 split, the product's
//       towers: the two-tower model's test top-100 accuracy >= 0.23 (TensorFlow Recommenders'
//       tutorial on this data); also printed with the tutorial's query features only.
//   (2) spotify: real Spotify histories imported as profiles, trained, tuned and measured
//       exactly as the product measures what it serves, on time 0.9 (per profile) and on
//       global-time 0.9 (one cutoff instant for all profiles); a failure under either fails.
//       Against the best single baseline (popular, user_popular, cooccurrence, content, sr,
//       vsknn): the served blend's HR@10 >= 1.5x pooled, the 95% interval of its per-profile
//       ratio above 1.2x, >= 2x most played; the two-tower model alone >= 1.2x, and above
//       content on new-to-listener plays (reco/qualitygates.h).
// Exits 1 when a gate fails (2 when the data cannot be read).
// Options: --only seed|spotify  --cache DIR (keeps the imported databases)  --profiles N (first
//          N Spotify folders)  --max-test N  --ablation skips-on (an extra table, no gate)
#include "benchdatabase.h"

#include "reco/offlineevaluation.h"
#include "reco/qualitygates.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace encore;

namespace {

QTextStream out(stdout);

enum class Outcome { Pass, Fail, NoData };

Outcome worst(Outcome a, Outcome b) {
    return a == Outcome::NoData || b == Outcome::NoData ? Outcome::NoData
           : a == Outcome::Fail || b == Outcome::Fail   ? Outcome::Fail
                                                        : Outcome::Pass;
}

bool report(const QualityGate& gate) {
    out << "  " << gate.line() << "\n";
    out.flush();
    return gate.pass();
}

int indexOfK(const reco::EvalReport& r, int k) {
    const auto it = std::find(r.ks.begin(), r.ks.end(), k);
    return it == r.ks.end() ? -1 : static_cast<int>(it - r.ks.begin());
}

void printTable(const EvalResult& result) {
    out << QStringLiteral(
               "  %1 training examples, %2 held-out plays scored; training %3 epochs "
               "in %4 s (%5 ex/s), final loss %6\n")
               .arg(result.train_examples)
               .arg(result.test_plays)
               .arg(result.train_stats.epochs_completed)
               .arg(result.train_stats.seconds, 0, 'f', 1)
               .arg(result.train_stats.examples_per_second, 0, 'f', 0)
               .arg(result.train_stats.final_loss, 0, 'f', 3);
    if (result.method("blend")) {
        out << blendWeightsText(result);
    }
    out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8 %9 %10\n")
               .arg(QStringLiteral("method"), -13)
               .arg(QStringLiteral("HR@1"), 7)
               .arg(QStringLiteral("HR@5"), 7)
               .arg(QStringLiteral("HR@10"), 7)
               .arg(QStringLiteral("HR@50"), 7)
               .arg(QStringLiteral("NDCG@10"), 8)
               .arg(QStringLiteral("top_100"), 8)
               .arg(QStringLiteral("rep HR10"), 9)
               .arg(QStringLiteral("new HR10"), 9)
               .arg(QStringLiteral("rep/new n"), 14);
    for (const MethodResult& m : result.methods) {
        const reco::EvalReport& r = m.report;
        auto at = [&](const std::vector<double>& v, int k) {
            const int j = indexOfK(r, k);
            return j < 0 ? 0.0 : v[j];
        };
        out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8 %9 %10\n")
                   .arg(QString::fromStdString(m.name), -13)
                   .arg(at(r.all.hr, 1), 7, 'f', 4)
                   .arg(at(r.all.hr, 5), 7, 'f', 4)
                   .arg(at(r.all.hr, 10), 7, 'f', 4)
                   .arg(at(r.all.hr, 50), 7, 'f', 4)
                   .arg(at(r.all.ndcg, 10), 8, 'f', 4)
                   .arg(at(r.all.top_k, 100), 8, 'f', 4)
                   .arg(at(r.repeat.hr, 10), 9, 'f', 4)
                   .arg(at(r.fresh.hr, 10), 9, 'f', 4)
                   .arg(QStringLiteral("%1/%2").arg(r.repeat.count).arg(r.fresh.count), 14);
    }
    out << "  per profile (mean over profiles [95% bootstrap interval]):\n";
    for (const MethodResult& m : result.methods) {
        const reco::ProfileInterval hr =
            reco::perProfile(m.report, reco::Metric::HitRate, kIntervalK);
        const reco::ProfileInterval ndcg =
            reco::perProfile(m.report, reco::Metric::Ndcg, kIntervalK);
        out << QStringLiteral("  %1 HR@10 %2 [%3, %4]  NDCG@10 %5 [%6, %7]  (%8 profiles)\n")
                   .arg(QString::fromStdString(m.name), -13)
                   .arg(hr.mean, 0, 'f', 4)
                   .arg(hr.low, 0, 'f', 4)
                   .arg(hr.high, 0, 'f', 4)
                   .arg(ndcg.mean, 0, 'f', 4)
                   .arg(ndcg.low, 0, 'f', 4)
                   .arg(ndcg.high, 0, 'f', 4)
                   .arg(hr.profiles);
    }
    out.flush();
}

Result<EvalResult> evaluate(const TrainingData& data, const EvalSettings& settings) {
    QElapsedTimer timer;
    timer.start();
    Result<EvalResult> result = evaluateOffline(data, settings, nullptr, [&](const QString& s) {
        out << QStringLiteral("  [%1 s] %2\n")
                   .arg(double(timer.elapsed()) / 1000.0, 5, 'f', 1)
                   .arg(s);
        out.flush();
    });
    if (result)
        printTable(result.value());
    return result;
}

Outcome seedBench(const QString& cache, const EvalSettings& served) {
    out << "== (1) seed: MovieLens-derived songs + ratings, random 80/20, "
        << served.model.output_dim << "-d ==\n";
    const QString path = QDir(cache).filePath(QStringLiteral("seed.sqlite"));
    const QString seed = bench::sharedData(QStringLiteral("seed"));
    if (Status s = bench::importHistories(
            path, {{QStringLiteral("seed"),
                    {seed + QStringLiteral("/songs.csv"), seed + QStringLiteral("/ratings.csv")}}});
        !s) {
        out << "seed import failed: " << s.error() << "\n";
        return Outcome::NoData;
    }
    Result<TrainingData> data = bench::loadTrainingData(Database(path));
    if (!data) {
        out << data.error() << "\n";
        return Outcome::NoData;
    }
    out << QStringLiteral("  %1 tracks, %2 profiles, %3 plays\n")
               .arg(data->catalog.size())
               .arg(data->num_profiles)
               .arg(data->plays);
    EvalSettings settings = served;
    settings.split = EvalSettings::SplitKind::Random;
    settings.train_fraction = 0.8;
    settings.include_blend = false;
    const Result<EvalResult> result = evaluate(data.value(), settings);
    if (!result) {
        out << result.error() << "\n";
        return Outcome::NoData;
    }
    const bool pass = report(seedGate(result.value(), QStringLiteral("seed")));

    // The tutorial's query knows only the user: without the previous song and the session the
    // figure is comparable to its 0.23 (the hour of the week stays, like its timestamp variant).
    out << "-- the same with the tutorial's query features (profile and hour only)\n";
    TrainingData plain = data.value();
    std::fill(plain.log.prev_track.begin(), plain.log.prev_track.end(), reco::kNoTrack);
    std::fill(plain.log.history.begin(), plain.log.history.end(), reco::kNoTrack);
    const Result<EvalResult> tutorial = evaluate(plain, settings);
    if (!tutorial) {
        out << tutorial.error() << "\n";
        return Outcome::NoData;
    }
    const bool tutorial_pass =
        report(seedGate(tutorial.value(), QStringLiteral("seed, profile and hour only,")));
    out << "\n";
    return pass && tutorial_pass ? Outcome::Pass : Outcome::Fail;
}

Outcome spotifyBench(const QString& cache, const EvalSettings& served, int profiles,
                     const QString& ablation) {
    QDir root(bench::sharedData(QStringLiteral("listens/spotify")));
    QStringList people = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    if (people.isEmpty()) {
        out << "no Spotify histories in " << root.path() << "\n";
        return Outcome::NoData;
    }
    if (profiles > 0 && people.size() > profiles)
        people = people.mid(0, profiles);
    out << "== (2) spotify: " << people.size()
        << " real histories as profiles, time split 0.9 (per profile, as the product serves) "
           "and global-time 0.9 ==\n";
    QList<QPair<QString, QStringList>> imports;
    for (const QString& person : people)
        imports.append({person, {root.filePath(person)}});
    const QString path =
        QDir(cache).filePath(QStringLiteral("spotify-%1.sqlite").arg(people.size()));
    if (Status s = bench::importHistories(path, imports); !s) {
        out << "spotify import failed: " << s.error() << "\n";
        return Outcome::NoData;
    }
    Result<TrainingData> data = bench::loadTrainingData(Database(path));
    if (!data) {
        out << data.error() << "\n";
        return Outcome::NoData;
    }
    out << QStringLiteral("  %1 tracks, %2 profiles, %3 plays, %4 examples (plays + skips)\n")
               .arg(data->catalog.size())
               .arg(data->num_profiles)
               .arg(data->plays)
               .arg(data->log.size());
    bool pass = true;
    // The same gates on the per-profile split the product serves with and on one cutoff instant
    // for every profile (no profile's later listens in training); a failure under either fails.
    for (const EvalSettings::SplitKind kind :
         {EvalSettings::SplitKind::Time, EvalSettings::SplitKind::GlobalTime}) {
        EvalSettings settings = served;
        settings.split = kind;
        out << "-- split " << settings.splitName() << "\n";
        const Result<EvalResult> result = evaluate(data.value(), settings);
        if (!result) {
            out << result.error() << "\n";
            return Outcome::NoData;
        }
        const QString label = QStringLiteral("spotify %1").arg(settings.splitName());
        for (const QualityGate& gate : servedGates(result.value(), label))
            pass = report(gate) && pass;
    }

    if (ablation == QLatin1String("skips-on")) {
        out << "-- ablation (no gate): the skip term on\n";
        EvalSettings settings = served;
        settings.train.use_skip_negatives = true;
        const Result<EvalResult> skips = evaluate(data.value(), settings);
        if (!skips)
            out << skips.error() << "\n";
    }
    out << "\n";
    return pass ? Outcome::Pass : Outcome::Fail;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("only"), QStringLiteral("seed or spotify"), QStringLiteral("PART")},
        {QStringLiteral("cache"), QStringLiteral("Keep imported databases here"),
         QStringLiteral("DIR")},
        {QStringLiteral("profiles"), QStringLiteral("First N Spotify folders"),
         QStringLiteral("N")},
        {QStringLiteral("max-test"), QStringLiteral("Score at most N held-out plays"),
         QStringLiteral("N")},
        {QStringLiteral("ablation"),
         QStringLiteral("skips-on: also train with the skip term (printed, no gate)"),
         QStringLiteral("WHICH")},
    });
    parser.process(app);
    QTemporaryDir temp;
    const QString cache =
        parser.isSet(QStringLiteral("cache")) ? parser.value(QStringLiteral("cache")) : temp.path();
    EvalSettings served = EvalSettings::asServed();
    served.max_test_plays = parser.value(QStringLiteral("max-test")).toULongLong();
    const QString only = parser.value(QStringLiteral("only"));
    Outcome outcome = Outcome::Pass;
    if (only.isEmpty() || only == QLatin1String("seed"))
        outcome = worst(outcome, seedBench(cache, served));
    if (only.isEmpty() || only == QLatin1String("spotify"))
        outcome = worst(
            outcome, spotifyBench(cache, served, parser.value(QStringLiteral("profiles")).toInt(),
                                  parser.value(QStringLiteral("ablation"))));
    switch (outcome) {
        case Outcome::Pass:
            out << "all gates met\n";
            return 0;
        case Outcome::Fail:
            out << "some gate not met (see above)\n";
            return 1;
        case Outcome::NoData:
            out << "the data could not be read: no verdict\n";
            return 2;
    }
    return 2;
}
