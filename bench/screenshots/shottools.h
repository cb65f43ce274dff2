#pragma once

// What every screenshot run needs: waiting for the event loop to settle or for a signal, and
// saving a widget as a PNG with its name printed.

#include "../common/waitloop.h"

#include <QDir>
#include <QFileInfo>
#include <QString>
#include <QWidget>

#include <cstdio>

namespace encore::shots {

inline void print(const QString& line) {
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

using bench::waitFor;
using bench::waitUntil;

// Lets layouts, queued loads and repaints settle.
inline void settle(int ms = 300) {
    bench::runEventLoopFor(ms);
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
