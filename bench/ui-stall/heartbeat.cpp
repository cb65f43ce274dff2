#include "heartbeat.h"

#include <algorithm>
#include <cmath>
#include <ctime>

namespace encore::bench {

namespace {

double percentile(std::vector<double> values, double p) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t at = std::min(values.size() - 1, size_t(std::ceil(p * double(values.size()))) - 1);
    return values[at];
}

// CPU time of the calling (GUI) thread.
qint64 threadCpuNs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

}  // namespace

Heartbeat::Heartbeat() {
    timer_.setTimerType(Qt::PreciseTimer);
    timer_.setInterval(kIntervalMs);
    connect(&timer_, &QTimer::timeout, this, &Heartbeat::tick);
}

void Heartbeat::start() {
    clock_.start();
    last_ns_ = clock_.nsecsElapsed();
    last_cpu_ns_ = threadCpuNs();
    timer_.start();
}

void Heartbeat::beginPhase(const QString& name) {
    phases_.push_back({name, {}, {}});
    last_ns_ = clock_.nsecsElapsed();  // a phase starts with a fresh gap
    last_cpu_ns_ = threadCpuNs();
}

void Heartbeat::skipGap() {
    last_ns_ = clock_.nsecsElapsed();
    last_cpu_ns_ = threadCpuNs();
}

void Heartbeat::tick() {
    const qint64 now = clock_.nsecsElapsed();
    const qint64 cpu = threadCpuNs();
    if (!phases_.empty() && last_ns_ >= 0) {
        const double gapMs = double(now - last_ns_) / 1e6;
        phases_.back().lags_ms.push_back(std::max(0.0, gapMs - kIntervalMs));
        phases_.back().busy_ms.push_back(double(cpu - last_cpu_ns_) / 1e6);
    }
    last_ns_ = now;
    last_cpu_ns_ = cpu;
}

const Heartbeat::Phase* Heartbeat::find(const QString& name) const {
    for (const Phase& p : phases_) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

double Heartbeat::maxLagMs(const QString& phase) const {
    const Phase* p = find(phase);
    return p && !p->lags_ms.empty() ? *std::max_element(p->lags_ms.begin(), p->lags_ms.end()) : 0.0;
}

double Heartbeat::p99LagMs(const QString& phase) const {
    const Phase* p = find(phase);
    return p ? percentile(p->lags_ms, 0.99) : 0.0;
}

QString Heartbeat::summary(const QString& name, const std::vector<double>& lags,
                           const std::vector<double>& busy) {
    const auto worst = std::max_element(lags.begin(), lags.end());
    const double max = worst == lags.end() ? 0 : *worst;
    const double busyAtWorst = worst == lags.end() ? 0 : busy[size_t(worst - lags.begin())];
    const double maxBusy = busy.empty() ? 0 : *std::max_element(busy.begin(), busy.end());
    return QStringLiteral(
               "lag %1: ticks=%2 max_ms=%3 p99_ms=%4 p50_ms=%5 "
               "gui_cpu_in_worst_gap_ms=%6 max_gui_cpu_in_a_gap_ms=%7")
        .arg(name)
        .arg(lags.size())
        .arg(max, 0, 'f', 1)
        .arg(percentile(lags, 0.99), 0, 'f', 1)
        .arg(percentile(lags, 0.50), 0, 'f', 2)
        .arg(busyAtWorst, 0, 'f', 1)
        .arg(maxBusy, 0, 'f', 1);
}

QString Heartbeat::report() const {
    QStringList lines;
    std::vector<double> all, allBusy;
    for (const Phase& p : phases_) {
        lines << summary(p.name, p.lags_ms, p.busy_ms);
        all.insert(all.end(), p.lags_ms.begin(), p.lags_ms.end());
        allBusy.insert(allBusy.end(), p.busy_ms.begin(), p.busy_ms.end());
    }
    lines << summary(QStringLiteral("all"), all, allBusy);
    return lines.join(QLatin1Char('\n'));
}

}  // namespace encore::bench
