#pragma once

#include "core/result.h"
#include "core/track.h"
#include "library/libraryindex.h"
#include "library/scanreport.h"
#include "store/database.h"

#include <QByteArray>

#include <QFuture>
#include <QList>
#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

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

    // Reads every available track and builds the browsing index, all on a pool thread.
    QFuture<Result<std::shared_ptr<const LibraryIndex>>> loadLibraryIndex() const;

    // The library folders (roots the scanner walks), on a pool thread.
    QFuture<Result<QStringList>> libraryFolders() const;

    // The encoded cover picture of a track (embedded, else from its folder); empty if none.
    // Runs on a pool thread; the caller decodes it (the engine has no image types).
    QFuture<QByteArray> coverArt(const QString& audioPath) const;

    // Changes on disk are rescanned after this debounce (tests shorten it).
    void setWatchDebounceMs(int ms);

    // Incognito: listens are not logged while it is on (the listening log reads this flag).
    void setIncognito(bool on);
    bool incognito() const { return incognito_.load(); }

    // How often the recommender retrains, in minutes (the trainer reads this).
    void setRetrainIntervalMinutes(int minutes);
    int retrainIntervalMinutes() const { return retrain_interval_minutes_.load(); }
    static constexpr int kDefaultRetrainIntervalMinutes = 30;

Q_SIGNALS:
    void scanStarted();
    void scanProgress(const encore::ScanProgress& progress);
    void scanFinished(const encore::ScanReport& report);
    void libraryChanged();
    void incognitoChanged(bool on);
    void retrainIntervalChanged(int minutes);

private:
    Database database_;
    QThread scanner_thread_;
    Scanner* scanner_ = nullptr;
    bool started_ = false;
    bool scanning_ = false;
    std::atomic<bool> incognito_{false};
    std::atomic<int> retrain_interval_minutes_{kDefaultRetrainIntervalMinutes};
};

}  // namespace encore
