#include "reco/qualitygates.h"

#include "reco/scorerregistry.h"

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

constexpr double kUnboundedRatio = 1e9;

double ratio(double a, double b) {
    return b > 0 ? a / b : (a > 0 ? kUnboundedRatio : 0.0);
}

struct BestBaseline {
    std::string name = "popular";
    double hr10 = 0.0;  // pooled, or the per-profile mean
};

double newHitRate(const EvalResult& result, const std::string& method) {
    const MethodResult* m = result.method(method);
    const int j = m ? indexOfK(m->report, 10) : -1;
    return j < 0 ? 0.0 : m->report.fresh.hr[j];
}

double profileMean(const EvalResult& result, const std::string& method) {
    const MethodResult* m = result.method(method);
    return m ? reco::perProfile(m->report, reco::Metric::HitRate, 10).mean : 0.0;
}

// The single baseline with the highest HR@10, pooled or averaged per profile.
BestBaseline bestBaseline(const EvalResult& result, bool per_profile) {
    BestBaseline best;
    for (const std::string& name : singleBaselines()) {
        const double h = per_profile ? profileMean(result, name) : hitRate(result, name, 10);
        if (h > best.hr10)
            best = {name, h};
    }
    return best;
}

// mean(a) / mean(b) over profiles with its paired bootstrap interval.
reco::ProfileInterval profileRatio(const EvalResult& result, const std::string& a,
                                   const std::string& b) {
    const MethodResult* ma = result.method(a);
    const MethodResult* mb = result.method(b);
    if (!ma || !mb)
        return {};
    return reco::bootstrapRatio(reco::profileValues(ma->report, reco::Metric::HitRate, 10),
                                reco::profileValues(mb->report, reco::Metric::HitRate, 10));
}

}  // namespace

QString QualityGate::line() const {
    // A ratio over a method that scored nothing is unbounded, not a billion.
    const QString shown = value >= kUnboundedRatio
                              ? QStringLiteral("unbounded (the other scores 0)")
                              : QString::number(value, 'f', unit.isEmpty() ? 4 : 2) + unit;
    return QStringLiteral("GATE %1 = %2 (%3 %4%5): %6")
        .arg(name, shown, strictly ? QStringLiteral(">") : QStringLiteral(">="))
        .arg(required)
        .arg(unit, pass() ? QStringLiteral("PASS") : QStringLiteral("FAIL"));
}

const std::vector<std::string>& singleBaselines() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> single;
        for (const ScorerKind& kind : scorerKinds()) {
            if (kind.single_baseline)
                single.push_back(kind.name);
        }
        return single;
    }();
    return names;
}

double hitRate(const EvalResult& result, const std::string& method, int k) {
    const MethodResult* m = result.method(method);
    const int j = m ? indexOfK(m->report, k) : -1;
    return j < 0 ? 0.0 : m->report.all.hr[j];
}

std::vector<QualityGate> servedGates(const EvalResult& result, const QString& label) {
    const BestBaseline pooled = bestBaseline(result, false);
    const BestBaseline per_profile = bestBaseline(result, true);
    const reco::ProfileInterval served_ratio = profileRatio(result, "blend", per_profile.name);
    const QString x = QStringLiteral("x");
    return {
        {prefixed(label, QStringLiteral("served blend HR@10 / most played")),
         ratio(hitRate(result, "blend", 10), hitRate(result, "popular", 10)), kServedVsPopular, x},
        {prefixed(label, QStringLiteral("served blend HR@10 / best single baseline (%1)")
                             .arg(QString::fromStdString(pooled.name))),
         ratio(hitRate(result, "blend", 10), pooled.hr10), kServedVsBestBaseline, x},
        {prefixed(label,
                  QStringLiteral("served blend per-profile HR@10 / best single baseline's (%1), "
                                 "95% interval [%2, %3], low end")
                      .arg(QString::fromStdString(per_profile.name))
                      .arg(served_ratio.low, 0, 'f', 2)
                      .arg(served_ratio.high, 0, 'f', 2)),
         served_ratio.low, kServedProfileLowVsBest, x},
        {prefixed(label, QStringLiteral("two_tower HR@10 / best single baseline (%1)")
                             .arg(QString::fromStdString(pooled.name))),
         ratio(hitRate(result, "two_tower", 10), pooled.hr10), kModelVsBestBaseline, x},
        {prefixed(label, QStringLiteral("two_tower new-to-listener HR@10 / content's")),
         ratio(newHitRate(result, "two_tower"), newHitRate(result, "content")),
         kModelVsContentOnNew, x, true},
    };
}

std::vector<QualityGate> servedFloorGates(const EvalResult& result, const QString& label) {
    const BestBaseline pooled = bestBaseline(result, false);
    const double served = hitRate(result, "blend", 10);
    return {
        {prefixed(label, QStringLiteral("floor: served blend HR@10 / most played")),
         ratio(served, hitRate(result, "popular", 10)), kServedVsPopular, QStringLiteral("x")},
        {prefixed(label, QStringLiteral("floor: served blend HR@10 / best single baseline (%1)")
                             .arg(QString::fromStdString(pooled.name))),
         ratio(served, pooled.hr10), kFloorServedVsBestBaseline, QStringLiteral("x")},
    };
}

QualityGate seedGate(const EvalResult& result, const QString& label) {
    const MethodResult* m = result.method("two_tower");
    const int j = m ? indexOfK(m->report, 100) : -1;
    return {prefixed(label, QStringLiteral("two_tower top_100")),
            j < 0 ? 0.0 : m->report.all.top_k[j], kSeedTop100, QString()};
}

}  // namespace encore
