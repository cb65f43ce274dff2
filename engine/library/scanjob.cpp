#include "library/scanjob.h"

#include "library/cuetracks.h"
#include "library/filewalker.h"
#include "library/tagreader.h"
#include "library/trackidentity.h"
#include "listens/externaltracklinker.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFuture>
#include <QHash>
#include <QSet>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

namespace encore {

namespace {

constexpr int kParseWindow = 512;           // files handed to the pool at a time
constexpr qint64 kProgressIntervalMs = 50;  // at most ~20 progress updates a second

QString normalisedFolder(const QString& path) {
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

bool isUnder(const QString& path, const QString& folder) {
    return path.size() > folder.size() && path.startsWith(folder) &&
           (folder.endsWith(QLatin1Char('/')) || path.at(folder.size()) == QLatin1Char('/'));
}

TrackWrite restoreOf(TrackId id, const QString& path, FolderId folder) {
    TrackWrite restore;
    restore.kind = TrackWrite::Kind::Restore;
    restore.track.id = id;
    restore.track.path = path;
    restore.folder_id = folder;
    return restore;
}

}  // namespace

struct ScanJob::ParseItem {
    WalkedFile file;
    QString path;
    FolderId folder_id = 0;
    TrackId known_id = 0;  // 0: a file the library has not seen at this path
    // The sheet that splits this audio file into tracks (its size and mtime are then the
    // tracks' own: the newer of the file's and the sheet's).
    std::shared_ptr<const CueSheet> sheet;
};

struct ScanJob::Plan {
    struct Target {
        QString path;
        FolderId folder_id = 0;
        bool reachable = false;
    };
    QList<Target> targets;
    QHash<QString, KnownFile> known;
    QHash<QString, KnownScanError> known_errors;
    QSet<QString> seen;
    QList<ParseItem> to_read;
    struct Sheet {
        WalkedFile file;
        QString path;
        FolderId folder_id = 0;
    };
    QList<Sheet> sheets;
    QList<TrackWrite> restores;
    QHash<QString, QList<TrackId>> vanished_by_key;     // were available, not found now
    QHash<QString, QList<TrackId>> unavailable_by_key;  // already unavailable before
    QSet<TrackId> vanished;
    QList<QPair<QString, KnownScanError>> new_errors;
    QStringList cleared_errors;
};

ScanJob::ScanJob(QSqlDatabase db, const std::atomic<bool>& cancel, QThreadPool* pool)
    : db_(db), store_(db, &cancel), cancel_(cancel), pool_(pool) {}

void ScanJob::reportProgress(const ScanProgress& progress, bool force) {
    if (!progress_)
        return;
    static QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    const qint64 now = clock.elapsed();
    if (!force && last_progress_ms_ >= 0 && now - last_progress_ms_ < kProgressIntervalMs)
        return;
    last_progress_ms_ = now;
    progress_(progress);
}

ScanReport ScanJob::run(const QStringList& roots, const QStringList& onlyUnder) {
    QElapsedTimer timer;
    timer.start();
    ScanReport report;
    walked_folders_.clear();
    Plan plan;

    for (const QString& root : roots) {
        const QString path = normalisedFolder(root);
        const Result<FolderId> folder = store_.ensureFolder(path);
        if (!folder) {
            report.fatal_error = folder.error();
            return ended(report, timer);
        }
        if (onlyUnder.isEmpty()) {
            plan.targets.append({path, folder.value(), false});
            continue;
        }
        for (const QString& sub : onlyUnder) {
            QString subPath = normalisedFolder(sub);
            // a folder deleted since the change was seen: its parent shows what vanished
            while (isUnder(subPath, path) && !QFileInfo(subPath).isDir())
                subPath = QFileInfo(subPath).path();
            if (subPath == path || isUnder(subPath, path))
                plan.targets.append({subPath, folder.value(), false});
        }
    }
    // A folder asked for twice, or under another one asked for, is walked once: its files
    // would otherwise be read and written twice.
    QList<Plan::Target> targets;
    for (const Plan::Target& target : std::as_const(plan.targets)) {
        const bool covered =
            std::any_of(plan.targets.cbegin(), plan.targets.cend(), [&](const Plan::Target& o) {
                return isUnder(target.path, o.path) || (o.path == target.path && &o < &target);
            });
        if (!covered)
            targets.append(target);
    }
    plan.targets = std::move(targets);
    Result<QHash<QString, KnownFile>> known = store_.knownFiles();
    Result<QHash<QString, KnownScanError>> knownErrors = store_.knownScanErrors();
    if (!known || !knownErrors) {
        report.fatal_error = known ? knownErrors.error() : known.error();
        return ended(report, timer);
    }
    plan.known = std::move(known).value();
    plan.known_errors = std::move(knownErrors).value();

    if (walk(plan, report) && !cancel_.load()) {
        readAndWrite(plan, report);
        if (!cancel_.load() && report.fatal_error.isEmpty())
            finish(plan, report);
    }
    return ended(report, timer);
}

ScanReport& ScanJob::ended(ScanReport& report, const QElapsedTimer& timer) const {
    report.cancelled = cancel_.load();
    if (report.cancelled)
        report.fatal_error.clear();  // a write that stopped waiting because of the cancel
    report.elapsed_ms = timer.elapsed();
    return report;
}

bool ScanJob::walk(Plan& plan, ScanReport& report) {
    FileWalker walker(cancel_);
    ScanProgress progress;
    for (Plan::Target& target : plan.targets) {
        const auto onFile = [&](WalkedFile&& file) {
            QString path;
            if (!decodeLocalPath(file.path, path)) {
                report.addProblem(path, QStringLiteral("file name is not valid UTF-8; rename it "
                                                       "(e.g. with convmv) so Encore can read "
                                                       "and play it"));
                return;
            }
            if (file.cue_sheet) {
                plan.sheets.append({std::move(file), path, target.folder_id});
                return;
            }
            ++report.files_seen;
            plan.seen.insert(path);
            const auto known = plan.known.constFind(path);
            if (known != plan.known.constEnd()) {
                if (known->size == file.size && known->mtime_ms == file.mtime_ms) {
                    if (known->available) {
                        ++report.unchanged;
                    } else {
                        plan.restores.append(restoreOf(known->id, path, target.folder_id));
                    }
                    return;
                }
                plan.to_read.append({std::move(file), path, target.folder_id, known->id});
                return;
            }
            const auto error = plan.known_errors.constFind(path);
            if (error != plan.known_errors.constEnd() && error->size == file.size &&
                error->mtime_ms == file.mtime_ms) {
                report.addProblem(path, error->reason);  // unchanged since it failed: not opened
                return;
            }
            plan.to_read.append({std::move(file), path, target.folder_id, 0});
        };
        const auto onFolder = [&](const QByteArray& folder) {
            progress.files_seen = report.files_seen;
            progress.current_folder = QString::fromUtf8(folder);
            reportProgress(progress, false);
        };
        target.reachable = walker.walk(QFile::encodeName(target.path), onFile, onFolder);
    }
    for (const WalkProblem& problem : walker.problems())
        report.addProblem(problem.path, problem.reason);
    walked_folders_ = walker.folders();
    if (cancel_.load())
        return false;
    splitBySheets(plan, report);

    // What was known under the walked folders but not found has vanished (or moved).
    for (const KnownFile& file : std::as_const(plan.known)) {
        if (plan.seen.contains(file.path))
            continue;
        if (!file.available) {
            plan.unavailable_by_key[file.key].append(file.id);
            continue;
        }
        for (const Plan::Target& target : plan.targets) {
            if (target.reachable && isUnder(file.path, target.path)) {
                plan.vanished_by_key[file.key].append(file.id);
                plan.vanished.insert(file.id);
                break;
            }
        }
    }
    return true;
}

// Audio files a readable sheet describes become its tracks (one row per TRACK, at the
// locator "<file>#nn"); a broken sheet is a problem and its audio stays whole files.
void ScanJob::splitBySheets(Plan& plan, ScanReport& report) {
    QHash<QString, QString> claimedBy;  // audio file -> sheet
    for (const Plan::Sheet& entry : std::as_const(plan.sheets)) {
        Result<CueSheet> read = readCueSheet(entry.path);
        if (!read) {
            report.addProblem(entry.path, read.error());
            continue;
        }
        auto sheet = std::make_shared<const CueSheet>(std::move(read).value());
        for (const QString& audio : sheet->audioFiles()) {
            if (claimedBy.contains(audio)) {
                report.addProblem(entry.path,
                                  QStringLiteral("CUE sheet describes %1, as %2 already does; "
                                                 "this sheet was ignored for it. Remove one.")
                                      .arg(audio, claimedBy.value(audio)));
                continue;
            }
            const QFileInfo info(audio);
            WalkedFile file{QFile::encodeName(audio), info.size(),
                            qMax(info.lastModified().toMSecsSinceEpoch(), entry.file.mtime_ms)};
            claimedBy.insert(audio, entry.path);
            // The whole file is no track of its own while the sheet splits it.
            if (plan.seen.remove(audio)) {
                const auto known = plan.known.constFind(audio);
                if (known != plan.known.constEnd() && known->available &&
                    known->size == info.size() &&
                    known->mtime_ms == info.lastModified().toMSecsSinceEpoch())
                    --report.unchanged;
            } else {
                ++report.files_seen;  // not walked (a FILE elsewhere): counted here
            }

            bool changed = false;
            for (const CueTrack& cue : sheet->tracks) {
                if (cue.audio_path != audio)
                    continue;
                const QString locator = cueTrackLocator(audio, cue.number);
                plan.seen.insert(locator);
                const auto known = plan.known.constFind(locator);
                if (known == plan.known.constEnd() || known->size != file.size ||
                    known->mtime_ms != file.mtime_ms)
                    changed = true;
                else if (known->available)
                    ++report.unchanged;
                else
                    plan.restores.append(restoreOf(known->id, locator, entry.folder_id));
            }
            if (changed)
                plan.to_read.append({std::move(file), audio, entry.folder_id, 0, sheet});
        }
    }
    if (claimedBy.isEmpty())
        return;
    // One pass each, not one per sheet: a first scan may have 100,000 files to read.
    plan.to_read.removeIf([&claimedBy](const ParseItem& item) {
        return !item.sheet && claimedBy.contains(item.path);
    });
    plan.restores.removeIf(
        [&claimedBy](const TrackWrite& write) { return claimedBy.contains(write.track.path); });
}

// The tracks a read file gives: itself, or the tracks of the sheet that splits it (a sheet
// that does not fit the file is a problem, and the file a track of its own again).
QList<Track> ScanJob::tracksOf(Plan& plan, ScanReport& report, const ParseItem& item,
                               const TrackTags& tags) {
    if (item.sheet) {
        Result<QList<Track>> split =
            cueSheetTracks(*item.sheet, item.path, tags, item.file.size, item.file.mtime_ms);
        if (split)
            return std::move(split).value();
        report.addProblem(item.sheet->path, split.error());
        plan.seen.insert(item.path);
        for (const CueTrack& cue : item.sheet->tracks) {  // its tracks of an earlier scan go
            const auto known = plan.known.constFind(cueTrackLocator(item.path, cue.number));
            if (known != plan.known.constEnd() && known->available)
                plan.vanished.insert(known->id);
        }
    }
    Track track;
    track.path = item.path;
    const QFileInfo info(item.path);
    track.size = item.file.size;
    // a sheet's item carries the newer of the two times; the file alone has its own
    track.mtime_ms = item.sheet ? info.lastModified().toMSecsSinceEpoch() : item.file.mtime_ms;
    track.tags = tags;
    track.key = trackIdentityKey(track.tags, info.completeBaseName(), track.size);
    return {track};
}

// Tracks that vanished (or were unavailable) with this identity: a moved file is one of them.
QList<TrackId>* ScanJob::moveCandidates(Plan& plan, const QString& key) {
    auto vanished = plan.vanished_by_key.find(key);
    if (vanished != plan.vanished_by_key.end() && !vanished->isEmpty())
        return &*vanished;
    auto unavailable = plan.unavailable_by_key.find(key);
    if (unavailable != plan.unavailable_by_key.end() && !unavailable->isEmpty())
        return &*unavailable;
    return nullptr;
}

void ScanJob::readAndWrite(Plan& plan, ScanReport& report) {
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QList<TrackWrite> pending = plan.restores;
    report.restored = int(plan.restores.size());
    const auto flush = [&]() {
        if (pending.isEmpty() || !report.fatal_error.isEmpty())
            return;
        const Status written = store_.writeBatch(pending, now);
        if (!written)
            report.fatal_error = QStringLiteral(
                                     "Could not write to the library database (%1); "
                                     "the scan stopped and will resume next time.")
                                     .arg(written.error());
        pending.clear();
    };

    const std::atomic<bool>& cancel = cancel_;
    const auto parse = [&cancel](const ParseItem& item) -> TagReadResult {
        if (cancel.load(std::memory_order_relaxed))
            return {};  // ok=false with no reason: skipped, not an error
        if (item.file.size == 0) {
            TagReadResult empty;
            empty.error = QStringLiteral("empty file (0 bytes)");
            return empty;
        }
        return readTrackTags(item.file.path);
    };

    ScanProgress progress;
    progress.phase = ScanProgress::Phase::Reading;
    progress.files_seen = report.files_seen;
    progress.files_total = plan.to_read.size();
    const qsizetype total = plan.to_read.size();
    const auto startWindow = [&](qsizetype begin) {
        const QList<ParseItem> window = plan.to_read.mid(begin, kParseWindow);
        return QtConcurrent::mapped(pool_, window, parse);
    };

    QFuture<TagReadResult> next = total > 0 ? startWindow(0) : QFuture<TagReadResult>();
    for (qsizetype begin = 0; begin < total; begin += kParseWindow) {
        QFuture<TagReadResult> current = next;
        if (begin + kParseWindow < total && !cancel_.load())
            next = startWindow(begin + kParseWindow);  // parse the next window while writing
        current.waitForFinished();
        const QList<TagReadResult> results = current.results();
        for (qsizetype i = 0; i < results.size(); ++i) {
            const ParseItem& item = plan.to_read[begin + i];
            const TagReadResult& result = results[i];
            if (!result.ok) {
                if (result.error.isEmpty())
                    continue;  // cancelled before it was read
                report.addProblem(item.path, result.error);
                plan.new_errors.append(
                    {item.path, {item.file.size, item.file.mtime_ms, result.error}});
                continue;
            }
            ++report.files_read;
            if (!result.problem.isEmpty())
                report.addTagProblem(item.path, result.problem);
            if (plan.known_errors.contains(item.path))
                plan.cleared_errors.append(item.path);
            for (Track& track : tracksOf(plan, report, item, result.tags)) {
                TrackWrite write;
                write.folder_id = item.folder_id;
                const auto known = plan.known.constFind(track.path);
                if (known != plan.known.constEnd()) {
                    write.kind = TrackWrite::Kind::Update;
                    track.id = known->id;
                    plan.vanished.remove(track.id);
                    ++report.updated;
                } else if (QList<TrackId>* candidates = moveCandidates(plan, track.key)) {
                    write.kind = TrackWrite::Kind::Move;  // same track, new place
                    track.id = candidates->takeFirst();
                    plan.vanished.remove(track.id);
                    ++report.moved;
                } else {
                    write.kind = TrackWrite::Kind::Insert;
                    ++report.added;
                }
                write.track = std::move(track);
                pending.append(std::move(write));
            }
        }
        if (pending.size() >= kBatchRows)
            flush();
        progress.files_done = qMin<qsizetype>(begin + kParseWindow, total);
        progress.current_folder = QFileInfo(plan.to_read[progress.files_done - 1].path).path();
        reportProgress(progress, true);  // once per window of kParseWindow files
        if (cancel_.load() || !report.fatal_error.isEmpty()) {
            next.waitForFinished();
            break;
        }
    }
    flush();
}

void ScanJob::finish(Plan& plan, ScanReport& report) {
    reportProgress({ScanProgress::Phase::Finishing, report.files_seen, report.files_read,
                    report.files_read, QString()},
                   true);
    const QList<TrackId> vanished(plan.vanished.cbegin(), plan.vanished.cend());
    const Status marked = store_.markUnavailable(vanished);
    if (!marked) {
        report.fatal_error = marked.error();
        return;
    }
    report.removed = int(vanished.size());
    // Errors of files that are gone are forgotten with them.
    for (auto it = plan.known_errors.cbegin(); it != plan.known_errors.cend(); ++it) {
        if (plan.seen.contains(it.key()))
            continue;
        for (const Plan::Target& target : plan.targets) {
            if (target.reachable && isUnder(it.key(), target.path)) {
                plan.cleared_errors.append(it.key());
                break;
            }
        }
    }
    Status errors = store_.recordScanErrors(plan.new_errors);
    if (errors)
        errors = store_.clearScanErrors(plan.cleared_errors);
    if (!errors) {
        report.fatal_error = errors.error();
        return;
    }
    if (report.added + report.moved + report.updated + report.restored > 0) {
        // history imported before these files existed now finds them
        const Result<LinkReport> linked = ExternalTrackLinker(db_).run(&cancel_);
        if (!linked)
            report.fatal_error = linked.error();
        else
            report.history_linked = linked->tracks_linked;
    }
}

}  // namespace encore
