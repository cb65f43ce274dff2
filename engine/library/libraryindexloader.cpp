#include "library/libraryindexloader.h"

#include <QMutex>
#include <QSqlDriver>
#include <QVariant>
#include <QWaitCondition>
#include <QtConcurrent/QtConcurrentRun>

#include <sqlite3.h>

#include <deque>
#include <optional>

namespace encore {

namespace {

// Consecutive rows (one album, one folder) repeat most strings: reuse the last QString
// instead of allocating an equal one.
class Reuse {
public:
    const QString& get(sqlite3_stmt* statement, int column) {
        const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
        const int length = sqlite3_column_bytes(statement, column);
        const QByteArrayView view(bytes, bytes ? length : 0);
        if (view != QByteArrayView(last_bytes_)) {
            last_bytes_ = view.toByteArray();
            last_ = QString::fromUtf8(view);
        }
        return last_;
    }

private:
    QByteArray last_bytes_;
    QString last_;
};

// SQLite stores text as UTF-8; Qt's decoder is faster than SQLite's UTF-16 conversion.
QString text(sqlite3_stmt* statement, int column) {
    const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
    if (!bytes)
        return {};
    return QString::fromUtf8(bytes, sqlite3_column_bytes(statement, column));
}

// Loudness: the file's ReplayGain tags, else Encore's measure of the file as it is now.
constexpr char kSelect[] =
    "SELECT t.id, t.path, t.title, t.artist, t.album, t.album_artist, t.genres, t.year, "
    "t.track_no, t.disc_no, t.duration_ms, t.rg_track_gain, t.rg_track_peak, t.rg_album_gain, "
    "t.rg_album_peak, a.track_gain, a.track_peak, a.album_gain, a.album_peak, t.cue_sheet, "
    "t.audio_path, t.start_ms, t.end_ms FROM tracks t "
    "LEFT JOIN loudness_analysis a ON a.track_id = t.id AND a.size = t.size AND "
    "a.mtime_ms = t.mtime_ms WHERE t.path IS NOT NULL AND t.available = 1";

std::optional<double> real(sqlite3_stmt* statement, int column) {
    if (sqlite3_column_type(statement, column) == SQLITE_NULL)
        return std::nullopt;
    return sqlite3_column_double(statement, column);
}

// Four columns from `first`: track gain, track peak, album gain, album peak.
std::optional<Loudness> loudnessAt(sqlite3_stmt* statement, int first) {
    const std::optional<double> gain = real(statement, first);
    if (!gain)
        return std::nullopt;
    return Loudness{*gain, real(statement, first + 1), real(statement, first + 2),
                    real(statement, first + 3)};
}

// Calls `row(statement)` for each available track; the column order is kSelect's.
template <typename RowFunction>
Status forEachRow(const QSqlDatabase& db, RowFunction row) {
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return Error{QStringLiteral("The library database connection is not an SQLite one.")};
    sqlite3* sqlite = *static_cast<sqlite3* const*>(handle.constData());
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(sqlite, kSelect, -1, &statement, nullptr) != SQLITE_OK)
        return Error{QStringLiteral("Reading the library failed: %1.")
                         .arg(QString::fromUtf8(sqlite3_errmsg(sqlite)))};
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW)
        row(statement);
    const QString failure =
        rc == SQLITE_DONE ? QString() : QString::fromUtf8(sqlite3_errmsg(sqlite));
    sqlite3_finalize(statement);
    if (!failure.isEmpty())
        return Error{QStringLiteral("Reading the library failed: %1.").arg(failure)};
    return {};
}

// The genre column ("Rock; Pop") split once per distinct value in a row.
class GenreSplit {
public:
    const QStringList& get(sqlite3_stmt* statement, int column) {
        const QString& text = reuse_.get(statement, column);
        if (!text.isSharedWith(last_text_)) {
            last_text_ = text;
            list_ = text.isEmpty() ? QStringList() : text.split(QStringLiteral("; "));
        }
        return list_;
    }

private:
    Reuse reuse_;
    QString last_text_;
    QStringList list_;
};

// One row of the browsing query as a Track; repeated artist, album and genre texts are shared.
struct RowReader {
    Reuse artist, album, albumArtist;
    GenreSplit genres;

    Track read(sqlite3_stmt* statement) {
        Track t;
        t.id = sqlite3_column_int64(statement, 0);
        t.path = text(statement, 1);
        t.tags.title = text(statement, 2);
        t.tags.artist = artist.get(statement, 3);
        t.tags.album = album.get(statement, 4);
        t.tags.album_artist = albumArtist.get(statement, 5);
        t.tags.genres = genres.get(statement, 6);
        t.tags.year = sqlite3_column_int(statement, 7);
        t.tags.track_no = sqlite3_column_int(statement, 8);
        t.tags.disc_no = sqlite3_column_int(statement, 9);
        t.tags.duration_ms = sqlite3_column_int(statement, 10);
        t.tags.replaygain = loudnessAt(statement, 11);
        if (!t.tags.replaygain)
            t.tags.replaygain = loudnessAt(statement, 15);  // measured: plays the same way
        if (sqlite3_column_type(statement, 20) != SQLITE_NULL) {
            const bool toTheEnd = sqlite3_column_type(statement, 22) == SQLITE_NULL;
            t.range = TrackRange{text(statement, 19), text(statement, 20),
                                 sqlite3_column_int64(statement, 21),
                                 toTheEnd ? -1 : sqlite3_column_int64(statement, 22)};
        }
        return t;
    }
};

}  // namespace

Result<QList<Track>> LibraryIndexLoader::readBrowsingRows(const QSqlDatabase& db) {
    QList<Track> tracks;
    RowReader rows;
    const Status read =
        forEachRow(db, [&](sqlite3_stmt* statement) { tracks.append(rows.read(statement)); });
    if (!read)
        return Error{read.error()};
    return tracks;
}

namespace {

// Chunks of rows handed from the reading thread to the building one. Unbounded on purpose:
// should the builder not have started yet (a busy pool), the reader never waits for it.
class ChunkQueue {
public:
    void push(QList<Track> chunk) {
        QMutexLocker lock(&mutex_);
        chunks_.push_back(std::move(chunk));
        ready_.wakeOne();
    }
    void close() {
        QMutexLocker lock(&mutex_);
        closed_ = true;
        ready_.wakeOne();
    }
    // Waits for the next chunk; nullopt once closed and drained.
    std::optional<QList<Track>> pop() {
        QMutexLocker lock(&mutex_);
        while (chunks_.empty() && !closed_)
            ready_.wait(&mutex_);
        if (chunks_.empty())
            return std::nullopt;
        QList<Track> chunk = std::move(chunks_.front());
        chunks_.pop_front();
        return chunk;
    }

private:
    QMutex mutex_;
    QWaitCondition ready_;
    std::deque<QList<Track>> chunks_;
    bool closed_ = false;
};

constexpr int kChunkRows = 4096;

}  // namespace

Result<std::shared_ptr<const LibraryIndex>> LibraryIndexLoader::load(const QSqlDatabase& db) {
    // SQLite reading and index building overlap on two threads.
    ChunkQueue queue;
    QFuture<std::shared_ptr<const LibraryIndex>> built = QtConcurrent::run([&queue] {
        LibraryIndex::Builder builder;
        while (std::optional<QList<Track>> chunk = queue.pop()) {
            for (const Track& t : *chunk)
                builder.add(t);
        }
        return builder.finish();
    });
    QList<Track> chunk;
    chunk.reserve(kChunkRows);
    RowReader rows;
    const Status read = forEachRow(db, [&](sqlite3_stmt* statement) {
        chunk.append(rows.read(statement));
        if (chunk.size() == kChunkRows) {
            queue.push(std::move(chunk));
            chunk = QList<Track>();
            chunk.reserve(kChunkRows);
        }
    });
    if (!chunk.isEmpty())
        queue.push(std::move(chunk));
    queue.close();
    std::shared_ptr<const LibraryIndex> index = built.result();
    if (!read)
        return Error{read.error()};
    return index;
}

}  // namespace encore
