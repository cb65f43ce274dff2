#pragma once

#include "core/result.h"
#include "core/track.h"
#include "store/externaltrackstore.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace encore {

// Where a listen from an export landed.
struct TrackMatch {
    TrackId id = 0;
    bool has_file = false;  // a library track; false: external (history only)
    int duration_ms = 0;    // known length, 0: unknown
};

// Resolves exported listens to track ids with an in-memory match-key index, so an import
// of 100,000 listens makes no per-row lookups. A library track with the same match key wins
// (its album breaks ties); otherwise the listen's external track, created on first sight.
// Creations happen in the caller's transaction: call commit() or rollback() after it.
class TrackMatcher {
public:
    explicit TrackMatcher(QSqlDatabase db);

    Status load();
    Result<TrackMatch> resolve(const QString& artist, const QString& title, const QString& album,
                               int durationMs, qint64 nowSeconds);
    // The key of (artist, title), cached: exports repeat the same songs many times.
    QString keyFor(const QString& artist, const QString& title);

    void commit();
    void rollback();
    int createdSinceCommit() const { return created_; }

private:
    struct Candidate {
        TrackId id = 0;
        QString album_folded;
        int duration_ms = 0;
        bool has_file = false;
    };
    void add(const QString& key, const Candidate& candidate);
    int knownDuration(TrackId id, int stored) const;

    ExternalTrackStore store_;
    QHash<QString, QList<Candidate>> by_key_;
    QHash<QString, Candidate> pending_;      // external tracks created in the open transaction
    QHash<QString, QString> key_cache_;      // "artist\x1ftitle" as exported -> match key
    QHash<TrackId, int> pending_durations_;  // lengths learned in the open transaction
    QHash<TrackId, int> learned_durations_;  // lengths learned in committed transactions
    int created_ = 0;
};

}  // namespace encore
