// The global-time split keeps every profile's future out: a track X nobody plays before the
// cutoff and everybody plays after it must not be ranked by any method trained on the training
// part, while the per-profile split lets one profile's later listens of X into training.
// Real training (tiny towers), the same pipeline as `encore-cli eval`.

#include "reco/core/split.h"
#include "reco/offlineevaluation.h"
#include "reco/scorerregistry.h"

#include <QtTest>

#include <algorithm>

using namespace encore;

namespace {

constexpr int32_t kRegularTracks = 100;
constexpr int64_t kDay = 86400;
constexpr int64_t kStart = 1700000000;
constexpr int64_t kLate = kStart + 90 * kDay;  // X exists only from here on

struct Listen {
    int32_t profile;
    int32_t track;
    int64_t time;
};

// Profile 0 listens little, half of it late (so its own last 10% ends before most of its X
// plays); profiles 1-3 listen a lot before and a little late. Late listens are mostly X.
// Late listens are 6% of the log, so the global 90% cutoff falls before every X play.
TrainingData plantedLog(int32_t* x) {
    TrainingData data;
    for (int32_t t = 0; t < kRegularTracks; ++t)
        data.catalog.addTrack(t % 8, {t % 4}, {1 + t % 20});
    *x = data.catalog.addTrack(8, {4}, {21});  // its own artist, genre and title word
    data.catalog.num_artists = 9;
    data.catalog.num_genres = 5;
    data.catalog.num_tokens = 21;
    data.num_profiles = 4;
    std::vector<Listen> listens;
    const int early[] = {30, 300, 300, 300};
    const int late[] = {30, 10, 10, 10};
    for (int32_t p = 0; p < 4; ++p) {
        for (int i = 0; i < early[p]; ++i)
            listens.push_back({p, (i * 7 + p * 13) % kRegularTracks,
                               kStart + int64_t(i) * (89 * kDay) / early[p] + p});
        for (int i = 0; i < late[p]; ++i)
            listens.push_back({p, i % 3 == 2 ? (i + p) % kRegularTracks : *x,
                               kLate + int64_t(i) * (9 * kDay) / late[p] + p});
    }
    // By profile, then time, as TrainingData::build orders the log.
    std::sort(listens.begin(), listens.end(), [](const Listen& a, const Listen& b) {
        return a.profile != b.profile ? a.profile < b.profile : a.time < b.time;
    });
    data.log.history_length = TrainingData::kSessionHistory;
    for (size_t i = 0; i < listens.size(); ++i) {
        const bool same = i > 0 && listens[i - 1].profile == listens[i].profile;
        const int32_t prev = same ? listens[i - 1].track : reco::kNoTrack;
        data.log.add(listens[i].profile, prev, int32_t((listens[i].time / 3600) % 168),
                     prev == reco::kNoTrack ? std::vector<int32_t>{} : std::vector<int32_t>{prev},
                     listens[i].track, reco::Feedback::kPlay, listens[i].time);
        ++data.plays;
    }
    return data;
}

reco::Interactions playsOf(const reco::Interactions& part, int32_t track) {
    std::vector<size_t> rows;
    for (size_t i = 0; i < part.size(); ++i) {
        if (part.target[i] == track)
            rows.push_back(i);
    }
    return part.subset(rows);
}

// Plays of `track` whose query does not name it: a listen just before is known when serving
// (content rightly ranks X after X), so only these show what training learnt of X.
reco::Interactions unpromptedPlaysOf(const reco::Interactions& part, int32_t track) {
    std::vector<size_t> rows;
    for (size_t i = 0; i < part.size(); ++i) {
        const auto history = part.history.begin() + std::ptrdiff_t(i) * part.history_length;
        if (part.target[i] == track && part.prev_track[i] != track &&
            std::find(history, history + part.history_length, track) ==
                history + part.history_length)
            rows.push_back(i);
    }
    return part.subset(rows);
}

struct XFigures {
    qint64 x_in_train = 0;
    qint64 x_test_plays = 0;
    std::map<std::string, double> hr10;  // HR@10 on the unprompted test plays of X, per method
};

// splitForEvaluation, popularity from train, every scorer trained, the blend tuned on the
// validation plays: evaluateOffline's steps, scored on the test plays of X only.
XFigures measureX(SplitKind kind) {
    int32_t x = 0;
    TrainingData data = plantedLog(&x);
    HeldOutParts parts = splitForEvaluation(data.log, kind, 0.9);
    data.assignPopularity(parts.train);
    reco::ModelConfig dimensions;
    dimensions.output_dim = 8;
    reco::TrainOptions options;
    options.epochs = 3;
    options.batch_size = 64;
    Result<ScorerSet> set = trainScorerSet(data.catalog, data.num_profiles, parts.train, dimensions,
                                           options, nullptr, nullptr);
    if (!set)
        qFatal("training failed: %s", qPrintable(set.error()));
    XFigures figures;
    figures.x_in_train = playsOf(parts.train, x).size();
    parts.test = unpromptedPlaysOf(parts.test, x);
    figures.x_test_plays = parts.test.size();
    std::vector<std::string> methods;
    for (const ScorerKind& kind : scorerKinds())
        methods.push_back(kind.name);
    methods.push_back("blend");
    const std::optional<ServingMeasurement> measured =
        measureAsServed(set.value(), parts, methods, {10}, 0);
    if (!measured || measured->methods.size() != methods.size())
        qFatal("not every registered method was measured");
    for (const MethodResult& m : measured->methods) {
        figures.hr10[m.name] = m.report.all.hr[0];
        qInfo("%s: %s HR@10 on X = %.4f (%lld test plays of X, %lld in train)",
              kind == SplitKind::Time ? "time" : "global-time", m.name.c_str(), m.report.all.hr[0],
              qlonglong(figures.x_test_plays), qlonglong(figures.x_in_train));
    }
    return figures;
}

}  // namespace

class TestGlobalSplit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void globalCutoffIsOneInstant() {
        int32_t x = 0;
        const TrainingData data = plantedLog(&x);
        const HeldOutParts parts = splitForEvaluation(data.log, SplitKind::GlobalTime, 0.9);
        const int64_t last_train =
            *std::max_element(parts.train.timestamp.begin(), parts.train.timestamp.end());
        const int64_t first_validation =
            *std::min_element(parts.validation.timestamp.begin(), parts.validation.timestamp.end());
        const int64_t last_validation =
            *std::max_element(parts.validation.timestamp.begin(), parts.validation.timestamp.end());
        const int64_t first_test =
            *std::min_element(parts.test.timestamp.begin(), parts.test.timestamp.end());
        QVERIFY(last_train < first_validation);
        QVERIFY(last_validation < first_test);
        QCOMPARE(parts.train.size() + parts.validation.size() + parts.test.size(), data.log.size());
        // 90% of the listens train (up to ties at the cutoff).
        QVERIFY(std::abs(double(parts.train.size()) / double(data.log.size()) - 0.9) < 0.01);
        // Every profile is scored in the test part.
        for (int32_t p = 0; p < data.num_profiles; ++p)
            QVERIFY(std::count(parts.test.profile.begin(), parts.test.profile.end(), p) > 0);
    }

    void splitNamesParse() {
        EvalSettings settings;
        QString error;
        QVERIFY(EvalSettings::parseSplit(QStringLiteral("global-time:0.9"), &settings, &error));
        QCOMPARE(settings.split, SplitKind::GlobalTime);
        QCOMPARE(settings.splitName(), QStringLiteral("global-time:0.9"));
        QVERIFY(!EvalSettings::parseSplit(QStringLiteral("global:0.9"), &settings, &error));
        QVERIFY(error.contains(QLatin1String("global-time:F")));
    }

    void noFutureUnderGlobalTime() {
        const XFigures global = measureX(SplitKind::GlobalTime);
        QCOMPARE(global.x_in_train, qint64(0));
        QVERIFY(global.x_test_plays > 0);
        // X has no training plays: the counting methods rank the 100 played tracks above it.
        QCOMPARE(global.hr10.at("popular"), 0.0);
        QCOMPARE(global.hr10.at("user_popular"), 0.0);
        // Nothing followed anything into X in training, and no session held it: at most a
        // random pick among ties.
        for (const char* counted : {"cooccurrence", "sr", "vsknn"})
            QVERIFY2(global.hr10.at(counted) <= 10.0 / (kRegularTracks + 1), counted);
        // The others know nothing of X either: no better than a random pick among the
        // tracks they cannot tell apart (10 of 101), with room for one lucky embedding.
        for (const auto& [name, hr] : global.hr10)
            QVERIFY2(hr <= 0.3, qPrintable(QStringLiteral("%1: %2").arg(name.c_str()).arg(hr)));
    }

    void perProfileSplitLeaksOtherProfilesFuture() {
        // Profile 0's own older 90% holds late listens of X, after every other profile's
        // cutoff: popularity learns X from the future of profiles 1-3.
        const XFigures time = measureX(SplitKind::Time);
        QVERIFY(time.x_in_train > 0);
        QVERIFY(time.hr10.at("cooccurrence") > 0.5);  // profile 0's late "then X" transitions
        QVERIFY(time.hr10.at("sr") > 0.5);            // the same transitions as rules
        QVERIFY2(time.hr10.at("popular") > 0.5,
                 qPrintable(QString::number(time.hr10.at("popular"))));
    }
};

QTEST_GUILESS_MAIN(TestGlobalSplit)
#include "tst_globalsplit.moc"
