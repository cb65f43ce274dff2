#pragma once

#include "stats/math/descriptive.h"
#include "stats/math/etasquared.h"
#include "stats/math/kruskalwallis.h"
#include "stats/summary/findings.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace encore::stats {

// Which tracks the popularity analyses are about: the files of the library (never-played ones
// included) or, for a listener without a library, every track in their history.
enum class Population { Library, History };

QString populationName(Population population);

// One genre's distribution of plays per track (in the period) over the population.
struct GenrePopularityRow {
    QString name;
    bool other = false;  // the pooled small genres
    bool no_genre = false;
    Distribution plays;  // median, quartiles, share of never-played tracks
};

// Genre vs popularity. Each track is counted once, under its first (main) genre, so the
// groups are independent samples as eta^2 and Kruskal-Wallis assume; genres with fewer
// tracks than min_group_size are pooled into "other".
struct GenrePopularity {
    Population population = Population::Library;
    std::size_t tracks = 0;
    std::size_t min_group_size = 0;
    QStringList pooled;                    // genres pooled into "other"
    std::vector<GenrePopularityRow> rows;  // by median plays, then mean, highest first
    EtaSquared eta;
    KruskalWallis kruskal;
    GroupEffectFinding finding;
    QString sentence;  // "Genre explains 14% of ..."
    QString headline;
};

}  // namespace encore::stats
