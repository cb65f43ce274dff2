// The learned re-ranker over registered scorers (blendtuner.h): fitted on validation plays only,
// it weighs a scorer that knows the next song and drops one that is noise; and every registered
// scorer reaches the blend with no code of its own.

#include "reco/blendtuner.h"
#include "reco/core/popularscorer.h"
#include "reco/scorerregistry.h"
#include "reco/scorerset.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace encore;
using namespace encore::reco;

namespace {

constexpr int32_t kTracks = 500;

// Scores the track after prev_track (target = prev + 1) high, with noise.
class NextTrackScorer : public Scorer {
public:
    std::string name() const override { return "knows"; }
    int32_t size() const override { return kTracks; }
    void score(const Query& query, float* out) const override {
        std::mt19937 rng(static_cast<uint32_t>(query.timestamp));
        std::uniform_real_distribution<float> noise(0.0f, 1.0f);
        for (int32_t t = 0; t < kTracks; ++t)
            out[t] = noise(rng);
        out[(query.prev_track + 1) % kTracks] += 0.8f;
    }
};

// Pure noise, seeded per query.
class NoiseScorer : public Scorer {
public:
    std::string name() const override { return "noise"; }
    int32_t size() const override { return kTracks; }
    void score(const Query& query, float* out) const override {
        std::mt19937 rng(static_cast<uint32_t>(query.timestamp * 7 + 1));
        std::uniform_real_distribution<float> noise(0.0f, 1.0f);
        for (int32_t t = 0; t < kTracks; ++t)
            out[t] = noise(rng);
    }
};

Interactions validation(int n) {
    Interactions log;
    log.history_length = 1;
    for (int i = 0; i < n; ++i) {
        const int32_t prev = i % kTracks;
        log.add(0, prev, 0, {prev}, (prev + 1) % kTracks, Feedback::kPlay, i);
    }
    return log;
}

}  // namespace

class TestBlendTuner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void learnsToWeighTheScorerThatKnows() {
        const BlendScorer::Components components = {
            {"knows", std::make_shared<NextTrackScorer>(), BlendTerm::Raw, 1.0f},
            {"noise", std::make_shared<NoiseScorer>(), BlendTerm::Raw, 1.0f},
        };
        // The defaults trust the noise only.
        const BlendWeights defaults = {{"noise", 1.0f}};
        const std::optional<TunedBlend> tuned =
            tuneBlend(components, validation(600), 600, defaults);
        QVERIFY(tuned.has_value());
        QCOMPARE(tuned->queries, size_t(600));
        // Noise alone ranks the target at random among 500: HR@10 about 0.02.
        QVERIFY2(tuned->default_hr10 < 0.06, qPrintable(QString::number(tuned->default_hr10)));
        QVERIFY2(tuned->softmax_hr10 > tuned->default_hr10,
                 qPrintable(QString::number(tuned->softmax_hr10)));
        QVERIFY2(tuned->hr10 >= tuned->softmax_hr10 && tuned->hr10 > 0.5,
                 qPrintable(QString::number(tuned->hr10)));
        const float knows = weightOf(tuned->weights, "knows");
        const float noise = weightOf(tuned->weights, "noise");
        QVERIFY2(knows > 2.0f * noise,
                 qPrintable(QString::fromStdString(describeWeights(tuned->weights))));
    }

    void tooFewPlaysKeepTheDefaults() {
        const BlendScorer::Components components = {
            {"noise", std::make_shared<NoiseScorer>(), BlendTerm::Raw, 1.0f}};
        const std::optional<TunedBlend> tuned =
            tuneBlend(components, Interactions{}, 100, {{"noise", 0.5f}});
        QVERIFY(tuned.has_value());
        QCOMPARE(tuned->queries, size_t(0));
        QCOMPARE(weightOf(tuned->weights, "noise"), 0.5f);
    }

    void cancelStopsTheFit() {
        const BlendScorer::Components components = {
            {"knows", std::make_shared<NextTrackScorer>(), BlendTerm::Raw, 1.0f}};
        std::atomic<bool> cancel{true};
        QVERIFY(!tuneBlend(components, validation(50), 50, {}, &cancel).has_value());
    }

    void logEvidenceTermIsLog1pOfTheCount() {
        // Counts become log(1 + count); the popularity tie-break below any count stays as it is.
        class Fixed : public Scorer {
        public:
            std::string name() const override { return "fixed"; }
            int32_t size() const override { return 6; }
            void score(const Query&, float* out) const override {
                const float values[6] = {0.0f, 5e-4f, 0.01f, 1.0f, 37.0f, 12345.0f};
                std::copy(values, values + 6, out);
            }
        };
        const BlendScorer blend({{"fixed", std::make_shared<Fixed>(), BlendTerm::LogEvidence}},
                                {{"fixed", 2.0f}});
        float out[6];
        blend.score(Query{}, out);
        QCOMPARE(out[0], 0.0f);
        QCOMPARE(out[1], 2.0f * 5e-4f);
        for (int i = 2; i < 6; ++i) {
            const float values[6] = {0.0f, 5e-4f, 0.01f, 1.0f, 37.0f, 12345.0f};
            const double expected = 2.0 * std::log1p(double(values[i]));
            QVERIFY2(std::abs(out[i] - expected) <= 1e-4 * std::max(1.0, expected),
                     qPrintable(QStringLiteral("%1: %2 vs %3").arg(i).arg(out[i]).arg(expected)));
        }
    }

    void everyRegisteredBaselineIsATermOfTheBlend() {
        Catalog catalog;
        catalog.num_artists = 1;
        catalog.num_genres = 1;
        catalog.num_tokens = 1;
        for (int i = 0; i < 4; ++i)
            catalog.addTrack(0, {0}, {});
        Interactions train;
        train.history_length = 2;
        train.add(0, kNoTrack, 0, {}, 0, Feedback::kPlay, 0);
        train.add(0, 0, 0, {0}, 1, Feedback::kPlay, 1);
        const ScorerSet set = ScorerSet::baselines(catalog, train);
        const BlendScorer::Components components = set.blendComponents();
        std::vector<std::string> names;
        for (const BlendScorer::Component& c : components)
            names.push_back(c.name);
        for (const ScorerKind& kind : scorerKinds()) {
            const bool expected = kind.in_blend && kind.build;  // two_tower needs a model
            const bool found = std::find(names.begin(), names.end(), kind.name) != names.end();
            QVERIFY2(found == expected, kind.name.c_str());
            QVERIFY2(set.find(kind.name) != nullptr || !kind.build, kind.name.c_str());
            QVERIFY(!kind.reason.empty());
        }
    }
};

QTEST_GUILESS_MAIN(TestBlendTuner)
#include "tst_blendtuner.moc"
