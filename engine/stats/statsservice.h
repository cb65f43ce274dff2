#pragma once

#include "stats/load/statsdataloader.h"
#include "stats/recap/recap.h"
#include "stats/report/statsreport.h"
#include "stats/statsquery.h"
#include "store/database.h"

#include <QObject>
#include <QThread>

#include <atomic>

namespace encore::stats {

class StatsWorker;

// Computes the dashboards off the GUI thread. Owns a worker thread with its own connection
// that keeps the listening log in memory (StatsDataLoader), so a refresh after a few new
// listens costs a few milliseconds of reading. Each request reports its parts one by one as
// they are computed; a newer request cancels an older one still running. Signals arrive on the
// thread that created the service.
class StatsService : public QObject {
    Q_OBJECT

public:
    using Scope = StatsDataLoader::Scope;

    explicit StatsService(Database database, QObject* parent = nullptr);
    ~StatsService() override;  // cancels, then stops and joins the worker thread

    // Computes `query`, first bringing the data up to date (Scope::Everything after the
    // library changed). Returns the id the signals carry.
    quint64 request(const StatsQuery& query, Scope scope = Scope::Plays);
    // "Your month" / "Your year" of `query`, answered by recapReady. Shares the worker with
    // request(): the newer of the two cancels the older (the page shows one at a time).
    quint64 requestRecap(const RecapQuery& query, Scope scope = Scope::Plays);
    // The last query again, after listens were logged or a history imported.
    quint64 refresh(Scope scope = Scope::Plays);
    // Reads the data in the background before anything is asked (see StatsWorker::preload).
    void preload();
    const StatsQuery& lastQuery() const { return last_query_; }

Q_SIGNALS:
    // A part of request `id` is done: `report` holds it and every part done before it.
    void partReady(quint64 id, encore::stats::StatsPart part, encore::stats::StatsReportPtr report);
    void finished(quint64 id, encore::stats::StatsReportPtr report);
    void recapReady(quint64 id, encore::stats::RecapPtr recap);
    void failed(quint64 id, const QString& message);

private:
    QThread thread_;
    StatsWorker* worker_ = nullptr;  // lives on thread_
    std::atomic<quint64> latest_{0};
    std::atomic<bool> cancel_{false};
    std::atomic<bool> stopping_{false};
    StatsQuery last_query_;
};

}  // namespace encore::stats
