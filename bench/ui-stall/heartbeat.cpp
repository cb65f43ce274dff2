#include "heartbeat.h"

#include <algorithm>
#include <cmath>

namespace encore::bench {

namespace {

double percentile(std::vector<double> values, double p) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t at = std::min(values.size() - 1, size_t(std::ceil(p * double(values.size()))) - 1);
    return values[at];
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
    timer_.start();
}

void Heartbeat::beginPhase(const QString& name) {
    phases_.push_back({name, {}});
    last_ns_ = clock_.nsecsElapsed();  // a phase starts with a fresh gap
}

void Heartbeat::tick() {
    const qint64 now = clock_.nsecsElapsed();
    if (!phases_.empty() && last_ns_ >= 0) {
        const double gapMs = double(now - last_ns_) / 1e6;
        phases_.back().lags_ms.push_back(std::max(0.0, gapMs - kIntervalMs));
    }
    last_ns_ = now;
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

QString Heartbeat::summary(const QString& name, std::vector<double> lags) {
    const double max = lags.empty() ? 0 : *std::max_element(lags.begin(), lags.end());
    return QStringLiteral("lag %1: ticks=%2 max_ms=%3 p99_ms=%4 p50_ms=%5")
        .arg(name)
        .arg(lags.size())
        .arg(max, 0, 'f', 1)
        .arg(percentile(lags, 0.99), 0, 'f', 1)
        .arg(percentile(lags, 0.50), 0, 'f', 2);
}

QString Heartbeat::report() const {
    QStringList lines;
    std::vector<double> all;
    for (const Phase& p : phases_) {
        lines << summary(p.name, p.lags_ms);
        all.insert(all.end(), p.lags_ms.begin(), p.lags_ms.end());
    }
    lines << summary(QStringLiteral("all"), all);
    return lines.join(QLatin1Char('\n'));
}

}  // namespace encore::bench
