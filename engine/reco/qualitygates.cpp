#include "reco/qualitygates.h"

#include <algorithm>

namespace encore {

namespace {

int indexOfK(const reco::EvalReport& r, int k) {
    const auto it = std::find(r.ks.begin(), r.ks.end(), k);
    return it == r.ks.end() ? -1 : static_cast<int>(it - r.ks.begin());
}

QString prefixed(const QString& label, const QString& name) {
    return label.isEmpty() ? name : label + QLatin1Char(' ') + name;
}

}  // namespace

QString QualityGate::line() const {
    return QStringLiteral("GATE %1 = %2%3 (>= %4%3): %5")
        .arg(name)
        .arg(value, 0, 'f', unit.isEmpty() ? 4 : 2)
        .arg(unit)
        .arg(required)
        .arg(pass() ? QStringLiteral("PASS") : QStringLiteral("FAIL"));
}

const std::vector<std::string>& singleBaselines() {
    static const std::vector<std::string> names = {"popular", "user_popular", "cooccurrence",
                                                   "content"};
    return names;
}

double hitRate(const EvalResult& result, const std::string& method, int k) {
    const MethodResult* m = result.method(method);
    const int j = m ? indexOfK(m->report, k) : -1;
    return j < 0 ? 0.0 : m->report.all.hr[j];
}

std::vector<QualityGate> servedGates(const EvalResult& result, const QString& label) {
    const double served = hitRate(result, "blend", 10);
    const double popular = hitRate(result, "popular", 10);
    std::string best_name = "popular";
    double best = 0.0;
    for (const std::string& name : singleBaselines()) {
        const double h = hitRate(result, name, 10);
        if (h > best) {
            best = h;
            best_name = name;
        }
    }
    auto ratio = [](double a, double b) { return b > 0 ? a / b : (a > 0 ? 1e9 : 0.0); };
    return {
        {prefixed(label, QStringLiteral("served blend HR@10 / most played")),
         ratio(served, popular), kServedVsPopular, QStringLiteral("x")},
        {prefixed(label, QStringLiteral("served blend HR@10 / best single baseline (%1)")
                             .arg(QString::fromStdString(best_name))),
         ratio(served, best), kServedVsBestBaseline, QStringLiteral("x")},
    };
}

QualityGate seedGate(const EvalResult& result, const QString& label) {
    const MethodResult* m = result.method("two_tower");
    const int j = m ? indexOfK(m->report, 100) : -1;
    return {prefixed(label, QStringLiteral("two_tower top_100")),
            j < 0 ? 0.0 : m->report.all.top_k[j], kSeedTop100, QString()};
}

}  // namespace encore
