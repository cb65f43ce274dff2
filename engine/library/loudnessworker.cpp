#include "library/loudnessworker.h"

#include "loudness/loudnessanalyser.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>

namespace encore {

namespace {

constexpr int kBatchFiles = 200;  // read from the database at a time (whole albums)
constexpr int kMaxProblemsListed = 50;
constexpr qint64 kReloadEveryMs = 120000;  // long runs let playback use the measures so far

// Runs of the same album key in the pending list (which comes in album order).
QList<QList<LoudnessWork>> albums(const QList<LoudnessWork>& work) {
    QList<QList<LoudnessWork>> groups;
    for (const LoudnessWork& w : work) {
        if (groups.isEmpty() || w.album_key.isEmpty() ||
            groups.last().first().album_key != w.album_key)
            groups.append(QList<LoudnessWork>());
        groups.last().append(w);
    }
    return groups;
}

}  // namespace

LoudnessWorker::LoudnessWorker(Database database, QObject* parent)
    : QObject(parent), database_(std::move(database)) {
    qRegisterMetaType<LoudnessProgress>();
    qRegisterMetaType<LoudnessReport>();
}

LoudnessWorker::~LoudnessWorker() = default;

void LoudnessWorker::run(quint64 ticket) {
    const bool go = tickets_.begin(ticket);
    Q_EMIT started();
    LoudnessReport report;
    QElapsedTimer timer;
    timer.start();
    if (!go) {
        report.cancelled = true;
        Q_EMIT finished(report);
        return;
    }
    if (!connection_ || !connection_->ok())
        connection_ = std::make_unique<ScopedConnection>(
            database_, QStringLiteral("encore-loudness-%1").arg(quintptr(this)));
    const std::atomic<bool>& cancel = tickets_.running();
    LoudnessStore store(connection_->db(), &cancel);
    const Result<LoudnessCounts> counts = store.counts();
    if (!counts) {
        report.fatal_error = counts.error();
        Q_EMIT finished(report);
        return;
    }
    LoudnessProgress state;
    state.total = counts->pending;
    qint64 lastReload = 0;
    bool unannounced = false;
    while (!cancel.load()) {
        const Result<QList<LoudnessWork>> work = store.pending(kBatchFiles);
        if (!work) {
            report.fatal_error = work.error();
            break;
        }
        if (work->isEmpty())
            break;
        for (const QList<LoudnessWork>& album : albums(work.value())) {
            state.current_path = album.first().path;
            Q_EMIT progress(state);
            const QList<LoudnessResult> results = measureAlbum(album, report);
            if (cancel.load())
                break;  // an album cut short is measured again next time, whole
            const Status saved = store.save(results, QDateTime::currentSecsSinceEpoch());
            if (!saved) {
                report.fatal_error = saved.error();
                break;
            }
            unannounced = true;
            state.done += int(results.size());
            state.total = std::max(state.total, state.done);
        }
        if (!report.fatal_error.isEmpty())
            break;
        if (unannounced && timer.elapsed() - lastReload > kReloadEveryMs) {
            lastReload = timer.elapsed();
            unannounced = false;
            Q_EMIT measured();
        }
    }
    report.cancelled = cancel.load();
    if (report.cancelled)
        report.fatal_error.clear();  // a write that stopped waiting because of the cancel
    report.elapsed_ms = timer.elapsed();
    state.current_path.clear();
    Q_EMIT progress(state);
    if (unannounced)
        Q_EMIT measured();
    Q_EMIT finished(report);
}

QList<LoudnessResult> LoudnessWorker::measureAlbum(const QList<LoudnessWork>& album,
                                                   LoudnessReport& report) {
    const std::atomic<bool>& cancel = tickets_.running();
    QList<LoudnessResult> results;
    AlbumLoudness together;
    for (const LoudnessWork& w : album) {
        if (cancel.load())
            return {};
        if (!QFileInfo::exists(w.path))
            continue;  // deleted since the scan: the next scan marks it unavailable, no failure
        LoudnessResult r;
        r.work = w;
        Result<LoudnessMeasure> measure = LoudnessAnalyser::analyse(w.path, &cancel, &together);
        if (cancel.load())
            return {};
        if (!measure) {
            r.error = measure.error();
            ++report.failed;
            if (report.problems.size() < kMaxProblemsListed)
                report.problems.append({w.path, r.error});
        } else {
            r.integrated_lufs = measure->integrated_lufs;
            Loudness l;
            l.track_gain_db = measure->track_gain_db;
            l.track_peak = measure->peak;
            r.loudness = l;
            report.audio_seconds += measure->duration_ms / 1000.0;
            ++report.measured;
        }
        results.append(std::move(r));
    }
    // Album values only for an album, over its tracks that could be measured.
    if (!album.first().album_key.isEmpty()) {
        if (const std::optional<LoudnessMeasure> whole = together.result()) {
            for (LoudnessResult& r : results) {
                if (r.loudness) {
                    r.loudness->album_gain_db = whole->track_gain_db;
                    r.loudness->album_peak = whole->peak;
                }
            }
        }
    }
    return results;
}

}  // namespace encore
