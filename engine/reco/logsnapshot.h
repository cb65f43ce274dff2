#pragma once

#include "core/track.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <vector>

namespace encore {

// What the recommender reads of the database at one moment (one read transaction).

struct SnapshotTrack {
    TrackId id = 0;
    QString title;
    QString artist;
    QStringList genres;     // tagged order
    bool playable = false;  // a file that is available now
    qint64 added_at = 0;    // unix seconds
};

// A listen of the log, reduced to what training needs.
struct SnapshotListen {
    qint64 id = 0;
    ProfileId profile = 0;
    TrackId track = 0;
    qint64 started_at = 0;  // unix seconds, UTC
    qint32 utc_offset_minutes = 0;
    bool counted = false;  // a play
    bool skipped = false;  // a skip (never both)
    qint64 session_id = 0;
};

// "Not for me": an explicit negative of a profile for a track.
struct SnapshotFeedback {
    ProfileId profile = 0;
    TrackId track = 0;
    qint64 created_at = 0;
    qint32 utc_offset_minutes = 0;
    TrackId context_track = 0;  // what was playing then; 0: nothing
};

struct SnapshotProfile {
    ProfileId id = 0;
    QString name;
    bool active = false;
};

struct LogSnapshot {
    QVector<SnapshotTrack> tracks;        // every track with listens or a playable file
    std::vector<SnapshotListen> listens;  // sorted by profile, started_at, id
    QVector<SnapshotFeedback> feedback;
    QVector<SnapshotProfile> profiles;
    qint64 taken_at = 0;    // unix seconds
    qint64 play_count = 0;  // counted listens
};

}  // namespace encore
