#pragma once

// Real listening histories for the dashboards screenshot: Spotify exports from
// ../shared/data/listens imported as profiles, external tracks tagged with their artist's
// first tags from artist-tags.tsv (Spotify exports carry no genres).

#include "core/result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace encore::bench {

// Imports each folder (relative to `listensDir`) as a profile named after its owner.
Status importSharedHistories(QSqlDatabase db, const QString& listensDir,
                             const QStringList& folders);

// Gives every track whose artist is in artist-tags.tsv that artist's first `tags` tags
// ("seen live" skipped) as genres. Returns how many tracks were tagged.
Result<int> tagFromArtistTags(QSqlDatabase db, const QString& tsvPath, int tags = 2);

}  // namespace encore::bench
