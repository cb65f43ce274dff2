#include "clipcache.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

namespace encore::bench {

namespace {

constexpr int kFirstSeconds = 3;
constexpr int kLastSeconds = 10;

QStringList codecArguments(const QString& format) {
    if (format == QLatin1String("mp3"))
        return {QStringLiteral("-c:a"),
                QStringLiteral("libmp3lame"),
                QStringLiteral("-b:a"),
                QStringLiteral("96k"),
                QStringLiteral("-ar"),
                QStringLiteral("44100"),
                QStringLiteral("-id3v2_version"),
                QStringLiteral("0"),
                QStringLiteral("-write_xing"),
                QStringLiteral("1")};
    if (format == QLatin1String("flac"))
        return {QStringLiteral("-c:a"),  QStringLiteral("flac"),        QStringLiteral("-ar"),
                QStringLiteral("44100"), QStringLiteral("-sample_fmt"), QStringLiteral("s16")};
    if (format == QLatin1String("ogg"))
        return {QStringLiteral("-c:a"), QStringLiteral("libvorbis"), QStringLiteral("-q:a"),
                QStringLiteral("1"),    QStringLiteral("-ar"),       QStringLiteral("44100")};
    if (format == QLatin1String("m4a"))
        return {QStringLiteral("-c:a"),      QStringLiteral("aac"),       QStringLiteral("-b:a"),
                QStringLiteral("64k"),       QStringLiteral("-ar"),       QStringLiteral("44100"),
                QStringLiteral("-movflags"), QStringLiteral("+faststart")};
    return {QStringLiteral("-c:a"), QStringLiteral("libopus"), QStringLiteral("-b:a"),
            QStringLiteral("48k")};
}

Status runFfmpeg(const QStringList& arguments) {
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 QStringList{QStringLiteral("-nostdin"), QStringLiteral("-loglevel"),
                             QStringLiteral("error"), QStringLiteral("-y")} +
                     arguments);
    if (!ffmpeg.waitForStarted())
        return Error{
            QStringLiteral("ffmpeg is not installed; run the README's setup command first.")};
    ffmpeg.waitForFinished(-1);
    if (ffmpeg.exitCode() != 0)
        return Error{QStringLiteral("ffmpeg failed: %1")
                         .arg(QString::fromLocal8Bit(ffmpeg.readAllStandardError()))};
    return {};
}

}  // namespace

ClipCache::ClipCache(QString folder) : folder_(std::move(folder)) {}

QString ClipCache::defaultFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
           QStringLiteral("/encore/bench-clips-v1");
}

QString ClipCache::clip(const QString& format, int seconds) const {
    return QStringLiteral("%1/clip-%2s.%3").arg(folder_).arg(seconds).arg(format);
}

QString ClipCache::cover() const {
    return folder_ + QStringLiteral("/cover.jpg");
}

Status ClipCache::encode(const QString& format, int seconds, const QString& out) const {
    // a different tone per length, pitched like an A-minor arpeggio, with quiet pink noise
    const int frequency = 220 + 55 * (seconds - kFirstSeconds);
    const QString tmp = out + QStringLiteral(".tmp.") + format;
    const Status encoded = runFfmpeg(
        QStringList{QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                    QStringLiteral("sine=frequency=%1:sample_rate=44100:duration=%2")
                        .arg(frequency)
                        .arg(seconds),
                    QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                    QStringLiteral(
                        "anoisesrc=color=pink:amplitude=0.02:seed=%1:sample_rate=44100:duration=%2")
                        .arg(frequency)
                        .arg(seconds),
                    QStringLiteral("-filter_complex"),
                    QStringLiteral("[0][1]amix=inputs=2:normalize=0,afade=t=out:st=%1:d=1,"
                                   "aformat=channel_layouts=stereo")
                        .arg(seconds - 1),
                    QStringLiteral("-map_metadata"), QStringLiteral("-1"),
                    QStringLiteral("-fflags"), QStringLiteral("+bitexact"),
                    QStringLiteral("-flags:a"), QStringLiteral("+bitexact")} +
        codecArguments(format) + QStringList{tmp});
    if (!encoded)
        return encoded;
    QFile::remove(out);
    if (!QFile::rename(tmp, out))
        return Error{QStringLiteral("Cannot write %1").arg(out)};
    return {};
}

Status ClipCache::prepare() {
    if (!QDir().mkpath(folder_))
        return Error{QStringLiteral("Cannot create the clip cache %1").arg(folder_)};
    for (const QString& format :
         {QStringLiteral("mp3"), QStringLiteral("flac"), QStringLiteral("ogg"),
          QStringLiteral("m4a"), QStringLiteral("opus")}) {
        for (int seconds = kFirstSeconds; seconds <= kLastSeconds; ++seconds) {
            const QString out = clip(format, seconds);
            if (QFileInfo::exists(out) && QFileInfo(out).size() > 0)
                continue;
            const Status encoded = encode(format, seconds, out);
            if (!encoded)
                return encoded;
        }
    }
    if (!QFileInfo::exists(cover())) {
        return runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                          QStringLiteral("testsrc=size=300x300:rate=1"),
                          QStringLiteral("-frames:v"), QStringLiteral("1"),
                          QStringLiteral("-fflags"), QStringLiteral("+bitexact"), cover()});
    }
    return {};
}

}  // namespace encore::bench
