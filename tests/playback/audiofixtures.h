#pragma once

// Real audio for the playback tests: sources generated with sox and ffmpeg (installed by
// scripts/setup-deps), WAV files read back as float samples, and measures taken on them.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <vector>

// The tools as CMake found them (find_program in the CMakeLists of those who use this).
#ifndef ENCORE_SOX
#define ENCORE_SOX "sox"
#endif
#ifndef ENCORE_FFMPEG
#define ENCORE_FFMPEG "ffmpeg"
#endif

namespace encore::test {

constexpr int kRate = 44100;

// Runs a tool to its end; false (with its output in a warning) when it fails. "sox" and
// "ffmpeg" are the ones CMake found.
inline bool runTool(QString program, const QStringList& arguments) {
    if (program == QLatin1String("sox"))
        program = QStringLiteral(ENCORE_SOX);
    else if (program == QLatin1String("ffmpeg"))
        program = QStringLiteral(ENCORE_FFMPEG);
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        qWarning("%s %s failed: %s", qPrintable(program), qPrintable(arguments.join(' ')),
                 process.readAll().constData());
        return false;
    }
    return true;
}

// A stereo 16-bit WAV of a sine (sox).
inline bool makeTone(const QString& path, double seconds, double hz, double amplitude,
                     int rate = kRate) {
    return runTool(
        QStringLiteral("sox"),
        {QStringLiteral("-n"), QStringLiteral("-r"), QString::number(rate), QStringLiteral("-c"),
         QStringLiteral("2"), QStringLiteral("-b"), QStringLiteral("16"), path,
         QStringLiteral("synth"), QString::number(seconds), QStringLiteral("sine"),
         QString::number(hz), QStringLiteral("vol"), QString::number(amplitude)});
}

// A sweep, so that every position of the file sounds different (ranges are recognisable).
inline bool makeSweep(const QString& path, double seconds, int rate = kRate) {
    return runTool(
        QStringLiteral("sox"),
        {QStringLiteral("-n"), QStringLiteral("-r"), QString::number(rate), QStringLiteral("-c"),
         QStringLiteral("2"), QStringLiteral("-b"), QStringLiteral("16"), path,
         QStringLiteral("synth"), QString::number(seconds), QStringLiteral("sine"),
         QStringLiteral("200-4000"), QStringLiteral("vol"), QStringLiteral("0.5")});
}

// Samples [from, to) of a WAV (sox trim, in samples; to < 0: to the end).
inline bool cutWav(const QString& in, const QString& out, qint64 from, qint64 to = -1) {
    QStringList args{in, out, QStringLiteral("trim"), QStringLiteral("%1s").arg(from)};
    if (to >= 0)
        args << QStringLiteral("%1s").arg(to - from);
    return runTool(QStringLiteral("sox"), args);
}

// Encodes with ffmpeg: "flac", or "mp3" (libmp3lame at 320 kbit/s: its LAME/Info header
// carries the encoder delay and padding). `tags`: -metadata KEY=VALUE pairs.
inline bool encode(const QString& in, const QString& out, const QStringList& tags = {}) {
    QStringList args{QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y"),
                     QStringLiteral("-i"), in};
    if (out.endsWith(QLatin1String(".mp3")))
        args << QStringLiteral("-c:a") << QStringLiteral("libmp3lame") << QStringLiteral("-b:a")
             << QStringLiteral("320k");
    for (const QString& tag : tags)
        args << QStringLiteral("-metadata") << tag;
    args << out;
    return runTool(QStringLiteral("ffmpeg"), args);
}

// A WAV file's samples as floats (16-bit PCM or 32-bit float), interleaved.
struct Wav {
    int rate = 0;
    int channels = 0;
    std::vector<float> samples;
    bool ok = false;

    qint64 frames() const { return channels ? qint64(samples.size()) / channels : 0; }
    float at(qint64 frame, int channel) const {
        return samples[size_t(frame * channels + channel)];
    }
};

inline Wav readWav(const QString& path) {
    Wav wav;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return wav;
    const QByteArray data = file.readAll();
    if (data.size() < 12 || !data.startsWith("RIFF") || data.mid(8, 4) != "WAVE")
        return wav;
    int format = 0;
    int bits = 0;
    qint64 at = 12;
    while (at + 8 <= data.size()) {
        const QByteArray id = data.mid(int(at), 4);
        qint64 size = qFromLittleEndian<quint32>(data.constData() + at + 4);
        const char* body = data.constData() + at + 8;
        if (id == "fmt ") {
            format = qFromLittleEndian<quint16>(body);
            wav.channels = qFromLittleEndian<quint16>(body + 2);
            wav.rate = int(qFromLittleEndian<quint32>(body + 4));
            bits = qFromLittleEndian<quint16>(body + 14);
            if (format == 0xfffe && size >= 26)
                format = qFromLittleEndian<quint16>(body + 24);
        } else if (id == "data") {
            size = std::min<qint64>(size, data.size() - at - 8);
            if (format == 3 && bits == 32) {
                wav.samples.resize(size_t(size / 4));
                for (size_t i = 0; i < wav.samples.size(); ++i)
                    wav.samples[i] = qFromLittleEndian<float>(body + 4 * i);
            } else if (format == 1 && bits == 16) {
                wav.samples.resize(size_t(size / 2));
                for (size_t i = 0; i < wav.samples.size(); ++i)
                    wav.samples[i] = float(qFromLittleEndian<qint16>(body + 2 * i)) / 32768.0f;
            } else {
                return wav;
            }
            wav.ok = wav.channels > 0;
            return wav;
        }
        at += 8 + size + (size & 1);
    }
    return wav;
}

// RMS level in dBFS over frames [from, to).
inline double rmsDb(const Wav& wav, qint64 from, qint64 to) {
    double sum = 0.0;
    qint64 n = 0;
    for (qint64 f = std::max<qint64>(0, from); f < std::min(to, wav.frames()); ++f) {
        for (int c = 0; c < wav.channels; ++c) {
            const double x = wav.at(f, c);
            sum += x * x;
            ++n;
        }
    }
    return n ? 10.0 * std::log10(sum / double(n) + 1e-30) : -300.0;
}

inline float peak(const Wav& wav) {
    float p = 0.0f;
    for (float x : wav.samples)
        p = std::max(p, std::abs(x));
    return p;
}

// The longest run of frames, within [from, to), where every channel is below `threshold`.
inline qint64 longestSilence(const Wav& wav, qint64 from, qint64 to, float threshold = 1e-3f) {
    qint64 longest = 0;
    qint64 run = 0;
    for (qint64 f = std::max<qint64>(0, from); f < std::min(to, wav.frames()); ++f) {
        bool quiet = true;
        for (int c = 0; c < wav.channels && quiet; ++c)
            quiet = std::abs(wav.at(f, c)) < threshold;
        run = quiet ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return longest;
}

// The largest difference between frames of `a` from `aFrom` and of `b` from `bFrom`.
inline float maxDifference(const Wav& a, qint64 aFrom, const Wav& b, qint64 bFrom, qint64 frames) {
    float worst = 0.0f;
    for (qint64 i = 0; i < frames; ++i) {
        for (int c = 0; c < a.channels; ++c)
            worst = std::max(worst, std::abs(a.at(aFrom + i, c) - b.at(bFrom + i, c)));
    }
    return worst;
}

}  // namespace encore::test
