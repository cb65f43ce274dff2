#pragma once

// Plays items through the engine into a WAV file and waits for the end (what the render
// command does for whole files, here for any items: CUE-style ranges included).

#include "playback/playbackengine.h"

#include <QEventLoop>
#include <QList>
#include <QTimer>

namespace encore::test {

struct ItemRender {
    bool ok = false;
    QString error;
    QList<quint64> serials;  // of the items, in order
    QList<quint64> started;  // itemStarted, in order
};

inline ItemRender renderItems(const QList<PlaybackItem>& items, const QString& wav,
                              qint64 startMs = 0, int rate = 44100) {
    ItemRender r;
    PlaybackEngine engine(AudioOutput::wavFile(wav, rate));
    QEventLoop loop;
    QObject::connect(&engine, &PlaybackEngine::itemStarted, &loop,
                     [&r](quint64 serial) { r.started.append(serial); });
    QObject::connect(&engine, &PlaybackEngine::itemEnded, &loop, [&](quint64 serial) {
        r.ok = serial == r.serials.last();
        if (!r.ok)
            r.error = QStringLiteral("ended early, at item %1").arg(r.serials.indexOf(serial));
        loop.quit();
    });
    QObject::connect(&engine, &PlaybackEngine::itemFailed, &loop,
                     [&](quint64, const QString& message) {
                         r.error = message;
                         loop.quit();
                     });
    r.serials.append(engine.load(items.first(), startMs, true));
    r.serials.append(engine.setUpcoming(items.mid(1)));
    QTimer::singleShot(30000, &loop, [&] {
        r.error = QStringLiteral("timed out");
        loop.quit();
    });
    loop.exec();
    return r;
}

}  // namespace encore::test
