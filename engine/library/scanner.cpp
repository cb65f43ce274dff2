#include "library/scanner.h"

#include "library/librarywatcher.h"
#include "library/scanjob.h"
#include "store/trackstore.h"

#include <QThread>
#include <QThreadPool>

namespace encore {

Scanner::Scanner(Database database, QObject* parent)
    : QObject(parent), database_(std::move(database)) {
    qRegisterMetaType<ScanProgress>();
    qRegisterMetaType<ScanReport>();
}

Scanner::~Scanner() {
    cancel();
    if (pool_)
        pool_->waitForDone();
}

void Scanner::cancel() {
    scan_tickets_.cancelAll();
}

void Scanner::setWatchDebounceMs(int ms) {
    debounce_ms_ = ms;
}

bool Scanner::ensureConnection() {
    if (connection_ && connection_->ok())
        return true;
    // Opened here, on the scanner's own thread, on first use.
    connection_ = std::make_unique<ScopedConnection>(
        database_, QStringLiteral("encore-scanner-%1").arg(quintptr(this)));
    if (!pool_) {
        pool_ = std::make_unique<QThreadPool>();
        pool_->setMaxThreadCount(qMax(1, QThread::idealThreadCount()));
        pool_->setThreadPriority(QThread::IdlePriority);
    }
    if (!watcher_) {
        watcher_ = new LibraryWatcher(this);
        if (debounce_ms_ >= 0)
            watcher_->setDebounceMs(debounce_ms_);
        connect(watcher_, &LibraryWatcher::foldersChanged, this, &Scanner::rescanFolders);
        connect(watcher_, &LibraryWatcher::overflowed, this, [this] { scan({}); });
    }
    return connection_->ok();
}

void Scanner::scan(const QStringList& roots) {
    runScan(roots, {}, 0);
}

void Scanner::scanQueued(const QStringList& roots, quint64 ticket) {
    runScan(roots, {}, ticket);
}

void Scanner::rescanFolders(const QStringList& folders) {
    runScan({}, folders, 0);
}

void Scanner::removeFolder(const QString& root) {
    if (!ensureConnection())
        return;
    TrackStore store(connection_->db());
    const Status removed = store.removeFolder(root);
    ScanReport report;
    if (!removed)
        report.fatal_error = removed.error();
    watcher_->clear();
    Q_EMIT finished(report);
    Q_EMIT libraryChanged();
}

void Scanner::runScan(const QStringList& roots, const QStringList& onlyUnder, quint64 ticket) {
    const bool go = scan_tickets_.begin(ticket);
    Q_EMIT started();
    if (!go) {
        ScanReport report;
        report.cancelled = true;
        Q_EMIT finished(report);
        return;
    }
    if (!ensureConnection()) {
        ScanReport report;
        report.fatal_error = connection_->error();
        Q_EMIT finished(report);
        return;
    }
    QStringList scanRoots = roots;
    if (scanRoots.isEmpty()) {
        TrackStore store(connection_->db());
        const auto folders = store.folders();
        if (folders) {
            for (const LibraryFolder& folder : folders.value())
                scanRoots.append(folder.path);
        }
    }
    ScanJob job(connection_->db(), scan_tickets_.running(), pool_.get());
    job.setProgressCallback([this](const ScanProgress& p) { Q_EMIT progress(p); });
    const ScanReport report = job.run(scanRoots, onlyUnder);
    watcher_->watchFolders(job.walkedFolders());
    Q_EMIT finished(report);
    if (report.changedLibrary())
        Q_EMIT libraryChanged();
}

}  // namespace encore
