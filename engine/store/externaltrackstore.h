#pragma once

#include "core/result.h"
#include "core/track.h"
#include "store/genreids.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>

namespace encore {

class SqliteStatement;

// A track as the history matcher sees it: its match key and whether a file backs it.
struct MatchableTrack {
    TrackId id = 0;
    QString match_key;
    QString artist;
    QString album_artist;
    QString title;
    QString album;
    int duration_ms = 0;
    bool has_file = false;  // false: external (path NULL)
};

// A track known only from listening history: a `tracks` row with path NULL.
struct ExternalTrack {
    QString track_key;  // "external:<match key>" or "seed:<song id>"
    QString match_key;
    QString artist;
    QString title;
    QString album;
    int duration_ms = 0;
    int year = 0;
    QStringList genres;
};

// A library track that should absorb an external one (same match key).
struct LinkCandidate {
    TrackId external_id = 0;
    QString external_album;
    TrackId library_id = 0;
    QString library_album;
};

// SQL for external tracks and match keys (schema 2). Runs on the caller's connection and
// inside the caller's transaction where one is open; it never opens one itself.
class ExternalTrackStore {
public:
    explicit ExternalTrackStore(QSqlDatabase db);
    ~ExternalTrackStore();

    // Every track that has a match key, library and external.
    Result<QList<MatchableTrack>> matchableTracks();
    // Library tracks whose match key is not computed yet ('').
    Result<QList<MatchableTrack>> tracksWithoutMatchKey();
    // The given tracks with their current tags (to recompute keys after a tag change).
    Result<QList<MatchableTrack>> tracksById(const QList<TrackId>& ids);
    Status setMatchKeys(const QList<QPair<TrackId, QString>>& keys);

    Result<TrackId> addExternal(const ExternalTrack& track, qint64 nowSeconds);
    Status setDuration(TrackId id, int durationMs);
    // track_key -> id of external tracks whose key starts with `prefix` (e.g. "seed:").
    Result<QHash<QString, TrackId>> externalIdsByKeyPrefix(const QString& prefix);

    // External tracks whose match key a library track now has.
    Result<QList<LinkCandidate>> linkCandidates();
    // Moves plays (and previous-track links) of each external track to its library track,
    // drops the plays that would duplicate one already there, deletes the external rows.
    Status merge(const QList<QPair<TrackId, TrackId>>& externalToLibrary);

private:
    QSqlDatabase db_;
    GenreIds genre_ids_;
    std::unique_ptr<SqliteStatement> insert_;  // prepared once: imports add thousands
};

}  // namespace encore
