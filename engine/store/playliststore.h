#pragma once

#include "core/result.h"
#include "core/track.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace encore {

using PlaylistId = qint64;

// A playlist as the sidebar lists it.
struct PlaylistSummary {
    PlaylistId id = 0;
    QString name;
    std::optional<QByteArray> rules;  // a smart playlist's rules (JSON); nullopt: saved tracks
    int track_count = 0;              // saved playlists only (a smart one's depends on now)
    qint64 updated_at = 0;            // unix seconds

    bool isSmart() const { return rules.has_value(); }
};

// Tracks found for a playlist file's paths, in the file's order, and the paths that are no
// track of the library.
struct ResolvedPaths {
    QList<TrackId> tracks;
    QStringList missing;
};

// SQL for `playlists` and `playlist_tracks` (schema 7). Every write is one transaction.
class PlaylistStore {
public:
    explicit PlaylistStore(QSqlDatabase db);

    // By name (case-insensitive), then id.
    Result<QList<PlaylistSummary>> playlists();
    Result<std::optional<PlaylistSummary>> playlist(PlaylistId id);
    // A saved playlist's tracks in order (those still in the library).
    Result<QList<TrackId>> tracks(PlaylistId id);

    Result<PlaylistId> create(const QString& name, const std::optional<QByteArray>& rules,
                              const QList<TrackId>& tracks, qint64 now);
    Status rename(PlaylistId id, const QString& name, qint64 now);
    Status setRules(PlaylistId id, const QByteArray& rules, qint64 now);
    Status setTracks(PlaylistId id, const QList<TrackId>& tracks, qint64 now);
    Status appendTracks(PlaylistId id, const QList<TrackId>& tracks, qint64 now);
    Status remove(PlaylistId id);

    // The library track at each path (a file the library has and can play).
    Result<ResolvedPaths> resolvePaths(const QStringList& paths);

private:
    Status writeTracks(PlaylistId id, const QList<TrackId>& tracks, int firstPosition);
    Status touch(PlaylistId id, qint64 now);

    QSqlDatabase db_;
};

}  // namespace encore
