#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace encore {

// Where playback goes.
struct AudioOutput {
    enum class Kind {
        Device,   // a sound device: the system default, or the one named (falls back)
        Clocked,  // no device: a sink that keeps real time, nothing is heard
        WavFile,  // a WAV file, as fast as decoding goes (render, tests)
    };
    Kind kind = Kind::Device;
    QString device_id;  // Device: an OutputDevice id; empty: the system default
    // Clocked: tests and benchmarks that need logged listens say so; the product never does.
    bool simulated_listener = false;
    QString wav_path;  // WavFile: 32-bit float stereo at wav_rate
    int wav_rate = 44100;

    static AudioOutput device(const QString& id = {}) {
        AudioOutput o;
        o.device_id = id;
        return o;
    }
    static AudioOutput clocked(bool simulatedListener = false) {
        AudioOutput o;
        o.kind = Kind::Clocked;
        o.simulated_listener = simulatedListener;
        return o;
    }
    static AudioOutput wavFile(const QString& path, int rate = 44100) {
        AudioOutput o;
        o.kind = Kind::WavFile;
        o.wav_path = path;
        o.wav_rate = rate;
        return o;
    }
};

// A sound device GStreamer's device monitor lists (Audio/Sink).
struct OutputDevice {
    QString id;    // stable across restarts: what Settings remembers
    QString name;  // "Built-in Audio Analog Stereo"
};

}  // namespace encore

Q_DECLARE_METATYPE(encore::OutputDevice)
Q_DECLARE_METATYPE(QList<encore::OutputDevice>)
