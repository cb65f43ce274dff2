#pragma once

#include "playback/audiooutput.h"
#include "playback/playbackitem.h"
#include "playback/playbacksettings.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

typedef struct _GstElement GstElement;
typedef struct _GstMessage GstMessage;

class QTimer;

namespace encore {

class Joiner;
class OutputDevices;
struct JoinerItem;

// Owns the playbin and runs on the engine's thread: every public function is called there
// (PlaybackEngine queues them). GStreamer's bus and about-to-finish arrive on streaming
// threads and are queued back here; what the UI needs goes out as signals.
class PipelineWorker : public QObject {
    Q_OBJECT

public:
    // A consecutive range starts within this much of the item before: same stream, no seek.
    // A handed-over item may start this far into its file (decoded and dropped up to there).
    static constexpr qint64 kMaxHandoverStartNs = 10'000'000'000;
    // Loads that start further in seek there instead of decoding up to it.
    static constexpr qint64 kSeekAfterNs = 2'000'000'000;
    static constexpr int kPollMs = 50;

    PipelineWorker(AudioOutput output, PlaybackSettings settings);
    // What an output is called before the pipeline runs (devices: until they are looked at).
    static QString describeFixed(const AudioOutput& output);
    ~PipelineWorker() override;

    void start();
    void shutdown();
    void load(const PlaybackItem& item, quint64 serial, qint64 startMs, bool play);
    void skipTo(const PlaybackItem& item, quint64 serial);
    void setUpcoming(const QList<PlaybackItem>& items, const QList<quint64>& serials);
    void play();
    void pause();
    void stop();
    void seek(qint64 ms);
    void setVolume(double cubic);
    void setMuted(bool muted);
    void setSettings(const PlaybackSettings& settings);

Q_SIGNALS:
    // Positions of the item being heard, a few times a second while playing.
    void positionChanged(quint64 serial, qint64 ms);
    void durationChanged(quint64 serial, qint64 ms);
    // The loaded item plays (prerolled, the pipeline runs).
    void itemPlaying(quint64 serial);
    // An item given to setUpcoming (or skipTo) is now heard.
    void itemStarted(quint64 serial);
    // The item played to its end and nothing follows it in the pipeline.
    void itemEnded(quint64 serial);
    // The item cannot be played: a sentence naming its file.
    void itemFailed(quint64 serial, const QString& message);
    void outputChanged(const QString& description, bool reachesOutput);
    // Something the listener should read that is not a failure (a device went away).
    void notice(const QString& text);
    void devicesChanged(const QList<encore::OutputDevice>& devices);

private:
    struct Prepared;

    Prepared prepare(const PlaybackItem& item, quint64 serial, const Prepared* before, bool probe);
    JoinerItem joinerItem(const Prepared& p) const;
    std::vector<JoinerItem> joinerList(const std::vector<Prepared>& items, size_t from) const;
    void buildPipeline();
    void destroyPipeline();
    void startAt(qint64 positionNs);
    void reanchor();
    void handleMessage(GstMessage* message);
    void handleError(GstMessage* message);
    void handleEos();
    void poll();
    void follow(quint64 serial);
    void finishCurrent();
    void chooseOutput();
    void onDevicesChanged();
    void setPipelineState(int state);
    QString describeOutput() const;
    bool outputReaches() const;
    static void onAboutToFinish(GstElement* playbin, void* self);

    AudioOutput output_;
    PlaybackSettings settings_;
    std::unique_ptr<OutputDevices> devices_;
    QString active_device_;  // the device playing now; empty: the default (or no device)
    QString active_device_name_;
    bool have_device_ = false;
    bool default_failed_ = false;  // the system default failed: no device until they change

    GstElement* playbin_ = nullptr;
    Joiner* joiner_ = nullptr;
    QTimer* timer_ = nullptr;

    std::unique_ptr<Prepared> current_;       // what is heard (or loaded)
    std::unique_ptr<Prepared> pending_skip_;  // a crossfading skip target not heard yet
    std::vector<Prepared> upcoming_;          // after current_ (and pending_skip_)
    QHash<QString, bool> playable_;           // MediaProbe results, by path, size and time
    std::atomic<quint64> generation_{0};      // bumped by every fresh start of the pipeline
    bool want_playing_ = false;
    bool start_pending_ = false;  // load() starts the pipeline on the next turn
    qint64 pending_start_ns_ = 0;
    bool loaded_ = false;
    bool seeking_ = false;
    qint64 pending_seek_ns_ = -1;
    qint64 last_position_ms_ = -1;
    qint64 last_duration_ms_ = -1;
    bool ended_ = false;
    QString missing_plugin_;  // the installer detail of the last missing-plugin message
    double volume_ = 1.0;
    bool muted_ = false;
};

}  // namespace encore
