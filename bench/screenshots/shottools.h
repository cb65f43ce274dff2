#pragma once

// What every screenshot run needs: waiting for the event loop to settle or for a signal, and
// saving a widget as a PNG with its name printed.

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace encore::shots {

inline void print(const QString& line) {
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

// Lets layouts, queued loads and repaints settle.
inline void settle(int ms = 300) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

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

template <typename Condition>
bool waitUntil(Condition condition, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (!condition() && t.elapsed() < timeoutMs)
        settle(50);
    return condition();
}

inline bool save(QWidget& widget, const QDir& out, const QString& name) {
    settle();
    const QString path = out.filePath(name + QStringLiteral(".png"));
    const bool ok = widget.grab().save(path);
    print(ok ? QStringLiteral("  %1").arg(QFileInfo(path).fileName())
             : QStringLiteral("  could not write %1").arg(path));
    return ok;
}

}  // namespace encore::shots
