#pragma once

#include "playback/audiooutput.h"
#include "playback/playbackitem.h"
#include "playback/playbacksettings.h"

#include <QList>
#include <QObject>
#include <QThread>

#include <atomic>

namespace encore {

class PipelineWorker;

// The audio engine: a GStreamer playbin on its own thread, with the joiner in its audio
// filter (gapless joins, CUE ranges, crossfades, ReplayGain levels). Calls return at once and
// are carried out in order on the engine's thread; what happens comes back as signals on the
// thread that created the engine. Items are named by the serial their call returned.
class PlaybackEngine : public QObject {
    Q_OBJECT

public:
    explicit PlaybackEngine(AudioOutput output, PlaybackSettings settings = {},
                            QObject* parent = nullptr);
    ~PlaybackEngine() override;

    // Opens `item` at `startMs` (afresh: what played stops), and plays it if `play`.
    quint64 load(const PlaybackItem& item, qint64 startMs = 0, bool play = false);
    // Moves to `item` now, fading into it when the settings ask for crossfades on skips
    // (otherwise the same as load(item, 0, true)).
    quint64 skipTo(const PlaybackItem& item);
    // What follows the current item, in order: the first is handed to the pipeline before the
    // current one ends (gapless), later ones follow it. Replaces what was given before; items
    // that were already there, in the same place, keep their serials (and their hand-over).
    QList<quint64> setUpcoming(const QList<PlaybackItem>& items);
    void play();
    void pause();
    void stop();
    // Within the current item.
    void seek(qint64 ms);
    // 0..1 on a cubic scale (a slider's position).
    void setVolume(double volume);
    void setMuted(bool muted);
    void setSettings(const PlaybackSettings& settings);

    // As the engine last said.
    QString outputDescription() const { return output_description_; }
    bool reachesOutput() const { return reaches_output_; }
    QList<OutputDevice> devices() const { return devices_; }

Q_SIGNALS:
    void positionChanged(quint64 serial, qint64 ms);
    void durationChanged(quint64 serial, qint64 ms);
    // The loaded item plays: it opened, prerolled and the pipeline runs.
    void itemPlaying(quint64 serial);
    // An item given to setUpcoming (or skipTo) is heard now.
    void itemStarted(quint64 serial);
    // The item played to its end and nothing follows it.
    void itemEnded(quint64 serial);
    void itemFailed(quint64 serial, const QString& message);
    void outputChanged();
    void devicesChanged();
    void notice(const QString& text);

private:
    template <typename F>
    void post(F f);

    QThread thread_;
    PipelineWorker* worker_;
    std::atomic<quint64> next_serial_{1};
    QList<PlaybackItem> upcoming_;  // as last given, less what has started since
    QList<quint64> upcoming_serials_;
    QString output_description_;
    bool reaches_output_ = false;
    QList<OutputDevice> devices_;
};

}  // namespace encore
