#pragma once

#include "core/result.h"
#include "core/track.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <atomic>
#include <optional>

namespace encore {

// A library file Encore has still to measure: no ReplayGain tag, and no measure of the file as
// it is now. Album: tracks of one album (album artist, else artist, and album) come together.
struct LoudnessWork {
    TrackId track_id = 0;
    QString path;
    qint64 size = 0;
    qint64 mtime_ms = 0;
    QString album_key;  // empty: not part of an album
    qint64 duration_ms = 0;
};

// One file's measure (or why there is none), as the analysis stores it.
struct LoudnessResult {
    LoudnessWork work;
    std::optional<double> integrated_lufs;
    std::optional<Loudness> loudness;  // track and, measured with its album, album values
    QString error;                     // non-empty: the file could not be measured
};

struct LoudnessCounts {
    int measured = 0;  // files with a current measure (or a recorded failure)
    int pending = 0;   // files still to measure
};

// SQL of `loudness_analysis`: what to measure next and the measures. Reads and writes on the
// calling thread's connection; writes wait for other writers until `waitCancel` is set.
class LoudnessStore {
public:
    explicit LoudnessStore(QSqlDatabase db, const std::atomic<bool>* waitCancel = nullptr);

    // Up to `limit` files to measure, whole albums together (an album is never cut in two
    // unless it alone is over the limit), in album order.
    Result<QList<LoudnessWork>> pending(int limit);
    Result<LoudnessCounts> counts();
    // Stores the results in one transaction (a measure replaces an older one of the file).
    Status save(const QList<LoudnessResult>& results, qint64 nowSeconds);

private:
    QSqlDatabase db_;
    const std::atomic<bool>* wait_cancel_;
};

}  // namespace encore
