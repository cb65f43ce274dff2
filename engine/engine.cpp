#include "engine.h"

#include "library/coverart.h"
#include "library/libraryindexloader.h"
#include "library/scanner.h"
#include "store/trackstore.h"

#include <QAtomicInteger>
#include <QtConcurrent/QtConcurrentRun>

namespace encore {

Engine::Engine(Database database, QObject* parent)
    : QObject(parent), database_(std::move(database)) {
    qRegisterMetaType<ScanProgress>();
    qRegisterMetaType<ScanReport>();
    scanner_thread_.setObjectName(QStringLiteral("encore-scanner"));
}

Engine::~Engine() {
    if (scanner_)
        scanner_->cancel();
    scanner_thread_.quit();
    scanner_thread_.wait();
}

Status Engine::start() {
    if (started_)
        return {};
    const Status migrated = database_.migrate();
    if (!migrated)
        return migrated;
    scanner_ = new Scanner(database_);
    scanner_->moveToThread(&scanner_thread_);
    connect(&scanner_thread_, &QThread::finished, scanner_, &QObject::deleteLater);
    connect(scanner_, &Scanner::started, this, [this] {
        scanning_ = true;
        Q_EMIT scanStarted();
    });
    connect(scanner_, &Scanner::progress, this, &Engine::scanProgress);
    connect(scanner_, &Scanner::finished, this, [this](const ScanReport& report) {
        scanning_ = false;
        Q_EMIT scanFinished(report);
    });
    connect(scanner_, &Scanner::libraryChanged, this, &Engine::libraryChanged);
    scanner_thread_.start(QThread::IdlePriority);
    started_ = true;
    return {};
}

void Engine::scan(const QStringList& roots) {
    if (!scanner_)
        return;
    QMetaObject::invokeMethod(scanner_, "scan", Qt::QueuedConnection, Q_ARG(QStringList, roots));
}

void Engine::cancelScan() {
    if (scanner_)
        scanner_->cancel();
}

void Engine::removeLibraryFolder(const QString& root) {
    if (!scanner_)
        return;
    QMetaObject::invokeMethod(scanner_, "removeFolder", Qt::QueuedConnection, Q_ARG(QString, root));
}

void Engine::setWatchDebounceMs(int ms) {
    if (scanner_)
        QMetaObject::invokeMethod(
            scanner_, [s = scanner_, ms] { s->setWatchDebounceMs(ms); }, Qt::QueuedConnection);
}

namespace {

// Pool threads come and go: each read opens its own uniquely named connection.
QString loaderConnectionName() {
    static QAtomicInteger<int> counter;
    return QStringLiteral("encore-loader-%1").arg(counter.fetchAndAddRelaxed(1));
}

}  // namespace

QFuture<Result<std::shared_ptr<const LibraryIndex>>> Engine::loadLibraryIndex() const {
    const Database database = database_;
    return QtConcurrent::run([database]() -> Result<std::shared_ptr<const LibraryIndex>> {
        ScopedConnection connection(database, loaderConnectionName());
        if (!connection.ok())
            return Error{connection.error()};
        return LibraryIndexLoader::load(connection.db());
    });
}

QFuture<Result<QStringList>> Engine::libraryFolders() const {
    const Database database = database_;
    return QtConcurrent::run([database]() -> Result<QStringList> {
        ScopedConnection connection(database, loaderConnectionName());
        if (!connection.ok())
            return Error{connection.error()};
        const Result<QList<LibraryFolder>> folders = TrackStore(connection.db()).folders();
        if (!folders)
            return Error{folders.error()};
        QStringList paths;
        for (const LibraryFolder& folder : folders.value())
            paths.append(folder.path);
        return paths;
    });
}

QFuture<QByteArray> Engine::coverArt(const QString& audioPath) const {
    return QtConcurrent::run([audioPath] {
        const std::optional<CoverArt> cover = readCoverArt(audioPath);
        return cover ? cover->data : QByteArray();
    });
}

void Engine::setIncognito(bool on) {
    if (incognito_.exchange(on) != on)
        Q_EMIT incognitoChanged(on);
}

void Engine::setRetrainIntervalMinutes(int minutes) {
    minutes = qMax(1, minutes);
    if (retrain_interval_minutes_.exchange(minutes) != minutes)
        Q_EMIT retrainIntervalChanged(minutes);
}

QFuture<Result<QList<Track>>> Engine::loadTracks() const {
    const Database database = database_;
    return QtConcurrent::run([database]() -> Result<QList<Track>> {
        ScopedConnection connection(database, loaderConnectionName());
        if (!connection.ok())
            return Error{connection.error()};
        TrackStore store(connection.db());
        return store.tracks({});
    });
}

}  // namespace encore
