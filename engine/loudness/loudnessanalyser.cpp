#include "loudness/loudnessanalyser.h"

#include "playback/gstsupport.h"
#include "playback/missingplugins.h"

#include <ebur128.h>
#include <gst/app/gstappsink.h>
#include <gst/audio/audio.h>
#include <gst/pbutils/missing-plugins.h>

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <vector>

namespace encore {

namespace {

constexpr double kReferenceLufs = -18.0;                // ReplayGain 2's reference level
constexpr GstClockTime kPullSlice = 200 * GST_MSECOND;  // how often a cancel is looked at

struct StateDeleter {
    void operator()(ebur128_state* state) const { ebur128_destroy(&state); }
};
using State = std::unique_ptr<ebur128_state, StateDeleter>;

struct SampleUnref {
    void operator()(GstSample* sample) const { gst_sample_unref(sample); }
};

int channelType(GstAudioChannelPosition position) {
    switch (position) {
        case GST_AUDIO_CHANNEL_POSITION_MONO:
        case GST_AUDIO_CHANNEL_POSITION_FRONT_LEFT:
            return EBUR128_LEFT;
        case GST_AUDIO_CHANNEL_POSITION_FRONT_RIGHT:
            return EBUR128_RIGHT;
        case GST_AUDIO_CHANNEL_POSITION_FRONT_CENTER:
            return EBUR128_CENTER;
        case GST_AUDIO_CHANNEL_POSITION_REAR_LEFT:
        case GST_AUDIO_CHANNEL_POSITION_SIDE_LEFT:
            return EBUR128_LEFT_SURROUND;
        case GST_AUDIO_CHANNEL_POSITION_REAR_RIGHT:
        case GST_AUDIO_CHANNEL_POSITION_SIDE_RIGHT:
            return EBUR128_RIGHT_SURROUND;
        case GST_AUDIO_CHANNEL_POSITION_LFE1:
        case GST_AUDIO_CHANNEL_POSITION_LFE2:
            return EBUR128_UNUSED;  // BS.1770 leaves the LFE out
        default:
            return EBUR128_LEFT_SURROUND;  // other surrounds weigh as surrounds
    }
}

// A state for audio of this format (channel weights from GStreamer's channel positions).
State makeState(const GstAudioInfo& info) {
    State state(ebur128_init(unsigned(info.channels), static_cast<unsigned long>(info.rate),
                             EBUR128_MODE_I | EBUR128_MODE_SAMPLE_PEAK));
    if (!state)
        return state;
    if (info.channels > 2) {
        for (int c = 0; c < info.channels; ++c)
            ebur128_set_channel(state.get(), unsigned(c), channelType(info.position[c]));
    }
    return state;
}

// The integrated loudness over states (one file's, or an album's); nullopt for silence.
std::optional<double> integrated(const std::vector<ebur128_state*>& states) {
    if (states.empty())
        return std::nullopt;
    double lufs = 0.0;
    if (ebur128_loudness_global_multiple(const_cast<ebur128_state**>(states.data()), states.size(),
                                         &lufs) != EBUR128_SUCCESS ||
        !std::isfinite(lufs))
        return std::nullopt;
    return lufs;
}

double peakOf(ebur128_state* state) {
    double peak = 0.0;
    for (unsigned c = 0; c < state->channels; ++c) {
        double p = 0.0;
        if (ebur128_sample_peak(state, c, &p) == EBUR128_SUCCESS)
            peak = std::max(peak, p);
    }
    return peak;
}

// filesrc ! decodebin ! audioconvert ! F32 interleaved ! appsink, as fast as it decodes.
struct Decoder {
    gst::Ptr<GstElement> pipeline;
    GstElement* convert = nullptr;
    GstElement* sink = nullptr;
    QString missing_plugin;

    bool build(const QString& path) {
        pipeline.reset(gst_pipeline_new("encore-loudness"));
        GstElement* source = gst_element_factory_make("filesrc", nullptr);
        GstElement* decode = gst_element_factory_make("decodebin", nullptr);
        convert = gst_element_factory_make("audioconvert", nullptr);
        GstElement* filter = gst_element_factory_make("capsfilter", nullptr);
        sink = gst_element_factory_make("appsink", nullptr);
        if (!pipeline || !source || !decode || !convert || !filter || !sink)
            return false;
        g_object_set(source, "location", QFile::encodeName(path).constData(), nullptr);
        GstCaps* caps = gst_caps_from_string("audio/x-raw,format=F32LE,layout=interleaved");
        g_object_set(filter, "caps", caps, nullptr);
        gst_caps_unref(caps);
        g_object_set(sink, "sync", FALSE, "emit-signals", FALSE, "max-buffers", 16u, "drop", FALSE,
                     nullptr);
        gst_bin_add_many(GST_BIN(pipeline.get()), source, decode, convert, filter, sink, nullptr);
        if (!gst_element_link(source, decode) ||
            !gst_element_link_many(convert, filter, sink, nullptr))
            return false;
        // The first audio stream is measured; other streams (a video track) are left unlinked.
        g_signal_connect(
            decode, "pad-added", G_CALLBACK(+[](GstElement*, GstPad* pad, gpointer convertElement) {
                gst::Ptr<GstPad> target(
                    gst_element_get_static_pad(static_cast<GstElement*>(convertElement), "sink"));
                if (gst_pad_is_linked(target.get()))
                    return;
                GstCaps* padCaps = gst_pad_get_current_caps(pad);
                if (!padCaps)
                    padCaps = gst_pad_query_caps(pad, nullptr);
                const bool audio =
                    padCaps && gst_caps_get_size(padCaps) > 0 &&
                    g_str_has_prefix(gst_structure_get_name(gst_caps_get_structure(padCaps, 0)),
                                     "audio/");
                if (padCaps)
                    gst_caps_unref(padCaps);
                if (audio)
                    gst_pad_link(pad, target.get());
            }),
            convert);
        return true;
    }

    // The bus's error, if any, in words (a missing plugin named with its Debian package).
    QString error() {
        gst::Ptr<GstBus> bus(gst_element_get_bus(pipeline.get()));
        QString why;
        while (GstMessage* message = gst_bus_pop(bus.get())) {
            if (GST_MESSAGE_TYPE(message) == GST_MESSAGE_ELEMENT &&
                gst_is_missing_plugin_message(message)) {
                gchar* detail = gst_missing_plugin_message_get_installer_detail(message);
                missing_plugin = QString::fromUtf8(detail);
                g_free(detail);
            } else if (GST_MESSAGE_TYPE(message) == GST_MESSAGE_ERROR && why.isEmpty()) {
                GError* error = nullptr;
                gst_message_parse_error(message, &error, nullptr);
                why = gst::decodeReason(error);
                g_clear_error(&error);
            }
            gst_message_unref(message);
        }
        if (!missing_plugin.isEmpty())
            return MissingPlugins::explain(missing_plugin);
        return why;
    }

    ~Decoder() {
        if (pipeline)
            gst_element_set_state(pipeline.get(), GST_STATE_NULL);
    }
};

Error failure(const QString& path, const QString& why) {
    return Error{QStringLiteral("The loudness of %1 could not be measured: %2")
                     .arg(QDir::toNativeSeparators(path), why)};
}

}  // namespace

struct AlbumLoudness::States {
    std::vector<State> states;
    double peak = 0.0;
    qint64 duration_ms = 0;
    int tracks = 0;
};

AlbumLoudness::AlbumLoudness() : states_(std::make_unique<States>()) {}
AlbumLoudness::~AlbumLoudness() = default;

int AlbumLoudness::tracks() const {
    return states_->tracks;
}

std::optional<LoudnessMeasure> AlbumLoudness::result() const {
    std::vector<ebur128_state*> raw;
    for (const State& s : states_->states)
        raw.push_back(s.get());
    const std::optional<double> lufs = integrated(raw);
    if (!lufs)
        return std::nullopt;
    return LoudnessMeasure{*lufs, kReferenceLufs - *lufs, states_->peak, states_->duration_ms};
}

Result<LoudnessMeasure> LoudnessAnalyser::analyse(const QString& path,
                                                  const std::atomic<bool>* cancel,
                                                  AlbumLoudness* album) {
    if (!QFileInfo(path).isFile())
        return failure(path, QStringLiteral("the file is not there"));
    gst::ensureInitialized();
    Decoder decoder;
    if (!decoder.build(path))
        return failure(path, QStringLiteral("GStreamer's decoding elements are missing (install "
                                            "gstreamer1.0-plugins-base)"));
    if (gst_element_set_state(decoder.pipeline.get(), GST_STATE_PLAYING) ==
        GST_STATE_CHANGE_FAILURE) {
        const QString why = decoder.error();
        return failure(path, why.isEmpty() ? QStringLiteral("GStreamer could not open it") : why);
    }
    std::vector<State> states;  // a new one whenever the format changes (chained streams)
    GstAudioInfo format;
    gst_audio_info_init(&format);
    qint64 frames = 0;
    double seconds = 0.0;
    auto* sink = GST_APP_SINK(decoder.sink);
    for (;;) {
        if (cancel && cancel->load())
            return Error{QStringLiteral("cancelled")};
        std::unique_ptr<GstSample, SampleUnref> sample(
            gst_app_sink_try_pull_sample(sink, kPullSlice));
        if (!sample) {
            if (gst_app_sink_is_eos(sink))
                break;
            const QString why = decoder.error();
            if (!why.isEmpty())
                return failure(path, why);
            // Still prerolling (READY with PLAYING pending) on a slow or busy machine is not a
            // stop: only a failed change, or a pipeline that left PLAYING for good, is.
            GstState state = GST_STATE_NULL, pending = GST_STATE_VOID_PENDING;
            const GstStateChangeReturn change =
                gst_element_get_state(decoder.pipeline.get(), &state, &pending, 0);
            const bool running = state == GST_STATE_PLAYING || state == GST_STATE_PAUSED;
            if (change == GST_STATE_CHANGE_FAILURE ||
                (!running && change != GST_STATE_CHANGE_ASYNC && pending == GST_STATE_VOID_PENDING))
                return failure(path, QStringLiteral("GStreamer stopped decoding it"));
            continue;
        }
        GstCaps* caps = gst_sample_get_caps(sample.get());
        GstAudioInfo info;
        if (!caps || !gst_audio_info_from_caps(&info, caps) || info.channels <= 0)
            continue;
        if (states.empty() || info.rate != format.rate || info.channels != format.channels) {
            State state = makeState(info);
            if (!state)
                return failure(path, QStringLiteral("its audio format is not one EBU R128 "
                                                    "can measure"));
            if (!states.empty())
                seconds += double(frames) / format.rate;
            frames = 0;
            format = info;
            states.push_back(std::move(state));
        }
        GstBuffer* buffer = gst_sample_get_buffer(sample.get());
        GstMapInfo map;
        if (!buffer || !gst_buffer_map(buffer, &map, GST_MAP_READ))
            continue;
        const size_t count = map.size / (sizeof(float) * size_t(format.channels));
        ebur128_add_frames_float(states.back().get(), reinterpret_cast<const float*>(map.data),
                                 count);
        frames += qint64(count);
        gst_buffer_unmap(buffer, &map);
    }
    if (states.empty())
        return failure(path, QStringLiteral("it holds no audio"));
    seconds += double(frames) / format.rate;
    std::vector<ebur128_state*> raw;
    double peak = 0.0;
    for (const State& s : states) {
        raw.push_back(s.get());
        peak = std::max(peak, peakOf(s.get()));
    }
    const std::optional<double> lufs = integrated(raw);
    if (!lufs)
        return failure(path, QStringLiteral("it is silent"));
    LoudnessMeasure measure{*lufs, kReferenceLufs - *lufs, peak, qint64(seconds * 1000.0)};
    if (album) {
        for (State& s : states)
            album->states_->states.push_back(std::move(s));
        album->states_->peak = std::max(album->states_->peak, peak);
        album->states_->duration_ms += measure.duration_ms;
        ++album->states_->tracks;
    }
    return measure;
}

}  // namespace encore
