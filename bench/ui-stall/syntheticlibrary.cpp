#include "syntheticlibrary.h"

#include "library/trackidentity.h"
#include "libraryplan.h"
#include "store/trackstore.h"

#include <QDateTime>

namespace encore::bench {

namespace {
constexpr int kBatch = 5000;  // rows per transaction
}  // namespace

QString syntheticLibraryRoot() {
    return QStringLiteral("/tmp/encore-bench/ui-stall-library");
}

Status writeSyntheticLibrary(const Database& database, int tracks, quint64 seed) {
    PlanOptions options;
    options.files = tracks;
    options.seed = seed;
    const QList<PlannedFile> plan = planLibrary(options);
    ScopedConnection connection(database, QStringLiteral("ui-stall-writer"));
    if (!connection.ok())
        return Error{connection.error()};
    TrackStore store(connection.db());
    const QString root = syntheticLibraryRoot();
    const Result<FolderId> folder = store.ensureFolder(root);
    if (!folder)
        return Error{folder.error()};
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QList<TrackWrite> batch;
    for (const PlannedFile& file : plan) {
        TrackWrite write;
        write.folder_id = folder.value();
        write.track.path = root + QLatin1Char('/') + file.relative_path;
        write.track.tags = file.tags;
        write.track.tags.duration_ms = 1000 * (120 + int(qHash(file.relative_path) % 300));
        write.track.size = 4'000'000;
        write.track.key = trackIdentityKey(write.track.tags, file.relative_path, write.track.size);
        batch.append(write);
        if (batch.size() == kBatch) {
            const Status written = store.writeBatch(batch, now);
            if (!written)
                return written;
            batch.clear();
        }
    }
    return batch.isEmpty() ? Status() : store.writeBatch(batch, now);
}

}  // namespace encore::bench
