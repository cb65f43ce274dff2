#pragma once

#include "command.h"

#include "reco/publishedmodel.h"
#include "reco/recommendation.h"
#include "store/database.h"

#include <QList>

namespace encore::cli {

// The published model as the app would serve it, from the checkpoint next to the database
// (trained first when there is none, or with `retrain`). Shared by `recommend` and `similar`.
Result<PublishedModelPtr> loadPublishedModel(CommandContext& c, const Database& database,
                                             bool retrain);
// Prints recommendations as lines (id, artist, title, reason) or a JSON array.
void printRecommendations(CommandContext& c, const QList<Recommendation>& list, bool json);

}  // namespace encore::cli
