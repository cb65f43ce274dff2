#pragma once

#include "stats/report/genrepopularity.h"
#include "stats/summary/findings.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace encore::stats {

// One track feature's rank correlation with plays, over the tracks where it is known.
struct FeatureCorrelation {
    QString key;      // "duration", "decade", ...
    QString feature;  // "Duration"
    std::size_t known = 0;
    CorrelationFinding finding;
    QString sentence;
};

// One standardised effect of the fitted model.
struct FeatureEffect {
    QString key;
    QString feature;
    EffectFinding finding;
    QString sentence;
};

// What makes a song popular: Spearman's rho of each feature with plays (Fisher z 95%
// intervals), and a ridge negative binomial regression of plays on the standardised features
// whose effects are ranked. The model uses the features known for most tracks and the tracks
// where all of them are known (at most max_model_tracks of them, drawn at random).
struct PopularityFactors {
    Population population = Population::Library;
    std::size_t tracks = 0;
    std::vector<FeatureCorrelation> correlations;  // strongest clear link first
    ModelFinding model;
    std::vector<FeatureEffect> effects;  // ranked as the fit ranks them
    QStringList model_features;          // keys of the model's columns
    QStringList left_out;                // sentences: why a feature is not in the model
    std::size_t model_tracks = 0;
    bool sampled = false;  // the model saw a random sample of the tracks
    double dispersion = 0.0;
    QString model_sentence;
    QString headline;
    double correlations_ms = 0.0;  // wall time of the correlations and of the fit (bench)
    double model_ms = 0.0;
};

}  // namespace encore::stats
