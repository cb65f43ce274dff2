#pragma once

#include "library/libraryindex.h"
#include "store/play.h"

#include <QList>

namespace encore::bench {

// A believable listening history over the demo library, so that the recommender has
// something to learn and its reasons something to say: weekday evenings of one genre,
// weekend mornings of another, lunchtime favourite albums, albums played in order (so tracks
// are "often played after" one another), a session a few hours ago (today's artist), and a
// few skips. Local times are those of this machine.
QList<Play> demoListens(const LibraryIndex& index, qint64 nowSeconds, quint64 seed);

}  // namespace encore::bench
