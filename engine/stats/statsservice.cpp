#include "stats/statsservice.h"

#include "stats/statsworker.h"

namespace encore::stats {

namespace {

void registerMetaTypes() {
    static const bool registered = [] {
        qRegisterMetaType<StatsQuery>();
        qRegisterMetaType<StatsPart>();
        qRegisterMetaType<StatsReportPtr>();
        qRegisterMetaType<RecapQuery>();
        qRegisterMetaType<RecapPtr>();
        return true;
    }();
    Q_UNUSED(registered);
}

}  // namespace

StatsService::StatsService(Database database, QObject* parent) : QObject(parent) {
    registerMetaTypes();
    worker_ = new StatsWorker(std::move(database), &latest_, &cancel_, &stopping_);
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &StatsWorker::partReady, this, &StatsService::partReady);
    connect(worker_, &StatsWorker::finished, this, &StatsService::finished);
    connect(worker_, &StatsWorker::failed, this, &StatsService::failed);
    connect(worker_, &StatsWorker::recapReady, this, &StatsService::recapReady);
    thread_.setObjectName(QStringLiteral("encore-stats"));
    thread_.start(QThread::LowPriority);
}

StatsService::~StatsService() {
    latest_.store(0);
    cancel_.store(true);
    stopping_.store(true);
    QMetaObject::invokeMethod(worker_, &StatsWorker::shutdown, Qt::BlockingQueuedConnection);
    thread_.quit();
    thread_.wait();
}

quint64 StatsService::request(const StatsQuery& query, Scope scope) {
    last_query_ = query;
    const quint64 id = latest_.fetch_add(1) + 1;
    cancel_.store(true);  // the run in progress, if any, stops at its next check
    QMetaObject::invokeMethod(
        worker_, [worker = worker_, id, query, scope] { worker->compute(id, query, int(scope)); },
        Qt::QueuedConnection);
    return id;
}

quint64 StatsService::requestRecap(const RecapQuery& query, Scope scope) {
    const quint64 id = latest_.fetch_add(1) + 1;
    cancel_.store(true);
    QMetaObject::invokeMethod(
        worker_, [worker = worker_, id, query, scope] { worker->recap(id, query, int(scope)); },
        Qt::QueuedConnection);
    return id;
}

void StatsService::preload() {
    QMetaObject::invokeMethod(worker_, &StatsWorker::preload, Qt::QueuedConnection);
}

quint64 StatsService::refresh(Scope scope) {
    return request(last_query_, scope);
}

}  // namespace encore::stats
