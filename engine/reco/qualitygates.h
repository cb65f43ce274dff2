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
    bool strictly = false;  // must exceed `required`, not only reach it ("beats")

    bool pass() const { return strictly ? value > required : value >= required; }
    // "GATE served blend HR@10 / most played = 61.14x (>= 2x): PASS"
    QString line() const;
};

// Gates declared for the configuration the product serves (EvalSettings::asServed: the
// blend, the model, time split 0.9 and global-time 0.9), before any run; bench/quality checks
// these on both splits. Ratios of HR@10 against the best single baseline (singleBaselines()).
constexpr double kServedVsPopular = 2.0;         // served blend x global most-played
constexpr double kServedVsBestBaseline = 1.5;    // served blend, pooled
constexpr double kServedProfileLowVsBest = 1.2;  // served blend per profile: the 95% interval's
                                                 // low end of the paired ratio
constexpr double kModelVsBestBaseline = 1.2;     // the two-tower model alone, pooled
constexpr double kModelVsContentOnNew = 1.0;     // the model beats content on new-to-listener plays
// What the product has reached, held in CI (tst_reco_external, time split) so it cannot slip
// back: a floor under the targets above, never a substitute for them.
constexpr double kFloorServedVsBestBaseline = 1.2;
// The seed's reproduction of TensorFlow Recommenders' basic retrieval tutorial (random 80/20).
constexpr double kSeedTop100 = 0.23;

// The single baselines the served blend and the model must beat (scorerregistry.h).
const std::vector<std::string>& singleBaselines();

// Issue 14's gates on one split: the served blend against most played, against the best single
// baseline pooled and per profile (paired bootstrap interval), the model against the best single
// baseline and against content on new-to-listener plays; `label` prefixes the names.
std::vector<QualityGate> servedGates(const EvalResult& result, const QString& label = {});
// The regression floor CI holds: the served blend >= 2x most played and >= 1.2x the best single
// baseline, pooled.
std::vector<QualityGate> servedFloorGates(const EvalResult& result, const QString& label = {});
// The two-tower model's top-100 accuracy on the seed (random 80/20).
QualityGate seedGate(const EvalResult& result, const QString& label = {});

// HR@k of a method in `result` (0 when absent).
double hitRate(const EvalResult& result, const std::string& method, int k);

}  // namespace encore
