#include "stats/statsworker.h"

#include "stats/statscalculator.h"

namespace encore::stats {

StatsWorker::StatsWorker(Database database, const std::atomic<quint64>* latest,
                         std::atomic<bool>* cancel, const std::atomic<bool>* stopping)
    : database_(std::move(database)), latest_(latest), cancel_(cancel), stopping_(stopping) {}

StatsWorker::~StatsWorker() = default;

void StatsWorker::shutdown() {
    loader_.reset();
    connection_.reset();
}

bool StatsWorker::openConnection(quint64 id) {
    if (connection_)
        return true;
    connection_ = std::make_unique<ScopedConnection>(
        database_, QStringLiteral("encore-stats-%1").arg(quintptr(this), 0, 16));
    if (!connection_->ok()) {
        const QString message = connection_->error();
        connection_.reset();
        Q_EMIT failed(id, message);
        return false;
    }
    loader_ = std::make_unique<StatsDataLoader>(database_);
    return true;
}

void StatsWorker::preload() {
    // A request already queued or done has loaded, or will load, the data itself.
    if (latest_->load() != 0 || stopping_->load() || !openConnection(0) || loader_->loaded())
        return;
    if (Status s =
            loader_->refresh(connection_->db(), StatsDataLoader::Scope::Everything, stopping_);
        !s && !stopping_->load())
        qWarning("Dashboards: could not read the listening log ahead of time: %s",
                 qPrintable(s.error()));
}

bool StatsWorker::refreshFor(quint64 id, int scope) {
    // Requests queue up while one runs: only the newest is worth computing.
    if (superseded(id))
        return false;
    cancel_->store(false);
    if (!openConnection(id))
        return false;
    const Status refreshed =
        loader_->refresh(connection_->db(), static_cast<StatsDataLoader::Scope>(scope), cancel_);
    if (superseded(id))
        return false;
    if (!refreshed) {
        Q_EMIT failed(id, refreshed.error());
        return false;
    }
    return true;
}

void StatsWorker::recap(quint64 id, const RecapQuery& query, int scope) {
    if (!refreshFor(id, scope))
        return;
    auto made = std::make_shared<const Recap>(computeRecap(loader_->data(), query, cancel_));
    if (!superseded(id))
        Q_EMIT recapReady(id, made);
}

void StatsWorker::compute(quint64 id, const StatsQuery& query, int scope) {
    if (!refreshFor(id, scope))
        return;
    const StatsReport report = computeStats(
        loader_->data(), query,
        [&](StatsPart part, const StatsReport& soFar) {
            if (!superseded(id))
                Q_EMIT partReady(id, part, std::make_shared<const StatsReport>(soFar));
        },
        cancel_);
    if (!superseded(id) && report.complete())
        Q_EMIT finished(id, std::make_shared<const StatsReport>(report));
}

}  // namespace encore::stats
