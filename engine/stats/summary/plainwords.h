#pragma once

// Findings (findings.h) in plain English for the Dashboards page and `encore-cli stats`.
// A sentence never claims more than its finding: "too few to say", "could well be chance" and
// "no clear effect" are said as such.

#include "stats/summary/findings.h"

#include <QString>

namespace encore::stats {

// Words for one between-group comparison.
struct GroupWording {
    QString factor = QStringLiteral("genre");  // what the groups are, singular
    QString factor_plural = QStringLiteral("genres");
    QString outcome = QStringLiteral("how often your songs are played");
    QString unit_plural = QStringLiteral("tracks");  // what was counted
};

// "Genre explains 14% of the differences in how often your songs are played; this is
// unlikely to be chance, p < 0.001. Genres with fewer than 5 tracks (7 of them) are counted
// together as "other"."
QString describeGroupEffect(const GroupEffectFinding& finding, const GroupWording& wording = {},
                            double alpha = 0.05);

// "Duration: tracks with higher values are played more (weak link; Spearman's rho = 0.21,
// 95% interval 0.05 to 0.36)." / "Duration: no clear link with plays (...)."
QString describeCorrelation(const CorrelationFinding& finding, const QString& feature,
                            const QString& unit_plural = QStringLiteral("tracks"));

// "Duration: one standard deviation more goes with 23% more plays (95% interval 10% to 38%
// more), other features held fixed." / "Duration: no clear effect (...)."
QString describeEffect(const EffectFinding& finding, GlmFamily family, const QString& feature,
                       double level = 0.95);

// The model as a whole: sample size, convergence, or why nothing is claimed.
QString describeModel(const ModelFinding& finding,
                      const QString& unit_plural = QStringLiteral("tracks"));

// Why a feature was left out of the model; empty for a used column.
QString describeLeftOut(ColumnFate fate, const QString& feature,
                        const QString& unit_plural = QStringLiteral("tracks"));

// "p < 0.001", "p = 0.004", "p = 0.03", "p > 0.99". Uses as many digits as it takes for the
// printed value to be on the same side of alpha as p itself.
QString formatPValue(double p, double alpha = 0.05);

// A share in [0, 1] as a whole percentage: "14%", "less than 1%", "more than 99%", "0%".
QString formatShare(double share);

// A count with thousands separators: "1,234".
QString formatCount(std::size_t n);

}  // namespace encore::stats
