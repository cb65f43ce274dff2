#pragma once

// Databases for the recommender benchmarks: real histories imported through the product's
// importer (cached between runs when a cache folder is given), or a synthetic log.

#include "core/result.h"
#include "reco/trainingdata.h"
#include "store/database.h"

#include <QString>
#include <QStringList>

namespace encore::bench {

// ../shared/data/<sub>
QString sharedData(const QString& sub);

// A database at `path` holding the import of every (profile name, files) pair. An existing
// file at `path` is reused as it is (a cache).
Status importHistories(const QString& path, const QList<QPair<QString, QStringList>>& imports);

// Reads the snapshot and builds the training arrays with a fresh vocabulary.
Result<TrainingData> loadTrainingData(const Database& database);

}  // namespace encore::bench
