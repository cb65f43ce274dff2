#pragma once

#include "core/result.h"
#include "core/track.h"

#include <QList>
#include <QSqlDatabase>

namespace encore {

// SQL for explicit feedback (schema 3): "not for me" marks of a profile on tracks.
class FeedbackStore {
public:
    explicit FeedbackStore(QSqlDatabase db);

    // Marks `track` as not for `profile` (0: the active profile). `context` is the track that
    // was playing (0: none). Marking twice keeps the first mark.
    Status markNotForMe(ProfileId profile, TrackId track, qint64 nowSeconds, int utcOffsetMinutes,
                        TrackId context = 0);
    // Removes the mark; no error when there was none.
    Status clearNotForMe(ProfileId profile, TrackId track);
    Result<QList<TrackId>> notForMe(ProfileId profile);

private:
    Result<ProfileId> resolve(ProfileId profile);

    QSqlDatabase db_;
};

}  // namespace encore
