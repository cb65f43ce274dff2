#pragma once

#include "reco/offlineevaluation.h"

#include <QString>

#include <string>
#include <vector>

namespace encore {

// One quality gate: a figure measured on real listening against the value it must reach.
struct QualityGate {
    QString name;           // "served blend HR@10 / most played"
    double value = 0.0;     // measured
    double required = 0.0;  // at least this
    QString unit;           // "x" for ratios, empty for plain figures

    bool pass() const { return value >= required; }
    // "GATE served blend HR@10 / most played = 61.14x (>= 2x): PASS"
    QString line() const;
};

// Gates declared for the configuration the product serves (EvalSettings::asServed: the
// blend, time split 0.9), before any run; bench/quality and the real-data test check these
// and nothing else. Ratios of HR@10.
constexpr double kServedVsPopular = 2.0;       // x global most-played
constexpr double kServedVsBestBaseline = 1.2;  // x the best single baseline
// The seed's reproduction of TensorFlow Recommenders' basic retrieval tutorial (random 80/20).
constexpr double kSeedTop100 = 0.23;

// The single baselines the served blend must beat (every one the product has).
const std::vector<std::string>& singleBaselines();

// Served blend vs most played and vs the best single baseline; `label` prefixes the names.
std::vector<QualityGate> servedGates(const EvalResult& result, const QString& label = {});
// The two-tower model's top-100 accuracy on the seed (random 80/20).
QualityGate seedGate(const EvalResult& result, const QString& label = {});

// HR@k of a method in `result` (0 when absent).
double hitRate(const EvalResult& result, const std::string& method, int k);

}  // namespace encore
