#include "engine.h"

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

QFuture<Result<QList<Track>>> Engine::loadTracks() const {
    const Database database = database_;
    return QtConcurrent::run([database]() -> Result<QList<Track>> {
        static QAtomicInteger<int> counter;
        ScopedConnection connection(
            database, QStringLiteral("encore-loader-%1").arg(counter.fetchAndAddRelaxed(1)));
        if (!connection.ok())
            return Error{connection.error()};
        TrackStore store(connection.db());
        return store.tracks({});
    });
}

}  // namespace encore
