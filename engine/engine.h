#pragma once

#include "core/result.h"
#include "core/track.h"
#include "library/scanreport.h"
#include "store/database.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QThread>

namespace encore {

class Scanner;

// The facade the UI and the command line talk to. Owns the worker threads (scanner, and the
// later database writer and trainer), starts them after the migrations, stops them on
// destruction (cancel, quit, wait). Its signals arrive on the thread that created the Engine.
class Engine : public QObject {
    Q_OBJECT

public:
    explicit Engine(Database database, QObject* parent = nullptr);
    ~Engine() override;

    // Applies migrations, then starts the workers. Call once, before anything else.
    Status start();
    bool isStarted() const { return started_; }

    const Database& database() const { return database_; }

    // Scans these folders (none: every library folder) on the scanner thread.
    void scan(const QStringList& roots = {});
    void cancelScan();
    void removeLibraryFolder(const QString& root);
    bool isScanning() const { return scanning_; }

    // Reads every available track on a pool thread with its own connection.
    QFuture<Result<QList<Track>>> loadTracks() const;

    // Changes on disk are rescanned after this debounce (tests shorten it).
    void setWatchDebounceMs(int ms);

Q_SIGNALS:
    void scanStarted();
    void scanProgress(const encore::ScanProgress& progress);
    void scanFinished(const encore::ScanReport& report);
    void libraryChanged();

private:
    Database database_;
    QThread scanner_thread_;
    Scanner* scanner_ = nullptr;
    bool started_ = false;
    bool scanning_ = false;
};

}  // namespace encore
