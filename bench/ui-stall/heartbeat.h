#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <vector>

namespace encore::bench {

// A 1 ms timer on the GUI thread: the time between two of its ticks beyond 1 ms is how long
// the event loop could not run (lag). Phases split the record (startup, typing, scan, ...).
// The GUI thread's own CPU time in each gap tells work on the GUI thread (CPU close to the
// lag) from waiting for a core on a busy machine (CPU far below the lag).
class Heartbeat : public QObject {
    Q_OBJECT

public:
    static constexpr int kIntervalMs = 1;

    Heartbeat();

    void start();
    // Starts a new phase; the lag of each phase is summarised separately.
    void beginPhase(const QString& name);
    // The next gap starts now: the time since the last tick is not counted (the benchmark's
    // own output, which may block on a busy disk, is not the window's lag).
    void skipGap();
    // "phase: ticks=N max=X ms p99=Y ms p50=Z ms" for each phase and for all of them.
    QString report() const;
    double maxLagMs(const QString& phase) const;
    double p99LagMs(const QString& phase) const;

private:
    struct Phase {
        QString name;
        std::vector<double> lags_ms;
        std::vector<double> busy_ms;  // GUI thread CPU time in each gap
    };
    void tick();
    const Phase* find(const QString& name) const;
    static QString summary(const QString& name, const std::vector<double>& lags,
                           const std::vector<double>& busy);

    QTimer timer_;
    QElapsedTimer clock_;
    qint64 last_ns_ = -1;
    qint64 last_cpu_ns_ = 0;
    std::vector<Phase> phases_;
};

}  // namespace encore::bench
