#pragma once

#include "core/result.h"
#include "core/track.h"
#include "playlists/smartquery.h"
#include "playlists/smartrules.h"
#include "store/database.h"
#include "store/playliststore.h"

#include <QFuture>
#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QThreadPool;

namespace encore {

class Clock;

// A playlist and the tracks it holds now (a smart one evaluated at the moment of reading).
struct PlaylistContents {
    PlaylistSummary playlist;
    std::optional<SmartRules> rules;  // a smart playlist's, parsed
    QList<TrackId> tracks;
};

// What importing a playlist file found: the new playlist, and the file's songs that are not in
// the library (left out, listed).
struct PlaylistImport {
    PlaylistId id = 0;
    QString name;
    int added = 0;
    QStringList missing;
    QStringList skipped;  // the file's own skipped lines (streams, unreadable entries)
};

// Saved and smart playlists (schema 7), handed out by the Engine. Reads run on the engine's
// read pool; writes are queued to the database writer's thread, after the listens queued
// before them. Lives on the Engine's thread, and so do its signals.
class PlaylistService : public QObject {
    Q_OBJECT

public:
    // Runs a write job in the writer's turn (the Engine queues it to the HistoryWriter).
    using WriteRunner = std::function<void(std::function<void(const QSqlDatabase&)>)>;
    // Whose log smart playlists read now.
    using ProfileSource = std::function<ProfileId()>;
    // New listens and scans are folded into one contentsChanged after this long.
    static constexpr int kLiveDebounceMs = 1500;

    PlaylistService(Database database, QThreadPool* reads, WriteRunner writes,
                    std::shared_ptr<const Clock> clock, ProfileSource profile,
                    QObject* parent = nullptr);

    QFuture<Result<QList<PlaylistSummary>>> playlists() const;
    QFuture<Result<PlaylistContents>> contents(PlaylistId id) const;
    // A smart playlist's tracks for rules not saved yet (the editor's preview).
    QFuture<Result<QList<TrackId>>> evaluate(const SmartRules& rules) const;

    QFuture<Result<PlaylistId>> create(const QString& name, const QList<TrackId>& tracks);
    QFuture<Result<PlaylistId>> createSmart(const QString& name, const SmartRules& rules);
    QFuture<Status> rename(PlaylistId id, const QString& name);
    QFuture<Status> setRules(PlaylistId id, const SmartRules& rules);
    QFuture<Status> setTracks(PlaylistId id, const QList<TrackId>& tracks);
    QFuture<Status> append(PlaylistId id, const QList<TrackId>& tracks);
    QFuture<Status> remove(PlaylistId id);
    // An M3U/M3U8/PLS/XSPF file as a new saved playlist named after it.
    QFuture<Result<PlaylistImport>> importFile(const QString& path);
    // A smart playlist exported by Encore (exportSmartPlaylist) as a new smart playlist.
    QFuture<Result<PlaylistId>> importSmart(const QString& path);

public Q_SLOTS:
    // The log or the library changed: smart playlists may hold other tracks now (debounced).
    void noteLiveChange();

Q_SIGNALS:
    // A playlist was created, renamed, edited or deleted.
    void playlistsChanged();
    // Listens, imports or scans happened: what smart playlists hold may have changed.
    void contentsChanged();

private:
    template <typename T, typename Job>
    QFuture<Result<T>> write(Job job);
    SmartContext contextNow() const;

    Database database_;
    QThreadPool* reads_;
    WriteRunner writes_;
    std::shared_ptr<const Clock> clock_;
    ProfileSource profile_;
    QTimer live_;
};

}  // namespace encore
