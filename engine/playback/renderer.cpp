#include "playback/renderer.h"

#include "playback/mediaprobe.h"
#include "playback/playbackengine.h"
#include "playback/replaygaintags.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

namespace encore {

namespace {

constexpr int kDefaultRate = 44100;
// Rendering runs far faster than real time; this only stops a pipeline that hangs.
constexpr qint64 kMinWatchdogMs = 30000;

}  // namespace

Result<RenderResult> Renderer::render(const QStringList& files, const QString& wavPath,
                                      const RenderOptions& options) {
    RenderResult result;
    QList<PlaybackItem> items;
    QList<int> rates;
    qint64 totalMs = 0;
    for (const QString& path : files) {
        const MediaProbe probe = MediaProbe::probe(path);
        if (!probe.playable) {
            result.skipped.append(probe.problem);
            continue;
        }
        const ReplayGainTags tags = ReplayGainTags::read(path);
        PlaybackItem item = PlaybackItem::file(path, probe.duration_ms);
        item.loudness = tags.loudness;
        item.album_key = tags.album_key;
        items.append(item);
        rates.append(probe.sample_rate);
        totalMs += probe.duration_ms;
    }
    if (items.isEmpty())
        return Error{result.skipped.isEmpty()
                         ? QStringLiteral("Nothing to render: name at least one audio file.")
                         : QStringLiteral("Nothing to render: %1").arg(result.skipped.join(' '))};
    result.sample_rate = rates.first() > 0 ? rates.first() : kDefaultRate;
    for (int rate : rates) {
        if (rate != result.sample_rate)
            result.sample_rate = kDefaultRate;
    }
    const QFileInfo out(wavPath);
    if (!out.absoluteDir().exists())
        return Error{QStringLiteral("The folder of %1 does not exist.").arg(wavPath)};

    PlaybackSettings settings;
    settings.replaygain = options.replaygain;
    settings.preamp_db = options.preamp_db;
    settings.prevent_clipping = options.prevent_clipping;
    settings.crossfade_ms = options.crossfade_ms;
    PlaybackEngine engine(AudioOutput::wavFile(out.absoluteFilePath(), result.sample_rate),
                          settings);
    QEventLoop loop;
    QString failure;
    int heard = 0;
    const quint64 first = engine.load(items.first(), 0, true);
    const QList<quint64> rest = engine.setUpcoming(items.mid(1));
    const quint64 last = rest.isEmpty() ? first : rest.last();
    QObject::connect(&engine, &PlaybackEngine::itemStarted, &loop, [&heard] { ++heard; });
    QObject::connect(&engine, &PlaybackEngine::itemEnded, &loop, [&](quint64 serial) {
        if (serial != last)
            failure = QStringLiteral("Rendering stopped early, after %1 of %2 files.")
                          .arg(heard + 1)
                          .arg(items.size());
        loop.quit();
    });
    QObject::connect(&engine, &PlaybackEngine::itemFailed, &loop,
                     [&](quint64, const QString& message) {
                         failure = message;
                         loop.quit();
                     });
    QTimer watchdog;
    watchdog.setSingleShot(true);
    QObject::connect(&watchdog, &QTimer::timeout, &loop, [&] {
        failure =
            QStringLiteral("Rendering %1 took too long; GStreamer stopped answering.").arg(wavPath);
        loop.quit();
    });
    watchdog.start(int(std::max(kMinWatchdogMs, totalMs)));
    loop.exec();
    if (!failure.isEmpty())
        return Error{failure};
    result.rendered = int(items.size());
    return result;
}

}  // namespace encore
