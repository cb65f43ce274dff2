// Ridge-regularised Poisson / negative-binomial / logistic regression by IRLS, against
// statsmodels 0.13.5 and SciPy 1.10.1. The fixture and every reference number come from
// tests/stats/reference/glm.py (calls named next to each number below).

#include "glmfixture.h"
#include "stats/math/glm.h"
#include "statstestsupport.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace encore::stats;

Q_DECLARE_METATYPE(std::vector<double>)

namespace {

using namespace encore::test::glmfixture;

std::vector<std::vector<double>> allColumns() {
    return {kDuration, kAge, kDecade, kBitrate, kMixed};
}

const GlmEffect& effectOf(const GlmFit& fit, std::size_t column) {
    for (const GlmEffect& e : fit.effects) {
        if (e.column == column)
            return e;
    }
    qFatal("column %zu has no effect", column);
}

// Reference: intercept and the three used columns (duration, age, decade).
struct Reference {
    double params[4];
    double bse[4];
};

void compareToReference(const GlmFit& fit, const Reference& ref, double tolerance) {
    ENCORE_COMPARE_NEAR(fit.intercept, ref.params[0], tolerance, 1e-12);
    ENCORE_COMPARE_NEAR(fit.intercept_se, ref.bse[0], tolerance, 1e-12);
    for (std::size_t k = 0; k < 3; ++k) {
        const GlmEffect& e = effectOf(fit, k);
        ENCORE_COMPARE_NEAR(e.estimate, ref.params[k + 1], tolerance, 1e-12);
        ENCORE_COMPARE_NEAR(e.std_error, ref.bse[k + 1], tolerance, 1e-12);
        ENCORE_COMPARE_NEAR(e.ci_low, e.estimate - 1.959963984540054 * e.std_error, 1e-14, 1e-14);
        ENCORE_COMPARE_NEAR(e.ci_high, e.estimate + 1.959963984540054 * e.std_error, 1e-14, 1e-14);
    }
}

}  // namespace

class TestGlm : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void constantAndCollinearColumnsAreLeftOut() {
        const GlmFit fit = fitGlm(allColumns(), kPlays, {GlmFamily::Poisson, 0.0});
        QVERIFY(fit.ok());
        QCOMPARE(fit.fate,
                 (std::vector<ColumnFate>{ColumnFate::Used, ColumnFate::Used, ColumnFate::Used,
                                          ColumnFate::Constant, ColumnFate::Collinear}));
        QCOMPARE(fit.effects.size(), std::size_t{3});
        QCOMPARE(fit.column_sd[3], 0.0);
        QCOMPARE(fit.column_mean[3], 320.0);
        // The later of the dependent columns goes: here the decade, when mixed comes first.
        const GlmFit reordered =
            fitGlm({kMixed, kDuration, kDecade}, kPlays, {GlmFamily::Poisson, 0.0});
        QCOMPARE(reordered.fate, (std::vector<ColumnFate>{ColumnFate::Used, ColumnFate::Used,
                                                          ColumnFate::Collinear}));
    }

    void poissonAgainstStatsmodels() {
        // sm.GLM(plays, X, family=Poisson()).fit(tol=1e-14), X = constant + standardised
        // (ddof=1) duration, age, decade.
        const Reference ref{
            {0.5205151386693361, 0.40633176023196865, -0.2900139265270485, 0.05972845734166276},
            {0.09087167344678723, 0.07933987282367855, 0.08631822018965427, 0.08103530184465184}};
        const GlmFit fit = fitGlm(allColumns(), kPlays, {GlmFamily::Poisson, 0.0});
        QVERIFY(fit.ok());
        QVERIFY(fit.converged);
        QCOMPARE(fit.n, std::size_t{80});
        QCOMPARE(fit.dispersion, 0.0);
        compareToReference(fit, ref, 1e-8);
        ENCORE_COMPARE_NEAR(fit.log_likelihood, -140.57314801167152, 1e-10, 0.0);
        ENCORE_COMPARE_NEAR(fit.deviance, 118.60701732263648, 1e-10, 0.0);
        // Ranked by size of effect: duration (0.41), age (-0.29), decade (0.06).
        QCOMPARE(fit.effects[0].column, std::size_t{0});
        QCOMPARE(fit.effects[1].column, std::size_t{1});
        QCOMPARE(fit.effects[2].column, std::size_t{2});
        QVERIFY(fit.effects[0].clear());
        QVERIFY(fit.effects[1].clear());
        QVERIFY(!fit.effects[2].clear());  // the decade's interval spans 0
    }

    void negativeBinomialAgainstStatsmodels() {
        // alpha: sm.NegativeBinomial(plays, X, loglike_method="nb2").fit(method="newton")
        // = 0.23608445310292586 (joint maximum likelihood, llf -136.90915071887514);
        // coefficients and standard errors: sm.GLM(plays, X,
        // family=NegativeBinomial(alpha=alpha)).fit(tol=1e-14), deviance 83.97564777695294.
        const Reference ref{
            {0.5301358321626484, 0.3629385254000263, -0.299010670107276, 0.06217897482545544},
            {0.10551408910893734, 0.10106898998349007, 0.10463217586602683, 0.09975420127703265}};
        const GlmFit fit = fitGlm(allColumns(), kPlays, {GlmFamily::NegativeBinomial, 0.0});
        QVERIFY(fit.ok());
        QVERIFY(fit.converged);
        ENCORE_COMPARE_NEAR(fit.dispersion, 0.23608445310292586, 1e-6, 0.0);
        compareToReference(fit, ref, 1e-6);
        ENCORE_COMPARE_NEAR(fit.log_likelihood, -136.90915071887514, 1e-10, 0.0);
        ENCORE_COMPARE_NEAR(fit.deviance, 83.97564777695294, 1e-6, 0.0);
        // Overdispersion widens the intervals compared with Poisson.
        const GlmFit poisson = fitGlm(allColumns(), kPlays, {GlmFamily::Poisson, 0.0});
        QVERIFY(effectOf(fit, 0).std_error > effectOf(poisson, 0).std_error);
    }

    void sandwichErrorsAgainstStatsmodels_data() {
        QTest::addColumn<int>("family");
        QTest::addColumn<std::vector<double>>("outcome");
        QTest::addColumn<std::vector<double>>("params");
        QTest::addColumn<std::vector<double>>("bse");
        QTest::addColumn<double>("tolerance");
        // sm.GLM(plays, X, family=Poisson()).fit(tol=1e-14, cov_type="HC0")
        QTest::newRow("Poisson") << int(GlmFamily::Poisson) << kPlays
                                 << std::vector<double>{0.5205151386693361, 0.40633176023196865,
                                                        -0.2900139265270485, 0.05972845734166276}
                                 << std::vector<double>{0.11051572544399967, 0.11381795232777026,
                                                        0.10058831701767566, 0.10378679811627843}
                                 << 1e-8;
        // NB2 at alpha = 0.23608445310292586: statsmodels' HC0 takes the observed Hessian as
        // the bread, which for this non-canonical link differs from the expected information
        // used here, so the reference is the expected-information sandwich computed with numpy
        // in reference/glm.py (the last block), at sm.GLM(..., NegativeBinomial(alpha))'s fit.
        QTest::newRow("negative binomial")
            << int(GlmFamily::NegativeBinomial) << kPlays
            << std::vector<double>{0.5301358321626484, 0.3629385254000263, -0.299010670107276,
                                   0.06217897482545544}
            << std::vector<double>{0.1078807823999154, 0.11401460729320666, 0.10313434484841222,
                                   0.10196274777199822}
            << 1e-6;
        // sm.GLM(plays >= 2, X, family=Binomial()).fit(tol=1e-14, cov_type="HC0")
        std::vector<double> often;
        for (double p : kPlays)
            often.push_back(p >= 2.0 ? 1.0 : 0.0);
        QTest::newRow("logistic") << int(GlmFamily::Logistic) << often
                                  << std::vector<double>{-0.287487988024427, 0.6362849571661904,
                                                         -0.5431804670792576, 0.18064786481220813}
                                  << std::vector<double>{0.2453014496334889, 0.27187112462341767,
                                                         0.25548958370432445, 0.24709602769651165}
                                  << 1e-8;
    }

    void sandwichErrorsAgainstStatsmodels() {
        QFETCH(int, family);
        QFETCH(std::vector<double>, outcome);
        QFETCH(std::vector<double>, params);
        QFETCH(std::vector<double>, bse);
        QFETCH(double, tolerance);
        GlmOptions options{GlmFamily(family), 0.0};
        options.robust = true;
        const GlmFit fit = fitGlm(allColumns(), outcome, options);
        QVERIFY(fit.ok());
        QVERIFY(fit.robust);
        Reference ref{};
        for (std::size_t k = 0; k < 4; ++k) {
            ref.params[k] = params[k];
            ref.bse[k] = bse[k];
        }
        compareToReference(fit, ref, tolerance);
    }

    void logisticAgainstStatsmodels() {
        // sm.Logit(plays >= 2, X).fit(method="newton", tol=1e-14), llf -48.34306540779474.
        const Reference ref{
            {-0.2874879880244272, 0.636284957166191, -0.5431804670792578, 0.1806478648122082},
            {0.24555358084615211, 0.26707418067901284, 0.25655328008900224, 0.24296121669869164}};
        std::vector<double> often;
        for (double p : kPlays)
            often.push_back(p >= 2.0 ? 1.0 : 0.0);
        const GlmFit fit = fitGlm(allColumns(), often, {GlmFamily::Logistic, 0.0});
        QVERIFY(fit.ok());
        compareToReference(fit, ref, 1e-8);
        ENCORE_COMPARE_NEAR(fit.log_likelihood, -48.34306540779474, 1e-10, 0.0);
        ENCORE_COMPARE_NEAR(fit.deviance, 2.0 * 48.34306540779474, 1e-10, 0.0);
    }

    void ridgePoissonAgainstScipy() {
        // Ridge 2: scipy.optimize.minimize (BFGS, gtol 1e-12) of
        // loglik - 2/2 * sum(beta[1:]^2); standard errors sqrt(diag((X'WX + 2 I*)^-1)).
        const Reference ref{
            {0.5235882729833754, 0.4022035485052083, -0.2869216787895178, 0.05910557740202004},
            {0.09055610287036943, 0.07883244325108789, 0.08556670707851698, 0.08047645919588543}};
        const GlmFit fit = fitGlm(allColumns(), kPlays, {GlmFamily::Poisson, 2.0});
        QVERIFY(fit.ok());
        QCOMPARE(fit.ridge, 2.0);
        compareToReference(fit, ref, 1e-7);
    }

    void ridgeShrinksTowardsZero() {
        const GlmFit plain = fitGlm(allColumns(), kPlays, {GlmFamily::NegativeBinomial, 0.0});
        const GlmFit strong = fitGlm(allColumns(), kPlays, {GlmFamily::NegativeBinomial, 1000.0});
        QVERIFY(plain.ok() && strong.ok());
        for (std::size_t k = 0; k < 3; ++k) {
            QVERIFY(std::fabs(effectOf(strong, k).estimate) <
                    0.2 * std::fabs(effectOf(plain, k).estimate));
        }
    }

    void duplicatedColumnIsStableWithRidge() {
        // The same feature twice is exactly collinear: one copy is dropped, and the fit equals
        // the fit with one copy.
        const GlmFit twice = fitGlm({kDuration, kDuration}, kPlays, {});
        const GlmFit once = fitGlm({kDuration}, kPlays, {});
        QVERIFY(twice.ok() && once.ok());
        QCOMPARE(twice.fate[1], ColumnFate::Collinear);
        ENCORE_COMPARE_NEAR(twice.effects[0].estimate, once.effects[0].estimate, 1e-12, 1e-14);
    }

    void nearlyCollinearColumnsShareTheEffect() {
        // A copy with tiny noise is kept (not exactly collinear); without ridge the two
        // estimates are wild, with ridge they share the effect and stay finite and sane.
        std::vector<double> noisy(kDuration);
        for (std::size_t i = 0; i < noisy.size(); ++i)
            noisy[i] += (i % 2 == 0 ? 1e-3 : -1e-3);
        const GlmFit ridge = fitGlm({kDuration, noisy}, kPlays, {GlmFamily::Poisson, 1.0});
        QVERIFY(ridge.ok());
        QCOMPARE(ridge.fate[1], ColumnFate::Used);
        const double total = ridge.effects[0].estimate + ridge.effects[1].estimate;
        const GlmFit single = fitGlm({kDuration}, kPlays, {GlmFamily::Poisson, 0.0});
        QVERIFY(std::fabs(total - single.effects[0].estimate) < 0.05);
        QVERIFY(std::fabs(ridge.effects[0].estimate - ridge.effects[1].estimate) < 0.05);
    }

    void interceptOnlyModels() {
        // No features: the intercept is log(mean plays), by hand.
        double mean = 0.0;
        for (double p : kPlays)
            mean += p;
        mean /= static_cast<double>(kPlays.size());
        const GlmFit none = fitGlm({}, kPlays, {GlmFamily::Poisson, 0.0});
        QVERIFY(none.ok());
        QVERIFY(none.effects.empty());
        ENCORE_COMPARE_NEAR(none.intercept, std::log(mean), 1e-10, 0.0);
        // Standard error of log(mean) for Poisson: 1 / sqrt(sum y).
        ENCORE_COMPARE_NEAR(none.intercept_se, 1.0 / std::sqrt(mean * 80.0), 1e-8, 0.0);
        const GlmFit constant_only = fitGlm({kBitrate}, kPlays, {GlmFamily::Poisson, 0.0});
        QVERIFY(constant_only.ok());
        QCOMPARE(constant_only.fate[0], ColumnFate::Constant);
        ENCORE_COMPARE_NEAR(constant_only.intercept, std::log(mean), 1e-10, 0.0);
    }

    void invalidInput() {
        QCOMPARE(fitGlm({}, {}, {}).issue, StatIssue::Empty);
        QCOMPARE(fitGlm({{1, 2}}, {1, 2, 3}, {}).issue, StatIssue::InvalidInput);
        QCOMPARE(fitGlm({{1, 2, 3}}, {1, -2, 3}, {}).issue, StatIssue::InvalidInput);
        QCOMPARE(fitGlm({{1, NAN, 3}}, {1, 2, 3}, {}).issue, StatIssue::InvalidInput);
        QCOMPARE(fitGlm({{1, 2, 3}}, {1, 2, INFINITY}, {}).issue, StatIssue::InvalidInput);
        QCOMPARE(fitGlm({{1, 2, 3}}, {0, 2, 1}, {GlmFamily::Logistic}).issue,
                 StatIssue::InvalidInput);
        QCOMPARE(fitGlm({{1, 2, 3}}, {0, 2, 1}, {GlmFamily::Poisson, -1.0}).issue,
                 StatIssue::InvalidInput);
    }

    void degenerateOutcomes() {
        const GlmFit zeros = fitGlm({kDuration}, std::vector<double>(80, 0.0), {});
        QCOMPARE(zeros.issue, StatIssue::AllTied);
        QVERIFY(zeros.effects.empty());
        QCOMPARE(zeros.intercept, 0.0);
        // Three tracks, three features: no degrees of freedom left.
        const GlmFit tiny = fitGlm({{1, 2, 3}, {3, 1, 2}, {5, 5, 4}}, {0, 1, 3}, {});
        QCOMPARE(tiny.issue, StatIssue::TooFew);
        QCOMPARE(tiny.n, std::size_t{3});
        // Two tracks, one feature: still too few (n < used columns + 2).
        QCOMPARE(fitGlm({{1, 2}}, {0, 1}, {}).issue, StatIssue::TooFew);
        QVERIFY(fitGlm({{1, 2, 3}}, {0, 1, 3}, {}).ok());
    }

    void separationWithoutRidgeIsReportedNotNaN() {
        // The feature separates the outcome perfectly: maximum likelihood runs off to
        // infinity. Without ridge the fit must say so; with ridge it is finite and clear.
        const std::vector<double> x{1, 2, 3, 4, 5, 6, 7, 8};
        const std::vector<double> y{0, 0, 0, 0, 1, 1, 1, 1};
        const GlmFit plain = fitGlm({x}, y, {GlmFamily::Logistic, 0.0, 50});
        QCOMPARE(plain.issue, StatIssue::Separation);
        QVERIFY(std::isfinite(plain.intercept));
        for (const GlmEffect& e : plain.effects)
            QVERIFY(std::isfinite(e.estimate) && std::isfinite(e.std_error));
        const GlmFit ridge = fitGlm({x}, y, {GlmFamily::Logistic, 1.0});
        QVERIFY(ridge.ok());
        QVERIFY(ridge.effects[0].estimate > 0.0);
        QVERIFY(std::isfinite(ridge.effects[0].std_error));
    }

    void zeroPlaysSeparatedByAFeature() {
        // Only the longest tracks (x = 6) were ever played: the likelihood keeps growing as the
        // slope grows, so the Poisson estimate runs off to infinity (fitted means of the others
        // reach 0). Reported as separation; ridge keeps it finite.
        const std::vector<double> x{1, 2, 3, 4, 5, 6, 6, 6};
        const std::vector<double> y{0, 0, 0, 0, 0, 2, 1, 3};
        const GlmFit plain = fitGlm({x}, y, {GlmFamily::Poisson, 0.0});
        QCOMPARE(plain.issue, StatIssue::Separation);
        QVERIFY(std::isfinite(plain.effects[0].estimate));
        const GlmFit ridge = fitGlm({x}, y, {GlmFamily::Poisson, 1.0});
        QVERIFY(ridge.ok());
        QVERIFY(ridge.effects[0].clear());
    }

    void runningOutOfIterationsIsReported() {
        GlmOptions options{GlmFamily::Poisson, 0.0};
        options.max_iterations = 1;
        const GlmFit fit = fitGlm(allColumns(), kPlays, options);
        QCOMPARE(fit.issue, StatIssue::NotConverged);
        QVERIFY(!fit.converged);
        QCOMPARE(fit.iterations, 1);
        QCOMPARE(fit.effects.size(), std::size_t{3});
        for (const GlmEffect& e : fit.effects)
            QVERIFY(std::isfinite(e.estimate) && std::isfinite(e.std_error) && e.std_error > 0.0);
    }

    void levelWidensIntervals() {
        GlmOptions options{GlmFamily::Poisson, 0.0};
        options.level = 0.99;
        const GlmFit fit = fitGlm(allColumns(), kPlays, options);
        const GlmEffect& e = effectOf(fit, 0);
        ENCORE_COMPARE_NEAR(e.ci_high - e.estimate, 2.5758293035489004 * e.std_error, 1e-12, 0.0);
        ENCORE_COMPARE_NEAR(e.p_value, std::erfc(std::fabs(e.z) / std::sqrt(2.0)), 1e-12, 0.0);
    }
};

QTEST_GUILESS_MAIN(TestGlm)
#include "tst_glm.moc"
