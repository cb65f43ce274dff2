#include "stats/statsworker.h"

#include "stats/statscalculator.h"

namespace encore::stats {

StatsWorker::StatsWorker(Database database, const std::atomic<quint64>* latest,
                         std::atomic<bool>* cancel)
    : database_(std::move(database)), latest_(latest), cancel_(cancel) {}

StatsWorker::~StatsWorker() = default;

void StatsWorker::shutdown() {
    loader_.reset();
    connection_.reset();
}

void StatsWorker::compute(quint64 id, const StatsQuery& query, int scope) {
    // Requests queue up while one runs: only the newest is worth computing.
    if (superseded(id))
        return;
    cancel_->store(false);
    if (!connection_) {
        connection_ = std::make_unique<ScopedConnection>(
            database_, QStringLiteral("encore-stats-%1").arg(quintptr(this), 0, 16));
        if (!connection_->ok()) {
            const QString message = connection_->error();
            connection_.reset();
            Q_EMIT failed(id, message);
            return;
        }
        loader_ = std::make_unique<StatsDataLoader>(database_);
    }
    const Status refreshed =
        loader_->refresh(connection_->db(), static_cast<StatsDataLoader::Scope>(scope), cancel_);
    if (superseded(id))
        return;
    if (!refreshed) {
        Q_EMIT failed(id, refreshed.error());
        return;
    }
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
