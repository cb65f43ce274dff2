#include "playback/playbacksettings.h"

#include <QSettings>

#include <cmath>

namespace encore {

namespace {

const QString kMode = QStringLiteral("playback/replaygain");
const QString kPreamp = QStringLiteral("playback/preampDb");
const QString kClipping = QStringLiteral("playback/preventClipping");
const QString kCrossfade = QStringLiteral("playback/crossfadeMs");
const QString kCrossfadeOnSkip = QStringLiteral("playback/crossfadeOnSkip");
const QString kDevice = QStringLiteral("playback/outputDevice");

}  // namespace

QString replayGainModeName(ReplayGainMode mode) {
    switch (mode) {
        case ReplayGainMode::Off:
            return QStringLiteral("off");
        case ReplayGainMode::Track:
            return QStringLiteral("track");
        case ReplayGainMode::Album:
            return QStringLiteral("album");
        case ReplayGainMode::Automatic:
            return QStringLiteral("auto");
    }
    return QStringLiteral("auto");
}

bool parseReplayGainMode(const QString& name, ReplayGainMode* mode) {
    for (ReplayGainMode m : {ReplayGainMode::Off, ReplayGainMode::Track, ReplayGainMode::Album,
                             ReplayGainMode::Automatic}) {
        if (name.compare(replayGainModeName(m), Qt::CaseInsensitive) == 0) {
            *mode = m;
            return true;
        }
    }
    return false;
}

PlaybackSettings PlaybackSettings::load(const QSettings& s) {
    PlaybackSettings p;
    parseReplayGainMode(s.value(kMode, replayGainModeName(p.replaygain)).toString(), &p.replaygain);
    p.preamp_db = qBound(-kMaxPreampDb, s.value(kPreamp, p.preamp_db).toDouble(), kMaxPreampDb);
    p.prevent_clipping = s.value(kClipping, p.prevent_clipping).toBool();
    p.crossfade_ms = qBound(0, s.value(kCrossfade, p.crossfade_ms).toInt(), kMaxCrossfadeMs);
    p.crossfade_on_skip = s.value(kCrossfadeOnSkip, p.crossfade_on_skip).toBool();
    p.output_device = s.value(kDevice).toString();
    return p;
}

void PlaybackSettings::save(QSettings& s) const {
    s.setValue(kMode, replayGainModeName(replaygain));
    s.setValue(kPreamp, preamp_db);
    s.setValue(kClipping, prevent_clipping);
    s.setValue(kCrossfade, crossfade_ms);
    s.setValue(kCrossfadeOnSkip, crossfade_on_skip);
    s.setValue(kDevice, output_device);
}

bool PlaybackSettings::operator==(const PlaybackSettings& o) const {
    return replaygain == o.replaygain && std::abs(preamp_db - o.preamp_db) < 1e-9 &&
           prevent_clipping == o.prevent_clipping && crossfade_ms == o.crossfade_ms &&
           crossfade_on_skip == o.crossfade_on_skip && output_device == o.output_device;
}

}  // namespace encore
