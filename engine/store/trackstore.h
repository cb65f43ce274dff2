#pragma once

#include "core/result.h"
#include "core/track.h"
#include "store/genreids.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <atomic>

namespace encore {

// A library root as stored in `folders`.
struct LibraryFolder {
    FolderId id = 0;
    QString path;
};

// What the scanner needs to know about a file it has seen before.
struct KnownFile {
    TrackId id = 0;
    FolderId folder_id = 0;
    QString path;
    QString key;
    qint64 size = 0;
    qint64 mtime_ms = 0;
    bool available = true;
};

// A file the scanner could not read, remembered so an unchanged one is not opened again.
struct KnownScanError {
    qint64 size = 0;
    qint64 mtime_ms = 0;
    QString reason;
};

// One change the scanner writes. Insert: a new track. Update: new tags for the same path.
// Move: an existing track (id) found at a new path. Restore: a vanished file came back unchanged.
struct TrackWrite {
    enum class Kind { Insert, Update, Move, Restore };
    Kind kind = Kind::Insert;
    Track track;  // id is set for Update, Move and Restore
    FolderId folder_id = 0;
};

// Filters for listing the library (encore-cli tracks, item models).
struct TrackQuery {
    QString text;  // matched against title, artist, album, genres (case-insensitive)
    bool include_unavailable = false;
    int limit = -1;
};

// SQL for the tracks, genres and folders tables. All functions run on the calling thread's
// connection and never hold a transaction they did not open.
class TrackStore {
public:
    // With `waitCancel`, writes wait for another writer until it is set (see ScopedTransaction).
    explicit TrackStore(QSqlDatabase db, const std::atomic<bool>* waitCancel = nullptr);

    Result<FolderId> ensureFolder(const QString& path);
    Result<QList<LibraryFolder>> folders();
    Status removeFolder(const QString& path);

    Result<QHash<QString, KnownFile>> knownFiles();
    Result<QHash<QString, KnownScanError>> knownScanErrors();

    // Writes a batch in one transaction; fills track ids of inserted rows into `writes`.
    Status writeBatch(QList<TrackWrite>& writes, qint64 nowSeconds);
    Status markUnavailable(const QList<TrackId>& ids);
    Status recordScanErrors(const QList<QPair<QString, KnownScanError>>& errors);
    Status clearScanErrors(const QStringList& paths);

    Result<QList<Track>> tracks(const TrackQuery& query);
    Result<Track> track(TrackId id);
    Result<int> countTracks(bool includeUnavailable);

private:
    Status writeGenres(TrackId id, const QStringList& genres, bool replace);

    QSqlDatabase db_;
    const std::atomic<bool>* wait_cancel_ = nullptr;
    GenreIds genre_ids_;
};

}  // namespace encore
