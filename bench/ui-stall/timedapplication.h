#pragma once

#include <QApplication>
#include <QElapsedTimer>
#include <QString>

#include <vector>

namespace encore::bench {

// CPU time of the calling thread: what it spent itself, however busy the machine is.
double threadCpuMs();

// QApplication that times every event it delivers on the GUI thread from the event loop (not
// nested sends) and keeps the slowest: which object, which event, in which phase, with the GUI
// thread's own CPU time beside the wall time (a busy machine stretches the wall time only). It
// names the work behind a lag the heartbeat measured (a queued result filling a page, a paint).
class TimedApplication : public QApplication {
public:
    static constexpr double kRecordMs = 20.0;  // shorter bursts are not kept
    static constexpr int kKept = 8;

    TimedApplication(int& argc, char** argv);

    bool notify(QObject* receiver, QEvent* event) override;
    void setPhase(const QString& phase) { phase_ = phase; }
    // "  23.4 ms  phase  N events: Class Event 9.1 ms, ..." lines, longest first; empty when
    // no burst reached kRecordMs.
    QString report();

private:
    struct Slow {
        double ms = 0;   // wall (a burst) or the GUI thread's CPU (a part: sorted by it)
        double cpu = 0;  // the GUI thread's own CPU time in it
        QString what;
    };
    void closeBurst();

    QElapsedTimer clock_;
    int depth_ = 0;
    QString phase_;
    std::vector<Slow> slowest_;
    std::vector<Slow> singles_;
    Slow burst_;
    std::vector<Slow> burst_parts_;
    qint64 burst_start_ns_ = 0;
    qint64 burst_end_ns_ = 0;
};

}  // namespace encore::bench
