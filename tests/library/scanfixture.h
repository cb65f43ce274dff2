#pragma once

// A real database and music folder scanned by the real ScanJob on the test's thread.

#include "library/scanjob.h"
#include "store/trackstore.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QThreadPool>

#include <atomic>

namespace encore::test {

struct ScanFixture {
    TempDatabase temp;
    QTemporaryDir music;
    ScopedConnection connection{temp.database, QStringLiteral("test-scan")};
    QThreadPool pool;
    std::atomic<bool> cancel{false};

    QString path(const QString& relative) const { return music.filePath(relative); }

    ScanReport scan() {
        ScanJob job(connection.db(), cancel, &pool);
        return job.run({music.path()});
    }

    TrackStore store() const { return TrackStore(connection.db()); }

    // The track at `relative` in the music folder; a default Track when there is none.
    Track trackAt(const QString& relative) {
        const auto all = store().tracks({QString(), true, -1});
        for (const Track& t : all.value()) {
            if (t.path == path(relative))
                return t;
        }
        return {};
    }
};

}  // namespace encore::test
