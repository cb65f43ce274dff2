#pragma once

#include "core/result.h"
#include "playback/playbacksettings.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace encore {

struct RenderOptions {
    ReplayGainMode replaygain = ReplayGainMode::Off;
    double preamp_db = 0.0;
    bool prevent_clipping = true;
    int crossfade_ms = 0;
};

struct RenderResult {
    int sample_rate = 0;
    int rendered = 0;     // files in the WAV
    QStringList skipped;  // one sentence per file left out
};

// Plays files in order through the app's engine and pipeline into a 32-bit float stereo WAV:
// the sources' rate when they all agree, else 44.1 kHz. Levels come from the files' ReplayGain
// tags. Files GStreamer cannot open are left out and named. Runs an event loop until done:
// call it where blocking is fine (the command line, tests).
class Renderer {
public:
    static Result<RenderResult> render(const QStringList& files, const QString& wavPath,
                                       const RenderOptions& options);
};

}  // namespace encore
