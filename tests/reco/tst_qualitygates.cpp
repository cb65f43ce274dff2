// The recommender's quality gates (bench/quality and the real-data test): declared for what the
// product serves, so a better model alone or another variant never passes them for the blend,
// and the best single baseline is the best of all of them, content included.

#include "reco/qualitygates.h"

#include <QtTest>

using namespace encore;

namespace {

MethodResult method(const char* name, double hr10, double top100 = 0.0) {
    MethodResult m;
    m.name = name;
    m.report.ks = {10, 100};
    m.report.all.hr = {hr10, top100};
    m.report.all.ndcg = {0.0, 0.0};
    m.report.all.top_k = {hr10, top100};
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
    void servedGates_data() {
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
    }

    void servedGates() {
        QFETCH(EvalResult, result);
        QFETCH(bool, vsPopular);
        QFETCH(bool, vsBest);
        QFETCH(QString, bestName);
        const std::vector<QualityGate> gates = encore::servedGates(result);
        QCOMPARE(gates.size(), size_t(2));
        QCOMPARE(gates[0].pass(), vsPopular);
        QCOMPARE(gates[1].pass(), vsBest);
        QVERIFY2(gates[1].name.contains(bestName), qPrintable(gates[1].name));
        QVERIFY(
            gates[0].line().endsWith(vsPopular ? QLatin1String("PASS") : QLatin1String("FAIL")));
    }

    void seedGateIsTheModelsTop100() {
        QVERIFY(seedGate(result({method("two_tower", 0.1, 0.23)})).pass());
        QVERIFY(!seedGate(result({method("two_tower", 0.1, 0.2299)})).pass());
        QVERIFY(!seedGate(result({method("blend", 0.1, 0.9)})).pass());
    }
};

QTEST_GUILESS_MAIN(TestQualityGates)
#include "tst_qualitygates.moc"
