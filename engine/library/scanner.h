#pragma once

#include "core/canceltickets.h"
#include "library/scanreport.h"
#include "store/database.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

class QThreadPool;

namespace encore {

class LibraryWatcher;

// The scanner worker: lives on its own QThread (IdlePriority), owns that thread's database
// connection, parses on a small pool, and follows the library with a LibraryWatcher so that
// changes on disk are picked up without a manual rescan. Call its slots through queued
// connections (or QMetaObject::invokeMethod); cancel() may be called from any thread.
class Scanner : public QObject {
    Q_OBJECT

public:
    explicit Scanner(Database database, QObject* parent = nullptr);
    ~Scanner() override;

    // Thread-safe: the running scan stops within ~100 ms and reports cancelled; scans queued
    // before this call start cancelled.
    void cancel();
    // Thread-safe: the ticket of a scan about to be queued (see scanQueued).
    quint64 queueScan() { return scan_tickets_.issue(); }

    // Debounce of the watcher (tests shorten it); call before the first scan.
    void setWatchDebounceMs(int ms);

public Q_SLOTS:
    // Adds `roots` to the library folders (none: every known folder) and scans them.
    void scan(const QStringList& roots);
    // As scan(), for a scan queued with the ticket from queueScan().
    void scanQueued(const QStringList& roots, quint64 ticket);
    // Rescans only these folders (what the watcher saw change).
    void rescanFolders(const QStringList& folders);
    // Forgets a library folder; its tracks stay with their history, marked unavailable.
    void removeFolder(const QString& root);

Q_SIGNALS:
    void started();
    void progress(const encore::ScanProgress& progress);
    void finished(const encore::ScanReport& report);
    // Emitted after any scan that added, changed, moved or removed tracks.
    void libraryChanged();

private:
    bool ensureConnection();
    void runScan(const QStringList& roots, const QStringList& onlyUnder, quint64 ticket);

    Database database_;
    std::unique_ptr<ScopedConnection> connection_;
    std::unique_ptr<QThreadPool> pool_;
    LibraryWatcher* watcher_ = nullptr;
    CancelTickets scan_tickets_;
    int debounce_ms_ = -1;
};

}  // namespace encore
