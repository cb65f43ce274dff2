// bench_loudness: EBU R128 analysis of generated files in the library's formats (MP3 320 and
// 192 kbit/s, FLAC, Ogg Vorbis; 44.1 and 48 kHz; music-like mixes of tones and noise), one
// file at a time as the background job does, beside ffmpeg's ebur128 filter (-threads 1) on
// the same files. Prints audio seconds, CPU seconds and x real time per core for both, and the
// largest difference of the two measures. Exits 1 if Encore is under 100x real time per core
// or any file differs from ffmpeg by more than 0.1 LU.
// Usage: bench_loudness [--files N] [--seconds S]

#include "loudness/loudnessanalyser.h"
#include "playback/audiofixtures.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace encore;

namespace {

constexpr double kMinSpeed = 100.0;  // x real time per core (issue 11)
constexpr double kMaxDifferenceLu = 0.1;

double cpuSeconds(int who) {
    rusage usage{};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double ffmpegLufs(const QString& path) {
    QProcess ffmpeg;
    ffmpeg.setProcessChannelMode(QProcess::MergedChannels);
    ffmpeg.start(QStringLiteral(ENCORE_FFMPEG),
                 {QStringLiteral("-nostats"), QStringLiteral("-hide_banner"),
                  QStringLiteral("-threads"), QStringLiteral("1"), QStringLiteral("-i"), path,
                  QStringLiteral("-filter_complex"), QStringLiteral("ebur128=peak=sample"),
                  QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")});
    if (!ffmpeg.waitForFinished(120000) || ffmpeg.exitCode() != 0)
        return std::nan("");
    const QString out = QString::fromUtf8(ffmpeg.readAll());
    const int summary = out.lastIndexOf(QLatin1String("Integrated loudness:"));
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("I:\\s+(-?[0-9.]+) LUFS")).match(out, summary);
    return summary >= 0 && m.hasMatch() ? m.captured(1).toDouble() : std::nan("");
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int files = 16;
    double seconds = 60.0;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--files"))
            files = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--seconds"))
            seconds = std::max(5.0, args[i + 1].toDouble());
    }
    QTemporaryDir dir;
    QStringList paths;
    static const char* const kFormats[] = {"mp3", "flac", "ogg", "mp3"};
    for (int n = 0; n < files; ++n) {
        const int rate = n % 3 == 2 ? 48000 : 44100;
        const QString wav = dir.filePath(QStringLiteral("%1.wav").arg(n));
        // A chord over noise, at a level that differs from file to file.
        const QStringList synth{
            QStringLiteral("-n"),          QStringLiteral("-r"),
            QString::number(rate),         QStringLiteral("-c"),
            QStringLiteral("2"),           QStringLiteral("-b"),
            QStringLiteral("16"),          wav,
            QStringLiteral("synth"),       QString::number(seconds),
            QStringLiteral("pinknoise"),   QStringLiteral("sine"),
            QString::number(110 + 30 * n), QStringLiteral("sine"),
            QString::number(330 + 45 * n), QStringLiteral("remix"),
            QStringLiteral("1,2"),         QStringLiteral("1,3"),
            QStringLiteral("vol"),         QString::number(0.15 + 0.05 * (n % 8))};
        const QString out =
            dir.filePath(QStringLiteral("%1.%2").arg(n).arg(QLatin1String(kFormats[n % 4])));
        if (!test::runTool(QStringLiteral("sox"), synth) || !test::encode(wav, out)) {
            std::fprintf(stderr, "bench_loudness: could not make %s\n", qPrintable(out));
            return 2;
        }
        QFile::remove(wav);
        paths << out;
    }
    std::printf(
        "loudness: %d generated files of %.0f s (MP3 320 kbit/s, FLAC, Ogg Vorbis; 44.1 "
        "and 48 kHz)\n",
        files, seconds);

    double audio = 0.0, worst = 0.0;
    std::vector<double> ours;
    const double before = cpuSeconds(RUSAGE_SELF);
    QElapsedTimer wall;
    wall.start();
    for (const QString& path : paths) {
        const Result<LoudnessMeasure> m = LoudnessAnalyser::analyse(path);
        if (!m) {
            std::fprintf(stderr, "bench_loudness: %s\n", qPrintable(m.error()));
            return 2;
        }
        audio += m->duration_ms / 1000.0;
        ours.push_back(m->integrated_lufs);
    }
    const double encoreCpu = cpuSeconds(RUSAGE_SELF) - before;
    const double encoreWall = wall.elapsed() / 1000.0;
    const double childBefore = cpuSeconds(RUSAGE_CHILDREN);
    wall.restart();
    for (int i = 0; i < paths.size(); ++i) {
        const double reference = ffmpegLufs(paths[i]);
        if (!std::isfinite(reference)) {
            std::fprintf(stderr, "bench_loudness: ffmpeg could not measure %s\n",
                         qPrintable(paths[i]));
            return 2;
        }
        worst = std::max(worst, std::abs(ours[size_t(i)] - reference));
    }
    const double ffmpegCpu = cpuSeconds(RUSAGE_CHILDREN) - childBefore;
    const double ffmpegWall = wall.elapsed() / 1000.0;
    const double encoreSpeed = audio / std::max(1e-6, encoreCpu);
    const double ffmpegSpeed = audio / std::max(1e-6, ffmpegCpu);
    std::printf(
        "loudness: Encore %.0f s of audio in %.2f s CPU (%.2f s wall): %.0fx real time "
        "per core (target >= %.0f)\n",
        audio, encoreCpu, encoreWall, encoreSpeed, kMinSpeed);
    std::printf(
        "loudness: ffmpeg ebur128 -threads 1: %.2f s CPU (%.2f s wall): %.0fx real time "
        "per core; Encore / ffmpeg %.2fx\n",
        ffmpegCpu, ffmpegWall, ffmpegSpeed, encoreSpeed / ffmpegSpeed);
    std::printf(
        "loudness: largest difference from ffmpeg %.3f LU over %d files (target <= "
        "%.1f)\n",
        worst, files, kMaxDifferenceLu);
    bool ok = true;
    if (encoreSpeed < kMinSpeed) {
        std::printf("bench_loudness: FAIL: %.0fx real time per core (target >= %.0f)\n",
                    encoreSpeed, kMinSpeed);
        ok = false;
    }
    if (worst > kMaxDifferenceLu) {
        std::printf("bench_loudness: FAIL: %.3f LU from ffmpeg (target <= %.1f)\n", worst,
                    kMaxDifferenceLu);
        ok = false;
    }
    if (ok)
        std::printf("bench_loudness: every target met\n");
    return ok ? 0 : 1;
}
