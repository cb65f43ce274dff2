#pragma once

#include "stats/load/statsdataloader.h"
#include "stats/recap/recap.h"
#include "stats/report/statsreport.h"
#include "stats/statsquery.h"
#include "store/database.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace encore::stats {

// StatsService's half on the worker thread: the connection, the data in memory, the runs.
class StatsWorker : public QObject {
    Q_OBJECT

public:
    StatsWorker(Database database, const std::atomic<quint64>* latest, std::atomic<bool>* cancel,
                const std::atomic<bool>* stopping);
    ~StatsWorker() override;

public Q_SLOTS:
    void compute(quint64 id, const encore::stats::StatsQuery& query, int scope);
    void recap(quint64 id, const encore::stats::RecapQuery& query, int scope);
    // Reads the tracks and the whole log into memory ahead of the first request, so the page
    // fills at the speed of a refresh the first time it is opened. Only stopping cancels it.
    void preload();
    // Closes the connection on this thread (before the thread stops).
    void shutdown();

Q_SIGNALS:
    void partReady(quint64 id, encore::stats::StatsPart part, encore::stats::StatsReportPtr report);
    void finished(quint64 id, encore::stats::StatsReportPtr report);
    void failed(quint64 id, const QString& message);
    void recapReady(quint64 id, encore::stats::RecapPtr recap);

private:
    bool openConnection(quint64 id);
    // Brings the data up to date for request `id`; false when superseded or failed.
    bool refreshFor(quint64 id, int scope);
    bool superseded(quint64 id) const { return latest_->load() != id; }

    Database database_;
    const std::atomic<quint64>* latest_;
    std::atomic<bool>* cancel_;
    const std::atomic<bool>* stopping_;
    std::unique_ptr<ScopedConnection> connection_;
    std::unique_ptr<StatsDataLoader> loader_;
};

}  // namespace encore::stats
