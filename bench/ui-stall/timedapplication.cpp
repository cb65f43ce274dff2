#include "timedapplication.h"

#include <QEvent>
#include <QMetaEnum>
#include <QStringList>
#include <QThread>

#include <algorithm>
#include <ctime>

namespace encore::bench {

namespace {
constexpr double kBurstGapMs = 1.0;  // events closer than this run back to back
constexpr int kNamedPerBurst = 6;
}  // namespace

double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

TimedApplication::TimedApplication(int& argc, char** argv) : QApplication(argc, argv) {
    clock_.start();
}

bool TimedApplication::notify(QObject* receiver, QEvent* event) {
    // Workers' events come through here too, on their threads: only the GUI thread's count.
    if (depth_ > 0 || QThread::currentThread() != thread())
        return QApplication::notify(receiver, event);
    ++depth_;
    const qint64 start = clock_.nsecsElapsed();
    const double cpu_start = threadCpuMs();
    // Described before delivery: a deferred delete leaves nothing to name afterwards.
    // Class and, where it has one, object name (a dashboard card is named by its key).
    QString who =
        receiver ? QString::fromLatin1(receiver->metaObject()->className()) : QStringLiteral("?");
    if (receiver && !receiver->objectName().isEmpty())
        who += QLatin1Char('#') + receiver->objectName();
    const int type = int(event->type());
    const bool handled = QApplication::notify(receiver, event);
    --depth_;
    const qint64 end = clock_.nsecsElapsed();
    const double ms = double(end - start) / 1e6;
    const double cpu = threadCpuMs() - cpu_start;
    // Events back to back form a burst: the event loop (and the heartbeat) waits for all.
    if (double(start - burst_end_ns_) / 1e6 > kBurstGapMs)
        closeBurst();
    if (burst_.ms == 0)
        burst_start_ns_ = start;
    burst_.ms = double(end - burst_start_ns_) / 1e6;
    burst_.cpu += cpu;
    burst_end_ns_ = end;
    const char* name = QMetaEnum::fromType<QEvent::Type>().valueToKey(type);
    if (cpu >= kRecordMs / 2) {
        // One event is one gap for the heartbeat, whatever surrounds it.
        singles_.push_back(
            {cpu, cpu,
             QStringLiteral("(cpu %1 ms)  %2  %3 %4")
                 .arg(cpu, 0, 'f', 1)
                 .arg(phase_, who, name ? QString::fromLatin1(name) : QString::number(type))});
        std::sort(singles_.begin(), singles_.end(),
                  [](const Slow& a, const Slow& b) { return a.cpu > b.cpu; });
        if (singles_.size() > size_t(kKept))
            singles_.pop_back();
    }
    burst_parts_.push_back({cpu, cpu,
                            QStringLiteral("%1 %2 %3 ms (cpu %4)")
                                .arg(who, name ? QString::fromLatin1(name) : QString::number(type))
                                .arg(ms, 0, 'f', 1)
                                .arg(cpu, 0, 'f', 1)});
    return handled;
}

void TimedApplication::closeBurst() {
    if (burst_.ms >= kRecordMs) {
        std::sort(burst_parts_.begin(), burst_parts_.end(),
                  [](const Slow& a, const Slow& b) { return a.ms > b.ms; });
        QStringList named;
        for (size_t i = 0; i < burst_parts_.size() && i < size_t(kNamedPerBurst); ++i)
            named << burst_parts_[i].what;
        burst_.what = QStringLiteral("(cpu %1 ms)  %2  %3 events: %4")
                          .arg(burst_.cpu, 0, 'f', 1)
                          .arg(phase_)
                          .arg(burst_parts_.size())
                          .arg(named.join(QStringLiteral(", ")));
        slowest_.push_back(burst_);
        // The GUI thread's own work first: waiting for a core is not its fault.
        std::sort(slowest_.begin(), slowest_.end(),
                  [](const Slow& a, const Slow& b) { return a.cpu > b.cpu; });
        if (slowest_.size() > size_t(kKept))
            slowest_.pop_back();
    }
    burst_ = {};
    burst_parts_.clear();
}

QString TimedApplication::report() {
    closeBurst();
    QStringList lines;
    for (const Slow& s : slowest_)
        lines << QStringLiteral("  %1 ms  %2").arg(s.ms, 6, 'f', 1).arg(s.what);
    if (!singles_.empty())
        lines << QStringLiteral("# single GUI-thread events with the most CPU (each one gap):");
    for (const Slow& s : singles_)
        lines << QStringLiteral("  %1").arg(s.what);
    return lines.join(QLatin1Char('\n'));
}

}  // namespace encore::bench
