// Findings (what may be claimed) and their plain-words sentences: a claim only where the
// interval or test supports it, small samples said to be small.

#include "glmfixture.h"
#include "stats/math/etasquared.h"
#include "stats/math/glm.h"
#include "stats/math/groupmerge.h"
#include "stats/math/kruskalwallis.h"
#include "stats/math/spearman.h"
#include "stats/summary/findings.h"
#include "stats/summary/plainwords.h"

#include <QtTest>

#include <vector>

using namespace encore::stats;

namespace {

// The genre fixture of tst_groupeffect (eta^2 0.365, Kruskal-Wallis p 0.013).
struct Genres {
    std::vector<double> values;
    std::vector<int> group;
    Genres() {
        const std::vector<std::vector<double>> groups{
            {0, 0, 1, 2, 5, 0, 3}, {0, 3, 3, 7, 12, 20, 9, 4}, {1, 1, 0, 0, 2}, {6, 15, 2, 8}};
        for (int g = 0; g < 4; ++g) {
            for (double v : groups[static_cast<std::size_t>(g)]) {
                values.push_back(v);
                group.push_back(g);
            }
        }
    }
};

// 40 play counts for the 40-track fixtures below.
std::vector<double> y40() {
    std::vector<double> y;
    for (int i = 0; i < 40; ++i)
        y.push_back((i * 7) % 5 + i / 10);
    return y;
}

const std::vector<double> kPlays17{0, 0, 1, 2, 5, 0, 3, 3, 3, 7, 12, 20, 9, 4, 1, 1, 0};
const std::vector<double> kDurations17{180, 240, 200, 240, 300, 150, 260, 240, 210,
                                       330, 290, 410, 300, 250, 200, 180, 240};

}  // namespace

class TestFindings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void formatting() {
        QCOMPARE(formatPValue(0.0004), QStringLiteral("p < 0.001"));
        QCOMPARE(formatPValue(0.0), QStringLiteral("p < 0.001"));
        QCOMPARE(formatPValue(0.012990585882152487), QStringLiteral("p = 0.013"));
        QCOMPARE(formatPValue(0.41), QStringLiteral("p = 0.41"));
        QCOMPARE(formatPValue(0.995), QStringLiteral("p > 0.99"));
        // Never printed on the wrong side of alpha: 0.0496 is not "0.05".
        QCOMPARE(formatPValue(0.0496), QStringLiteral("p = 0.0496"));
        QCOMPARE(formatPValue(0.04999), QStringLiteral("p = 0.04999"));
        QCOMPARE(formatPValue(0.05), QStringLiteral("p = 0.05"));
        QCOMPARE(formatShare(0.14), QStringLiteral("14%"));
        QCOMPARE(formatShare(0.003), QStringLiteral("less than 1%"));
        QCOMPARE(formatShare(0.0), QStringLiteral("0%"));
        QCOMPARE(formatShare(0.999), QStringLiteral("more than 99%"));
        QCOMPARE(formatShare(1.0), QStringLiteral("100%"));
        QCOMPARE(formatCount(1234567), QStringLiteral("1,234,567"));
        QCOMPARE(formatCount(12), QStringLiteral("12"));
    }

    void strength() {
        QCOMPARE(strengthOf(0.05), Strength::Negligible);
        QCOMPARE(strengthOf(-0.2), Strength::Weak);
        QCOMPARE(strengthOf(0.3), Strength::Moderate);
        QCOMPARE(strengthOf(-0.9), Strength::Strong);
    }

    void genreEffectIsClear() {
        const Genres g;
        const GroupEffectFinding f =
            groupEffectFinding(etaSquared(g.values, g.group), kruskalWallis(g.values, g.group));
        QCOMPARE(f.verdict, Verdict::Clear);
        QCOMPARE(f.n, std::size_t{24});
        QCOMPARE(f.groups, std::size_t{4});
        QCOMPARE(describeGroupEffect(f),
                 QStringLiteral("Genre explains 37% of the differences in how often your songs "
                                "are played; this is unlikely to be chance, p = 0.013."));
    }

    void mergedGroupsAreShownWithTheirThreshold() {
        const Genres g;
        const GroupMerge merge = mergeSmallGroups(g.group, 5);  // the 4-track genre goes
        QCOMPARE(merge.merged_groups, std::size_t{1});
        const GroupEffectFinding f = groupEffectFinding(
            etaSquared(g.values, merge.group), kruskalWallis(g.values, merge.group), merge);
        QCOMPARE(f.min_group_size, std::size_t{5});
        QCOMPARE(f.merged_groups, std::size_t{1});
        QVERIFY(describeGroupEffect(f).endsWith(
            QStringLiteral("Genres with fewer than 5 tracks (1 of them) are counted together "
                           "as \u201Cother\u201D.")));
    }

    void chanceIsCalledChance() {
        // Hollander & Wolfe's example: p = 0.68. Above the 10-track minimum set here.
        const std::vector<double> values{2.9, 3.0, 2.5, 2.6, 3.2, 3.8, 2.7,
                                         4.0, 2.4, 2.8, 3.4, 3.7, 2.2, 2.0};
        const std::vector<int> group{0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2};
        FindingOptions options;
        options.min_sample = 10;
        const GroupEffectFinding f =
            groupEffectFinding(etaSquared(values, group), kruskalWallis(values, group), options);
        QCOMPARE(f.verdict, Verdict::NoClearEffect);
        GroupWording words;
        words.factor = QStringLiteral("diagnosis");
        words.outcome = QStringLiteral("lung function");
        words.unit_plural = QStringLiteral("patients");
        const QString text = describeGroupEffect(f, words);
        QVERIFY2(text.startsWith(QStringLiteral("Diagnosis explains ")), qPrintable(text));
        QVERIFY2(text.endsWith(QStringLiteral(
                     " of the differences in lung function, but this could well be chance "
                     "(p = 0.68).")),
                 qPrintable(text));
    }

    void smallSamplesAreTooFewToSay() {
        const std::vector<double> values{1, 5, 2, 8, 3, 9, 1, 7, 2, 6, 0, 9};
        const std::vector<int> group{0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
        const GroupEffectFinding f =
            groupEffectFinding(etaSquared(values, group), kruskalWallis(values, group));
        QCOMPARE(f.verdict, Verdict::TooFewToSay);  // clearly different, but only 12 tracks
        QCOMPARE(describeGroupEffect(f),
                 QStringLiteral("Only 12 tracks: too few to say whether genre matters."));
        const GroupEffectFinding none =
            groupEffectFinding(etaSquared({}, {}), kruskalWallis({}, {}));
        QCOMPARE(describeGroupEffect(none),
                 QStringLiteral("No tracks yet: nothing to say about genre."));
    }

    void uncomputableGroupEffects() {
        const std::vector<double> zeros(30, 0.0);
        std::vector<int> two(30, 0);
        for (std::size_t i = 0; i < 15; ++i)
            two[i] = 1;
        const GroupEffectFinding tied =
            groupEffectFinding(etaSquared(zeros, two), kruskalWallis(zeros, two));
        QCOMPARE(tied.verdict, Verdict::CannotTell);
        QCOMPARE(describeGroupEffect(tied),
                 QStringLiteral("There are no differences in how often your songs are played, "
                                "so genre cannot explain any."));
        std::vector<double> values;
        for (int i = 0; i < 30; ++i)
            values.push_back(i);
        const std::vector<int> one(30, 0);
        const GroupEffectFinding single =
            groupEffectFinding(etaSquared(values, one), kruskalWallis(values, one));
        QCOMPARE(single.issue, StatIssue::OneGroup);
        QCOMPARE(describeGroupEffect(single),
                 QStringLiteral("All 30 tracks fall into one genre group, so there is nothing "
                                "to compare."));
    }

    void correlationClaimsFollowTheInterval() {
        FindingOptions options;
        options.min_sample = 10;
        const CorrelationFinding clear =
            correlationFinding(spearman(kPlays17, kDurations17), options);
        QCOMPARE(clear.verdict, Verdict::Clear);
        QCOMPARE(clear.direction, 1);
        QCOMPARE(clear.strength, Strength::Strong);
        QCOMPARE(describeCorrelation(clear, QStringLiteral("duration")),
                 QStringLiteral("Duration: tracks with higher values are played more (strong "
                                "link; Spearman's \u03C1 = 0.84, 95% interval 0.59 to 0.94)."));

        // Rank correlation 0.8 on five tracks: p = 0.10, interval spans 0: no claim.
        options.min_sample = 5;
        const CorrelationFinding weak =
            correlationFinding(spearman({1, 2, 3, 4, 5}, {2, 1, 4, 3, 5}), options);
        QCOMPARE(weak.verdict, Verdict::NoClearEffect);
        QCOMPARE(weak.direction, 0);
        QVERIFY(weak.ci_low < 0.0 && weak.ci_high > 0.0);
        QCOMPARE(describeCorrelation(weak, QStringLiteral("bitrate")),
                 QStringLiteral("Bitrate: no clear link with plays (Spearman's \u03C1 = 0.80, "
                                "95% interval -0.32 to 0.99)."));

        const CorrelationFinding few = correlationFinding(spearman(kPlays17, kDurations17));
        QCOMPARE(few.verdict, Verdict::TooFewToSay);
        QCOMPARE(describeCorrelation(few, QStringLiteral("duration")),
                 QStringLiteral("Duration: only 17 tracks, too few to say."));
        const CorrelationFinding tied =
            correlationFinding(spearman(std::vector<double>(25, 3.0), kDurations17), options);
        QCOMPARE(tied.verdict, Verdict::CannotTell);  // sizes differ: invalid
        const CorrelationFinding flat =
            correlationFinding(spearman(std::vector<double>(17, 3.0), kDurations17), options);
        QCOMPARE(describeCorrelation(flat, QStringLiteral("year")),
                 QStringLiteral("Year: all values are equal, so no link can be measured."));
    }

    void bootstrapIntervalDecides() {
        FindingOptions options;
        options.min_sample = 10;
        const Spearman s = spearman(kPlays17, kDurations17);
        const BootstrapInterval b = spearmanBootstrap(kPlays17, kDurations17, 400, 3);
        const CorrelationFinding f = correlationFinding(s, b, options);
        QVERIFY(f.bootstrap);
        QCOMPARE(f.ci_low, b.low);
        QCOMPARE(f.ci_high, b.high);
        QCOMPARE(f.verdict, b.low > 0.0 ? Verdict::Clear : Verdict::NoClearEffect);
        QVERIFY(describeCorrelation(f, QStringLiteral("duration"))
                    .endsWith(QStringLiteral(" (bootstrap)).")));
    }

    void modelEffectsInWords() {
        using namespace encore::test::glmfixture;
        const GlmFit fit =
            fitGlm({kDuration, kAge, kDecade, kBitrate, kMixed}, kPlays, {GlmFamily::Poisson, 0.0});
        const ModelFinding m = modelFinding(fit);
        QCOMPARE(m.verdict, Verdict::Clear);
        QCOMPARE(m.n, std::size_t{80});
        QCOMPARE(m.used_columns, std::size_t{3});
        QCOMPARE(m.min_n, std::size_t{40});  // 10 per coefficient, intercept included
        QCOMPARE(m.constant_columns, std::vector<std::size_t>{3});
        QCOMPARE(m.collinear_columns, std::vector<std::size_t>{4});
        QVERIFY(describeModel(m).startsWith(QStringLiteral(
            "Fitted on 80 tracks with 3 features (Poisson regression, converged in ")));
        const QString names[] = {QStringLiteral("duration"), QStringLiteral("age"),
                                 QStringLiteral("decade")};
        QCOMPARE(m.effects.size(), std::size_t{3});
        QCOMPARE(describeEffect(m.effects[0], m.family, names[m.effects[0].column]),
                 QStringLiteral("Duration: one standard deviation more goes with 50% more plays "
                                "(95% interval 29% to 75% more), other features held fixed."));
        QCOMPARE(describeEffect(m.effects[1], m.family, names[m.effects[1].column]),
                 QStringLiteral("Age: one standard deviation more goes with 25% fewer plays "
                                "(95% interval 11% to 37% fewer), other features held fixed."));
        QCOMPARE(describeEffect(m.effects[2], m.family, names[m.effects[2].column]),
                 QStringLiteral("Decade: no clear effect (95% interval from 9.4% fewer to 24% "
                                "more plays per standard deviation)."));
        QCOMPARE(describeLeftOut(ColumnFate::Constant, QStringLiteral("bitrate")),
                 QStringLiteral("Bitrate was left out: all tracks have the same value."));
        QCOMPARE(describeLeftOut(ColumnFate::Collinear, QStringLiteral("mix")),
                 QStringLiteral("Mix was left out: it is fully determined by the other features."));
        QVERIFY(describeLeftOut(ColumnFate::Used, QStringLiteral("duration")).isEmpty());
    }

    void logisticEffectsAreOddsRatios() {
        using namespace encore::test::glmfixture;
        std::vector<double> often;
        for (double p : kPlays)
            often.push_back(p >= 2.0 ? 1.0 : 0.0);
        const ModelFinding m =
            modelFinding(fitGlm({kDuration, kAge, kDecade}, often, {GlmFamily::Logistic, 0.0}));
        // statsmodels: duration 0.636 +- 1.96 * 0.267: odds ratio 1.89 (1.12 to 3.19).
        QCOMPARE(m.effects[0].column, std::size_t{0});
        QCOMPARE(describeEffect(m.effects[0], m.family, QStringLiteral("duration")),
                 QStringLiteral("Duration: one standard deviation more goes with 1.89 times the "
                                "odds (95% interval 1.12 to 3.19), other features held fixed."));
    }

    void nothingIsClaimedWithoutSupport() {
        using namespace encore::test::glmfixture;
        // Every effect is Clear exactly when its interval excludes 0, whatever the family.
        for (GlmFamily family : {GlmFamily::Poisson, GlmFamily::NegativeBinomial}) {
            const ModelFinding m =
                modelFinding(fitGlm({kDuration, kAge, kDecade}, kPlays, {family}));
            for (const EffectFinding& e : m.effects) {
                const bool excludes_zero = e.ci_low > 0.0 || e.ci_high < 0.0;
                QCOMPARE(e.verdict == Verdict::Clear, excludes_zero);
                QCOMPARE(e.ratio_low < 1.0 && e.ratio_high > 1.0, !excludes_zero);
                const QString text = describeEffect(e, family, QStringLiteral("x"));
                QCOMPARE(text.contains(QStringLiteral("no clear effect")), !excludes_zero);
            }
        }
    }

    void smallOrBrokenModelsClaimNothing() {
        using namespace encore::test::glmfixture;
        const std::vector<double> d(kDuration.begin(), kDuration.begin() + 29);
        const std::vector<double> a(kAge.begin(), kAge.begin() + 29);
        const std::vector<double> y(kPlays.begin(), kPlays.begin() + 29);
        const ModelFinding small = modelFinding(fitGlm({d, a}, y, {}));
        QCOMPARE(small.verdict, Verdict::TooFewToSay);
        QCOMPARE(describeModel(small),
                 QStringLiteral("Only 29 tracks for 2 features: too few to fit a model (at least "
                                "30 are needed)."));
        FindingOptions strict;
        strict.min_sample = 50;
        const ModelFinding strict_small = modelFinding(fitGlm({d, a}, y, {}), strict);
        QCOMPARE(strict_small.verdict, Verdict::TooFewToSay);
        for (const EffectFinding& e : strict_small.effects) {
            QCOMPARE(e.verdict, Verdict::TooFewToSay);
            QCOMPARE(describeEffect(e, strict_small.family, QStringLiteral("age")),
                     QStringLiteral("Age: too few data to say."));
        }

        std::vector<double> x;
        std::vector<double> separated;
        for (int i = 0; i < 40; ++i) {
            x.push_back(i);
            separated.push_back(i < 20 ? 0.0 : 1.0);
        }
        const ModelFinding broken =
            modelFinding(fitGlm({x}, separated, {GlmFamily::Logistic, 0.0}));
        QCOMPARE(broken.verdict, Verdict::CannotTell);
        QCOMPARE(broken.issue, StatIssue::Separation);
        QVERIFY(describeModel(broken).contains(QStringLiteral("no effect is claimed")));
        for (const EffectFinding& e : broken.effects)
            QCOMPARE(e.verdict, Verdict::CannotTell);
        GlmOptions hurried{GlmFamily::Poisson, 0.0};
        hurried.max_iterations = 1;
        const ModelFinding unsettled = modelFinding(fitGlm({x}, y40(), hurried));
        QCOMPARE(unsettled.verdict, Verdict::CannotTell);
        QCOMPARE(describeModel(unsettled),
                 QStringLiteral("The model did not settle after 1 step, so no effect is claimed."));
        for (const EffectFinding& e : unsettled.effects)
            QCOMPARE(e.verdict, Verdict::CannotTell);
        const ModelFinding flat =
            modelFinding(fitGlm({x}, std::vector<double>(40, 2.0), {GlmFamily::Poisson}));
        QCOMPARE(describeModel(flat),
                 QStringLiteral("All tracks have the same number of plays, so there is nothing to "
                                "explain."));
    }
};

QTEST_GUILESS_MAIN(TestFindings)
#include "tst_findings.moc"
