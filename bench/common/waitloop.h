#pragma once

// Waiting in a benchmark or screenshot run without blocking the event loop: for a signal, for
// a condition, or for a while.

#include <QElapsedTimer>
#include <QEventLoop>
#include <QObject>
#include <QTimer>

namespace encore::bench {

// Runs the event loop for `ms` (layouts, queued loads and repaints settle).
inline void runEventLoopFor(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Runs the event loop until `sender` emits `signal` or `timeoutMs` pass.
template <typename Sender, typename Signal>
bool waitFor(Sender* sender, Signal signal, int timeoutMs) {
    QEventLoop loop;
    bool fired = false;
    auto c = QObject::connect(sender, signal, &loop, [&] {
        fired = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(c);
    return fired;
}

// Runs the event loop until `condition` holds or `timeoutMs` pass.
template <typename Condition>
bool waitUntil(Condition condition, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (!condition() && t.elapsed() < timeoutMs)
        runEventLoopFor(50);
    return condition();
}

}  // namespace encore::bench
