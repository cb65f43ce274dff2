#include "playback/pipelineworker.h"

#include "playback/gstsupport.h"
#include "playback/joiner.h"
#include "playback/mediaprobe.h"
#include "playback/missingplugins.h"
#include "playback/mp3gapless.h"
#include "playback/outputdevices.h"
#include "playback/pipelineparts.h"
#include "playback/replaygain.h"

#include <gst/audio/streamvolume.h>
#include <gst/pbutils/pbutils.h>

#include <QDateTime>
#include <QFileInfo>
#include <QTimer>

#include <limits>

namespace encore {

namespace {

constexpr qint64 kMs = GST_MSECOND;
constexpr guint kPlayFlagAudio = 1 << 1;
constexpr guint kPlayFlagSoftVolume = 1 << 4;

bool isMp3(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("mp3") || suffix == QLatin1String("mp2") ||
           suffix == QLatin1String("mpga");
}

QString goneMessage(const QString& path) {
    return QStringLiteral("The file %1 is gone. Rescan the library to forget it, or put it back.")
        .arg(path);
}

}  // namespace

struct PipelineWorker::Prepared {
    PlaybackItem item;
    quint64 serial = 0;
    qint64 in_start = 0;
    qint64 in_end = -1;
    double gain = 1.0;
    bool limit = false;
    qint64 crossfade_ns = 0;
    bool handover = true;
};

PipelineWorker::PipelineWorker(AudioOutput output, PlaybackSettings settings)
    : output_(std::move(output)), settings_(std::move(settings)) {
    if (settings_.output_device.isEmpty())
        settings_.output_device = output_.device_id;
}

PipelineWorker::~PipelineWorker() {
    shutdown();
}

void PipelineWorker::start() {
    gst::ensureInitialized();
    timer_ = new QTimer(this);
    timer_->setInterval(kPollMs);
    connect(timer_, &QTimer::timeout, this, &PipelineWorker::poll);
    if (output_.kind == AudioOutput::Kind::Device) {
        devices_ = std::make_unique<OutputDevices>([this] {
            QMetaObject::invokeMethod(
                this, [this] { onDevicesChanged(); }, Qt::QueuedConnection);
        });
        devices_->start();
        Q_EMIT devicesChanged(devices_->list());
    }
    buildPipeline();
}

void PipelineWorker::shutdown() {
    if (timer_)
        timer_->stop();
    destroyPipeline();
    devices_.reset();
}

// --- Items -----------------------------------------------------------------------------------

PipelineWorker::Prepared PipelineWorker::prepare(const PlaybackItem& item, quint64 serial,
                                                 const Prepared* before, bool probe) {
    Prepared p;
    p.item = item;
    p.serial = serial;
    qint64 skip = 0;
    qint64 musicEnd = -1;
    if (isMp3(item.path) && !Mp3Gapless::gstreamerTrims()) {
        if (const std::optional<Mp3Gapless> g = Mp3Gapless::read(item.path)) {
            skip = qint64(gst_util_uint64_scale_round(guint64(g->skip_samples), GST_SECOND,
                                                      guint64(g->sample_rate)));
            musicEnd = qint64(gst_util_uint64_scale_round(guint64(g->end_sample), GST_SECOND,
                                                          guint64(g->sample_rate)));
        }
    }
    p.in_start = item.start_ms * kMs + skip;
    p.in_end = item.end_ms >= 0 ? item.end_ms * kMs + skip : -1;
    if (musicEnd > 0)
        p.in_end = p.in_end < 0 ? musicEnd : std::min(p.in_end, musicEnd);
    p.gain = ReplayGain::linearGain(item, settings_);
    p.limit = ReplayGain::needsLimiter(p.gain, settings_);
    if (before && settings_.crossfade_ms > 0) {
        const bool sameAlbum =
            !item.album_key.isEmpty() && item.album_key == before->item.album_key;
        const bool continuation = item.path == before->item.path && item.start_ms > 0 &&
                                  item.start_ms == before->item.end_ms;
        if (!sameAlbum && !continuation)
            p.crossfade_ns = qint64(settings_.crossfade_ms) * kMs;
    }
    p.handover = item.start_ms * kMs <= kMaxHandoverStartNs;
    if (probe && p.handover) {
        // A file that fails inside a running playbin cuts the track before it short: only
        // what GStreamer can open is handed over; the rest is loaded (and reported) in turn.
        const QFileInfo file(item.path);
        const QString key = QStringLiteral("%1|%2|%3")
                                .arg(item.path, QString::number(file.size()),
                                     QString::number(file.lastModified().toMSecsSinceEpoch()));
        auto known = playable_.constFind(key);
        if (known == playable_.constEnd())
            known = playable_.insert(key, MediaProbe::probe(item.path).playable);
        p.handover = known.value();
    }
    return p;
}

JoinerItem PipelineWorker::joinerItem(const Prepared& p) const {
    JoinerItem j;
    j.serial = p.serial;
    j.path = p.item.path;
    j.in_start = p.in_start;
    j.in_end = p.in_end;
    j.gain = p.gain;
    j.limit = p.limit;
    j.crossfade_ns = p.crossfade_ns;
    j.handover = p.handover;
    return j;
}

std::vector<JoinerItem> PipelineWorker::joinerList(const std::vector<Prepared>& items,
                                                   size_t from) const {
    std::vector<JoinerItem> out;
    for (size_t i = from; i < items.size(); ++i)
        out.push_back(joinerItem(items[i]));
    return out;
}

// --- The pipeline ----------------------------------------------------------------------------

void PipelineWorker::buildPipeline() {
    playbin_ = gst_element_factory_make("playbin", "encore-playbin");
    if (!playbin_) {
        Q_EMIT notice(QStringLiteral(
            "GStreamer's playbin is missing: install the Debian package "
            "gstreamer1.0-plugins-base (sudo apt install gstreamer1.0-plugins-base)."));
        return;
    }
    gst_object_ref_sink(playbin_);
    g_object_set(playbin_, "flags", kPlayFlagAudio | kPlayFlagSoftVolume, nullptr);
    const FilterBin filter =
        makeFilterBin(output_.kind == AudioOutput::Kind::WavFile ? output_.wav_rate : 0);
    joiner_ = filter.joiner;
    g_object_set(playbin_, "audio-filter", filter.bin, nullptr);
    chooseOutput();
    g_signal_connect(playbin_, "about-to-finish", G_CALLBACK(&PipelineWorker::onAboutToFinish),
                     this);
    GstBus* bus = gst_element_get_bus(playbin_);
    gst_bus_set_sync_handler(
        bus,
        [](GstBus*, GstMessage* message, gpointer self) -> GstBusSyncReply {
            switch (GST_MESSAGE_TYPE(message)) {
                case GST_MESSAGE_EOS:
                case GST_MESSAGE_ERROR:
                case GST_MESSAGE_ASYNC_DONE:
                case GST_MESSAGE_ELEMENT:
                case GST_MESSAGE_CLOCK_LOST: {
                    auto* worker = static_cast<PipelineWorker*>(self);
                    const quint64 generation = worker->generation_.load();
                    QMetaObject::invokeMethod(
                        worker,
                        [worker, message, generation] {
                            // What an earlier load posted (a second error, a late
                            // ASYNC_DONE) is not about the item loaded since.
                            if (generation == worker->generation_.load())
                                worker->handleMessage(message);
                            gst_message_unref(message);
                        },
                        Qt::QueuedConnection);
                    return GST_BUS_DROP;
                }
                default:
                    gst_message_unref(message);
                    return GST_BUS_DROP;
            }
        },
        this, nullptr);
    gst_object_unref(bus);
    setVolume(volume_);
    setMuted(muted_);
}

void PipelineWorker::destroyPipeline() {
    if (!playbin_)
        return;
    gst_element_set_state(playbin_, GST_STATE_NULL);
    GstBus* bus = gst_element_get_bus(playbin_);
    gst_bus_set_sync_handler(bus, nullptr, nullptr, nullptr);
    gst_object_unref(bus);
    g_signal_handlers_disconnect_by_data(playbin_, this);
    gst_object_unref(playbin_);
    playbin_ = nullptr;
    joiner_ = nullptr;
    loaded_ = false;
}

// Picks the sink: the chosen device, else the system default, else (no device at all) the
// clocked sink that plays to nobody.
void PipelineWorker::chooseOutput() {
    GstElement* sink = nullptr;
    have_device_ = false;
    active_device_.clear();
    switch (output_.kind) {
        case AudioOutput::Kind::WavFile:
            sink = makeWavSink(output_.wav_path, output_.wav_rate);
            break;
        case AudioOutput::Kind::Clocked:
            sink = makeClockedSink();
            break;
        case AudioOutput::Kind::Device: {
            const QString& wanted = settings_.output_device;
            if (!wanted.isEmpty() && devices_->has(wanted))
                sink = devices_->createSink(wanted);
            if (sink) {
                active_device_ = wanted;
                active_device_name_ = devices_->nameOf(wanted);  // kept for when it is gone
                have_device_ = true;
            } else if (!default_failed_ && !devices_->list().isEmpty()) {
                sink = gst_element_factory_make("autoaudiosink", "encore-default-sink");
                have_device_ = sink != nullptr;
            }
            if (!sink)
                sink = makeClockedSink();
            break;
        }
    }
    g_object_set(playbin_, "audio-sink", sink, nullptr);
    Q_EMIT outputChanged(describeOutput(), outputReaches());
}

QString PipelineWorker::describeFixed(const AudioOutput& output) {
    switch (output.kind) {
        case AudioOutput::Kind::WavFile:
            return QStringLiteral("WAV file %1").arg(output.wav_path);
        case AudioOutput::Kind::Clocked:
            if (output.simulated_listener)
                return QStringLiteral(
                    "Simulated listener (tests): time runs, nothing is heard, listens are logged");
            break;
        case AudioOutput::Kind::Device:
            return QStringLiteral("Looking for a sound output…");
    }
    return QStringLiteral(
        "No sound output: time runs, nothing is heard, and nothing is logged as listening");
}

QString PipelineWorker::describeOutput() const {
    if (output_.kind != AudioOutput::Kind::Device)
        return describeFixed(output_);
    if (have_device_)
        return active_device_.isEmpty() ? QStringLiteral("System default output")
                                        : active_device_name_;
    return describeFixed(AudioOutput::clocked(false));
}

bool PipelineWorker::outputReaches() const {
    if (output_.kind == AudioOutput::Kind::Device)
        return have_device_;
    return output_.kind == AudioOutput::Kind::Clocked && output_.simulated_listener;
}

void PipelineWorker::onDevicesChanged() {
    if (!devices_ || !playbin_)
        return;
    Q_EMIT devicesChanged(devices_->list());
    default_failed_ = false;
    const bool lostActive = !active_device_.isEmpty() && !devices_->has(active_device_);
    const bool lostAll = have_device_ && devices_->list().isEmpty();
    const bool wantedBack = !settings_.output_device.isEmpty() &&
                            active_device_ != settings_.output_device &&
                            devices_->has(settings_.output_device);
    const bool firstDevice = !have_device_ && !devices_->list().isEmpty();
    if (!lostActive && !lostAll && !wantedBack && !firstDevice)
        return;
    const QString before = describeOutput();
    const qint64 position = std::max<qint64>(0, last_position_ms_) * kMs;
    const bool wasLoaded = loaded_;
    gst_element_set_state(playbin_, GST_STATE_NULL);
    loaded_ = false;
    chooseOutput();
    if (lostActive || lostAll)
        Q_EMIT notice(QStringLiteral("The sound output “%1” went away; Encore now plays to %2.")
                          .arg(before, have_device_ ? QStringLiteral("the system default")
                                                    : QStringLiteral("no output")));
    if (wasLoaded && current_)
        startAt(position);
}

void PipelineWorker::setPipelineState(int state) {
    if (playbin_)
        gst_element_set_state(playbin_, GstState(state));
}

// --- Commands --------------------------------------------------------------------------------

void PipelineWorker::startAt(qint64 positionNs) {
    start_pending_ = false;
    if (!current_ || !playbin_)
        return;
    gst_element_set_state(playbin_, GST_STATE_READY);
    ++generation_;
    ended_ = false;
    loaded_ = true;
    last_position_ms_ = positionNs / kMs;
    last_duration_ms_ = -1;
    missing_plugin_.clear();
    const qint64 target = current_->in_start + std::max<qint64>(0, positionNs);
    const bool awaitSeek = target > kSeekAfterNs;
    joiner_->reset(joinerItem(*current_), target, awaitSeek);
    std::vector<JoinerItem> next;
    if (pending_skip_)
        next.push_back(joinerItem(*pending_skip_));
    for (JoinerItem& j : joinerList(upcoming_, 0))
        next.push_back(j);
    joiner_->setUpcoming(next);
    g_object_set(playbin_, "uri", gst::uriOf(current_->item.path).toUtf8().constData(), nullptr);
    pending_seek_ns_ = awaitSeek ? target : -1;
    seeking_ = true;
    gst_element_set_state(playbin_, GST_STATE_PAUSED);
}

void PipelineWorker::load(const PlaybackItem& item, quint64 serial, qint64 startMs, bool play) {
    timer_->stop();
    ++generation_;
    current_ = std::make_unique<Prepared>(prepare(item, serial, nullptr, false));
    pending_skip_.reset();
    upcoming_.clear();
    want_playing_ = play;
    if (!QFileInfo::exists(item.path)) {
        setPipelineState(GST_STATE_READY);
        loaded_ = false;
        Q_EMIT itemFailed(serial, goneMessage(item.path));
        return;
    }
    // Started on a later turn, so that what the caller says next (what follows, play) is
    // known before the first sample is decoded.
    start_pending_ = true;
    pending_start_ns_ = startMs * kMs;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!start_pending_)
                return;
            start_pending_ = false;
            startAt(pending_start_ns_);
        },
        Qt::QueuedConnection);
}

void PipelineWorker::skipTo(const PlaybackItem& item, quint64 serial) {
    Prepared target = prepare(item, serial, current_.get(), true);
    const bool canFade = settings_.crossfade_on_skip && loaded_ && want_playing_ && current_ &&
                         !pending_skip_ && target.crossfade_ns > 0 && target.handover &&
                         joiner_->inputSerial() == current_->serial && !joiner_->hasHandedOver();
    if (!canFade) {
        load(item, serial, 0, true);
        return;
    }
    pending_skip_ = std::make_unique<Prepared>(target);
    upcoming_.clear();
    joiner_->setUpcoming({joinerItem(*pending_skip_)});
    joiner_->endInputAt(joiner_->inputPositionNs() + target.crossfade_ns);
}

void PipelineWorker::setUpcoming(const QList<PlaybackItem>& items, const QList<quint64>& serials) {
    std::vector<Prepared> list;
    list.reserve(size_t(items.size()));
    const Prepared* before = pending_skip_ ? pending_skip_.get() : current_.get();
    for (int i = 0; i < items.size(); ++i)
        list.push_back(prepare(items[i], serials.value(i), i == 0 ? before : &list.back(), true));
    upcoming_ = std::move(list);
    if (!current_ || !loaded_ || !joiner_)
        return;
    const quint64 input = joiner_->inputSerial();
    if (pending_skip_) {
        std::vector<JoinerItem> next;
        if (input != pending_skip_->serial)
            next.push_back(joinerItem(*pending_skip_));
        for (JoinerItem& j : joinerList(upcoming_, 0))
            next.push_back(j);
        joiner_->setUpcoming(next);
    } else if (input == current_->serial) {
        joiner_->setUpcoming(joinerList(upcoming_, 0));
    } else if (!upcoming_.empty() && upcoming_.front().serial == input) {
        joiner_->setUpcoming(joinerList(upcoming_, 1));
    } else {
        reanchor();  // what is on its way out is not what comes next any more
    }
}

// Loads the heard item afresh where it is: the pipeline holds something that must not be
// heard (a withdrawn next item, or the wrong stream for a seek).
void PipelineWorker::reanchor() {
    if (!current_)
        return;
    qint64 position = std::max<qint64>(0, last_position_ms_) * kMs;
    if (pending_skip_) {
        current_ = std::move(pending_skip_);
        position = 0;
        Q_EMIT itemStarted(current_->serial);
    }
    startAt(position);
}

void PipelineWorker::play() {
    want_playing_ = true;
    if (!current_ || !playbin_ || start_pending_)
        return;
    if (!loaded_) {
        startAt(0);
        return;
    }
    if (!seeking_ && pending_seek_ns_ < 0) {
        setPipelineState(GST_STATE_PLAYING);
        timer_->start();
        Q_EMIT itemPlaying(current_->serial);
    }
}

void PipelineWorker::pause() {
    want_playing_ = false;
    if (loaded_ && playbin_) {
        setPipelineState(GST_STATE_PAUSED);
        poll();
    }
    timer_->stop();
}

void PipelineWorker::stop() {
    want_playing_ = false;
    start_pending_ = false;
    ++generation_;
    timer_->stop();
    setPipelineState(GST_STATE_READY);
    loaded_ = false;
    if (pending_skip_)
        current_ = std::move(pending_skip_);
}

void PipelineWorker::seek(qint64 ms) {
    if (!current_ || !playbin_)
        return;
    if (pending_skip_) {
        current_ = std::move(pending_skip_);
        Q_EMIT itemStarted(current_->serial);
        startAt(ms * kMs);
        return;
    }
    qint64 target = std::max<qint64>(0, ms) * kMs;
    if (current_->in_end >= 0)
        target = std::min(target, std::max<qint64>(0, current_->in_end - current_->in_start - kMs));
    if (start_pending_) {
        pending_start_ns_ = target;
        return;
    }
    if (!loaded_) {
        startAt(target);
        return;
    }
    last_position_ms_ = target / kMs;
    Q_EMIT positionChanged(current_->serial, last_position_ms_);
    if (pending_seek_ns_ >= 0) {  // still prerolling: seek there instead
        pending_seek_ns_ = current_->in_start + target;
        return;
    }
    if (joiner_->inputSerial() == current_->serial && !joiner_->hasHandedOver()) {
        joiner_->expectFlush(joinerItem(*current_), joinerList(upcoming_, 0));
        seeking_ = true;
        if (gst_element_seek_simple(playbin_, GST_FORMAT_TIME,
                                    GstSeekFlags(GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_ACCURATE),
                                    current_->in_start + target))
            return;
    }
    startAt(target);
}

void PipelineWorker::setVolume(double cubic) {
    volume_ = qBound(0.0, cubic, 1.0);
    if (playbin_)
        gst_stream_volume_set_volume(GST_STREAM_VOLUME(playbin_), GST_STREAM_VOLUME_FORMAT_CUBIC,
                                     volume_);
}

void PipelineWorker::setMuted(bool muted) {
    muted_ = muted;
    if (playbin_)
        g_object_set(playbin_, "mute", gboolean(muted), nullptr);
}

void PipelineWorker::setSettings(const PlaybackSettings& settings) {
    const bool deviceChanged = settings.output_device != settings_.output_device;
    settings_ = settings;
    // New levels apply from now on, to what plays and to what comes.
    auto relevel = [this](Prepared& p) {
        p.gain = ReplayGain::linearGain(p.item, settings_);
        p.limit = ReplayGain::needsLimiter(p.gain, settings_);
        if (joiner_)
            joiner_->setGain(p.serial, p.gain, p.limit);
    };
    if (current_)
        relevel(*current_);
    if (pending_skip_)
        relevel(*pending_skip_);
    for (Prepared& p : upcoming_)
        relevel(p);
    if (deviceChanged && output_.kind == AudioOutput::Kind::Device && playbin_) {
        const qint64 position = std::max<qint64>(0, last_position_ms_) * kMs;
        const bool wasLoaded = loaded_;
        gst_element_set_state(playbin_, GST_STATE_NULL);
        loaded_ = false;
        chooseOutput();
        if (wasLoaded && current_)
            startAt(position);
    }
}

// --- What the pipeline says ------------------------------------------------------------------

void PipelineWorker::onAboutToFinish(GstElement* playbin, void* self) {
    auto* worker = static_cast<PipelineWorker*>(self);
    if (const std::optional<JoinerItem> next = worker->joiner_->takeHandover())
        g_object_set(playbin, "uri", gst::uriOf(next->path).toUtf8().constData(), nullptr);
}

void PipelineWorker::handleMessage(GstMessage* message) {
    if (!playbin_)
        return;
    switch (GST_MESSAGE_TYPE(message)) {
        case GST_MESSAGE_ASYNC_DONE:
            if (GST_MESSAGE_SRC(message) != GST_OBJECT(playbin_) || !loaded_)
                break;
            if (pending_seek_ns_ >= 0) {
                joiner_->expectFlush(joinerItem(*current_), joinerList(upcoming_, 0));
                const qint64 target = pending_seek_ns_;
                pending_seek_ns_ = -1;
                gst_element_seek_simple(playbin_, GST_FORMAT_TIME,
                                        GstSeekFlags(GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_ACCURATE),
                                        target);
                break;
            }
            seeking_ = false;
            if (want_playing_) {
                setPipelineState(GST_STATE_PLAYING);
                timer_->start();
                Q_EMIT itemPlaying(current_->serial);
            }
            poll();
            break;
        case GST_MESSAGE_EOS:
            handleEos();
            break;
        case GST_MESSAGE_ERROR:
            handleError(message);
            break;
        case GST_MESSAGE_ELEMENT:
            if (gst_is_missing_plugin_message(message)) {
                gchar* detail = gst_missing_plugin_message_get_installer_detail(message);
                missing_plugin_ = QString::fromUtf8(detail);
                g_free(detail);
            }
            break;
        case GST_MESSAGE_CLOCK_LOST:
            if (want_playing_) {
                setPipelineState(GST_STATE_PAUSED);
                setPipelineState(GST_STATE_PLAYING);
            }
            break;
        default:
            break;
    }
}

void PipelineWorker::handleEos() {
    if (!loaded_)
        return;
    Joiner::Location now;
    for (const Joiner::Transition& t : joiner_->advance(std::numeric_limits<qint64>::max(), &now))
        follow(t.serial);
    timer_->stop();
    setPipelineState(GST_STATE_READY);
    loaded_ = false;
    want_playing_ = false;
    finishCurrent();
}

void PipelineWorker::handleError(GstMessage* message) {
    GError* error = nullptr;
    gchar* debug = nullptr;
    gst_message_parse_error(message, &error, &debug);
    g_free(debug);
    GstElement* sink = nullptr;
    g_object_get(playbin_, "audio-sink", &sink, nullptr);
    GstObject* source = GST_MESSAGE_SRC(message);
    const bool fromSink = sink && (source == GST_OBJECT(sink) ||
                                   gst_object_has_as_ancestor(source, GST_OBJECT(sink)));
    if (sink)
        gst_object_unref(sink);
    if (fromSink && output_.kind == AudioOutput::Kind::Device && have_device_) {
        // The device failed, not the file: play on elsewhere.
        const QString before = describeOutput();
        const QString why = gst::reason(error);
        g_clear_error(&error);
        const qint64 position = std::max<qint64>(0, last_position_ms_) * kMs;
        const bool wasLoaded = loaded_;
        gst_element_set_state(playbin_, GST_STATE_NULL);
        loaded_ = false;
        if (active_device_.isEmpty())
            default_failed_ = true;  // until the devices change
        else
            settings_.output_device.clear();  // this session only; Settings keep the choice
        chooseOutput();
        Q_EMIT notice(QStringLiteral("The sound output “%1” stopped working (%2); Encore now "
                                     "plays to %3.")
                          .arg(before, why,
                               have_device_ ? QStringLiteral("the system default")
                                            : QStringLiteral("no output")));
        if (wasLoaded && current_)
            startAt(position);
        return;
    }
    // Whose file: the item whose stream was being decoded.
    const quint64 serial = joiner_ ? joiner_->inputSerial() : 0;
    QString path = current_ ? current_->item.path : QString();
    if (pending_skip_ && pending_skip_->serial == serial)
        path = pending_skip_->item.path;
    for (const Prepared& p : upcoming_) {
        if (p.serial == serial)
            path = p.item.path;
    }
    QString why;
    if (!missing_plugin_.isEmpty()) {
        why = MissingPlugins::explain(missing_plugin_);
    } else {
        why = gst::decodeReason(error);
    }
    g_clear_error(&error);
    missing_plugin_.clear();
    timer_->stop();
    // NULL, not READY: a playbin that failed in READY does not open the next file cleanly.
    setPipelineState(GST_STATE_NULL);
    ++generation_;  // the errors that follow the first are about the same failure
    loaded_ = false;
    Q_EMIT itemFailed(serial ? serial : (current_ ? current_->serial : 0),
                      QStringLiteral("Encore cannot play %1: %2.").arg(path, why));
}

void PipelineWorker::poll() {
    if (!loaded_ || !playbin_ || !joiner_)
        return;
    gint64 position = -1;
    if (!gst_element_query_position(playbin_, GST_FORMAT_TIME, &position) || position < 0)
        return;
    Joiner::Location now;
    for (const Joiner::Transition& t : joiner_->advance(position, &now)) {
        if (t.ended) {
            if (current_ && t.serial == current_->serial)
                finishCurrent();
        } else {
            follow(t.serial);
        }
    }
    if (!current_)
        return;
    const qint64 duration = joiner_->durationNs(current_->serial);
    if (duration >= 0 && duration / kMs != last_duration_ms_) {
        last_duration_ms_ = duration / kMs;
        Q_EMIT durationChanged(current_->serial, last_duration_ms_);
    }
    if (now.valid && now.serial == current_->serial && !seeking_) {
        const qint64 ms = now.position_ns / kMs;
        if (ms != last_position_ms_) {
            last_position_ms_ = ms;
            Q_EMIT positionChanged(current_->serial, ms);
        }
    }
}

// The output reached the item `serial`: it is what is heard now.
void PipelineWorker::follow(quint64 serial) {
    if (!current_ || serial == current_->serial)
        return;
    if (pending_skip_ && pending_skip_->serial == serial) {
        current_ = std::move(pending_skip_);
    } else {
        auto it = std::find_if(upcoming_.begin(), upcoming_.end(),
                               [serial](const Prepared& p) { return p.serial == serial; });
        if (it == upcoming_.end()) {
            // Heard, yet nobody asks for it any more: said, so that it shows.
            qWarning("encore: the pipeline plays item %llu, which was withdrawn",
                     static_cast<unsigned long long>(serial));
            Q_EMIT itemStarted(serial);
            return;
        }
        current_ = std::make_unique<Prepared>(*it);
        upcoming_.erase(upcoming_.begin(), it + 1);
    }
    ended_ = false;
    last_position_ms_ = 0;
    last_duration_ms_ = -1;
    Q_EMIT itemStarted(serial);
}

void PipelineWorker::finishCurrent() {
    if (ended_ || !current_)
        return;
    ended_ = true;
    Q_EMIT itemEnded(current_->serial);
}

}  // namespace encore
