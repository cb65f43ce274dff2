#pragma once

#include <QString>

namespace encore {

// Whether GStreamer here can decode a file, before it is handed to the pipeline (a file that
// fails inside a running playbin stops the track before it). GstDiscoverer, synchronous: call
// off the GUI thread.
struct MediaProbe {
    bool playable = false;
    QString problem;  // why not: one sentence naming the file, when !playable
    int sample_rate = 0;
    int channels = 0;
    qint64 duration_ms = 0;

    static MediaProbe probe(const QString& path);
};

}  // namespace encore
