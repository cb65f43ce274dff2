// The recommender's quality gates (bench/quality) and the floor under them (the real-data test):
// declared for what the product serves, so a better model alone or another variant never passes
// them for the blend, and the best single baseline is the best of all of them, content, sr and
// vsknn included.

#include "reco/qualitygates.h"

#include <QtTest>

using namespace encore;

namespace {

reco::MetricSet metrics(double hr10, double top100 = 0.0) {
    reco::MetricSet set;
    set.hr = {hr10, top100};
    set.ndcg = {0.0, 0.0};
    set.top_k = {hr10, top100};
    return set;
}

// `profiles`: each profile's HR@10 (none: no per-profile figures); `fresh`: new-to-listener.
MethodResult method(const char* name, double hr10, double top100 = 0.0,
                    std::vector<double> profiles = {}, double fresh = 0.0) {
    MethodResult m;
    m.name = name;
    m.report.ks = {10, 100};
    m.report.all = metrics(hr10, top100);
    m.report.fresh = metrics(fresh);
    for (double p : profiles)
        m.report.per_profile.push_back(metrics(p));
    return m;
}

EvalResult result(std::initializer_list<MethodResult> methods) {
    EvalResult r;
    r.methods = methods;
    return r;
}

}  // namespace

Q_DECLARE_METATYPE(encore::EvalResult)

class TestQualityGates : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void servedFloorGates_data() {
        QTest::addColumn<EvalResult>("result");
        QTest::addColumn<bool>("vsPopular");
        QTest::addColumn<bool>("vsBest");
        QTest::addColumn<QString>("bestName");
        QTest::newRow("blend clears both")
            << result({method("popular", 0.01), method("user_popular", 0.03),
                       method("cooccurrence", 0.15), method("content", 0.12),
                       method("two_tower", 0.13), method("blend", 0.20)})
            << true << true << "cooccurrence";
        // The model alone would clear 1.2x; the gate is the served blend's and fails.
        QTest::newRow("the model is better, the served blend is not")
            << result({method("popular", 0.01), method("cooccurrence", 0.15),
                       method("two_tower", 0.30), method("blend", 0.16)})
            << true << false << "cooccurrence";
        // Content is a single baseline too: the blend must clear it as well.
        QTest::newRow("content is the best baseline")
            << result({method("popular", 0.01), method("cooccurrence", 0.10),
                       method("content", 0.17), method("blend", 0.19)})
            << true << false << "content";
        QTest::newRow("no blend measured fails")
            << result({method("popular", 0.01), method("cooccurrence", 0.10),
                       method("two_tower", 0.5)})
            << false << false << "cooccurrence";
        QTest::newRow("exactly at the gate passes")
            << result(
                   {method("popular", 0.05), method("cooccurrence", 0.10), method("blend", 0.12)})
            << true << true << "cooccurrence";
        // The session baselines count: 1.2x co-occurrence is not enough when vsknn is higher.
        QTest::newRow("vsknn is the best baseline")
            << result({method("popular", 0.01), method("cooccurrence", 0.10), method("sr", 0.11),
                       method("vsknn", 0.14), method("blend", 0.13)})
            << true << false << "vsknn";
    }

    void servedFloorGates() {
        QFETCH(EvalResult, result);
        QFETCH(bool, vsPopular);
        QFETCH(bool, vsBest);
        QFETCH(QString, bestName);
        const std::vector<QualityGate> gates = encore::servedFloorGates(result);
        QCOMPARE(gates.size(), size_t(2));
        QCOMPARE(gates[0].pass(), vsPopular);
        QCOMPARE(gates[1].pass(), vsBest);
        QVERIFY2(gates[1].name.contains(bestName), qPrintable(gates[1].name));
        QVERIFY(
            gates[0].line().endsWith(vsPopular ? QLatin1String("PASS") : QLatin1String("FAIL")));
    }

    void servedGatesAreIssue14sTargets() {
        // sr is best pooled (0.10), cooccurrence per profile (mean 0.11): each gate names its own.
        const EvalResult r = result({
            method("popular", 0.01, 0, {0.01, 0.01, 0.01}),
            method("cooccurrence", 0.09, 0, {0.05, 0.08, 0.20}, 0.01),
            method("sr", 0.10, 0, {0.04, 0.06, 0.20}),
            method("content", 0.08, 0, {0.06, 0.06, 0.06}, 0.05),
            method("two_tower", 0.12, 0, {0.10, 0.10, 0.10}, 0.05),
            method("blend", 0.14, 0, {0.12, 0.14, 0.30}),
        });
        const std::vector<QualityGate> gates = encore::servedGates(r);
        QCOMPARE(gates.size(), size_t(5));
        QVERIFY(gates[0].pass());  // 14x most played
        QVERIFY(gates[1].name.contains(QLatin1String("(sr)")));
        QVERIFY(!gates[1].pass());  // 0.14 / 0.10 = 1.4 < 1.5
        // Per profile against cooccurrence: every resample's ratio is at least 0.30 / 0.20.
        QVERIFY(gates[2].name.contains(QLatin1String("(cooccurrence)")));
        QVERIFY(gates[2].value >= 1.5 - 1e-9 && gates[2].pass());
        QVERIFY2(gates[3].name.contains(QLatin1String("two_tower")), qPrintable(gates[3].name));
        QVERIFY(gates[3].pass());   // 0.12 / 0.10 = 1.2, at the gate
        QVERIFY(!gates[4].pass());  // equal to content on new plays: not beating it
        QVERIFY(gates[4].line().contains(QLatin1String("(> 1x)")));
    }

    void aRatioOverNothingIsUnboundedNotABillion() {
        const std::vector<QualityGate> gates = encore::servedFloorGates(
            result({method("popular", 0.0), method("content", 0.05), method("blend", 0.08)}));
        QVERIFY(gates[0].pass());
        QVERIFY2(
            gates[0].line().contains(QLatin1String("= unbounded (the other scores 0) (>= 2x)")),
            qPrintable(gates[0].line()));
        QVERIFY2(gates[1].line().contains(QLatin1String("= 1.60x (>= 1.2x): PASS")),
                 qPrintable(gates[1].line()));
    }

    void seedGateIsTheModelsTop100() {
        QVERIFY(seedGate(result({method("two_tower", 0.1, 0.23)})).pass());
        QVERIFY(!seedGate(result({method("two_tower", 0.1, 0.2299)})).pass());
        QVERIFY(!seedGate(result({method("blend", 0.1, 0.9)})).pass());
    }
};

QTEST_GUILESS_MAIN(TestQualityGates)
#include "tst_qualitygates.moc"
