#include "playback/joiner.h"

#include <algorithm>
#include <cmath>

// --- The GstElement around the joiner ------------------------------------------------------

struct EncoreJoiner {
    GstElement parent;
    encore::Joiner* core;
};
struct EncoreJoinerClass {
    GstElementClass parent_class;
};

G_DEFINE_TYPE(EncoreJoiner, encore_joiner, GST_TYPE_ELEMENT)

namespace {

GstStaticPadTemplate kSinkTemplate = GST_STATIC_PAD_TEMPLATE(
    "sink", GST_PAD_SINK, GST_PAD_ALWAYS,
    GST_STATIC_CAPS("audio/x-raw, format=(string)F32LE, layout=(string)interleaved"));
GstStaticPadTemplate kSrcTemplate = GST_STATIC_PAD_TEMPLATE(
    "src", GST_PAD_SRC, GST_PAD_ALWAYS,
    GST_STATIC_CAPS("audio/x-raw, format=(string)F32LE, layout=(string)interleaved"));

encore::Joiner* coreOf(GstObject* parent) {
    return reinterpret_cast<EncoreJoiner*>(parent)->core;
}

GstFlowReturn joinerChain(GstPad*, GstObject* parent, GstBuffer* buffer) {
    return coreOf(parent)->chain(buffer);
}

gboolean joinerSinkEvent(GstPad*, GstObject* parent, GstEvent* event) {
    return coreOf(parent)->sinkEvent(event);
}

gboolean joinerSrcQuery(GstPad*, GstObject* parent, GstQuery* query) {
    return coreOf(parent)->srcQuery(query);
}

GstStateChangeReturn joinerChangeState(GstElement* element, GstStateChange transition) {
    auto* self = reinterpret_cast<EncoreJoiner*>(element);
    const GstStateChangeReturn ret =
        GST_ELEMENT_CLASS(encore_joiner_parent_class)->change_state(element, transition);
    if (transition == GST_STATE_CHANGE_PAUSED_TO_READY)
        self->core->stopped();
    return ret;
}

void joinerFinalize(GObject* object) {
    delete reinterpret_cast<EncoreJoiner*>(object)->core;
    G_OBJECT_CLASS(encore_joiner_parent_class)->finalize(object);
}

}  // namespace

static void encore_joiner_class_init(EncoreJoinerClass* klass) {
    GstElementClass* element = GST_ELEMENT_CLASS(klass);
    gst_element_class_set_static_metadata(
        element, "Encore joiner", "Filter/Audio",
        "Joins items gaplessly or with crossfades, levels them, clips them to their ranges",
        "Encore");
    gst_element_class_add_static_pad_template(element, &kSinkTemplate);
    gst_element_class_add_static_pad_template(element, &kSrcTemplate);
    element->change_state = joinerChangeState;
    G_OBJECT_CLASS(klass)->finalize = joinerFinalize;
}

static void encore_joiner_init(EncoreJoiner* self) {
    self->core = new encore::Joiner;
    GstPad* sink = gst_pad_new_from_static_template(&kSinkTemplate, "sink");
    GstPad* src = gst_pad_new_from_static_template(&kSrcTemplate, "src");
    gst_pad_set_chain_function(sink, joinerChain);
    gst_pad_set_event_function(sink, joinerSinkEvent);
    gst_pad_set_query_function(src, joinerSrcQuery);
    // The format passes through unchanged: caps and allocation queries go straight on.
    GST_PAD_SET_PROXY_CAPS(sink);
    GST_PAD_SET_PROXY_CAPS(src);
    GST_PAD_SET_PROXY_ALLOCATION(sink);
    gst_element_add_pad(GST_ELEMENT(self), sink);
    gst_element_add_pad(GST_ELEMENT(self), src);
    self->core->sinkpad = sink;
    self->core->srcpad = src;
}

namespace encore {

namespace {

constexpr qint64 kSecond = GST_SECOND;
// A continuation starts where the item before ends, give or take rounding of milliseconds.
constexpr qint64 kContinuationSlackNs = 2 * GST_MSECOND;

}  // namespace

GstElement* Joiner::createElement() {
    return GST_ELEMENT(g_object_new(encore_joiner_get_type(), nullptr));
}

Joiner* Joiner::of(GstElement* element) {
    return reinterpret_cast<EncoreJoiner*>(element)->core;
}

// --- Control ---------------------------------------------------------------------------------

void Joiner::reset(const JoinerItem& first, qint64 fromNs, bool awaitSeek) {
    std::lock_guard lock(m_);
    reset_item_ = first;
    reset_from_ns_ = std::max(first.in_start, fromNs);
    awaiting_seek_ = awaitSeek;
    input_valid_ = false;
    input_dropping_ = false;
    upcoming_.clear();
    after_flush_.reset();
    tail_.clear();
    holding_ = pending_mix_ = false;
    mix_at_ = mix_len_ = mix_done_ = 0;
    marks_.clear();
    anchor_valid_ = false;
    out_base_ns_ = out_samples_ = 0;
    mark_pending_ = true;
    have_info_ = false;
    need_stream_start_ = need_caps_ = need_segment_ = true;
    next_in_sample_ = -1;
}

void Joiner::setUpcoming(const std::vector<JoinerItem>& items) {
    std::lock_guard lock(m_);
    std::deque<JoinerItem> next(items.begin(), items.end());
    if (!upcoming_.empty() && upcoming_.front().handed) {
        JoinerItem handed = upcoming_.front();
        if (!handed.withdrawn && !next.empty() && next.front().serial == handed.serial) {
            next.front().handed = true;
        } else {
            handed.withdrawn = true;
            next.push_front(handed);
        }
    }
    upcoming_ = std::move(next);
}

std::optional<JoinerItem> Joiner::takeHandover() {
    std::lock_guard lock(m_);
    if (upcoming_.empty())
        return std::nullopt;
    JoinerItem& front = upcoming_.front();
    if (front.handed || !front.handover)
        return std::nullopt;
    front.handed = true;
    return front;
}

bool Joiner::hasHandedOver() const {
    std::lock_guard lock(m_);
    return !upcoming_.empty() && upcoming_.front().handed;
}

void Joiner::expectFlush(const JoinerItem& item, const std::vector<JoinerItem>& upcoming) {
    std::lock_guard lock(m_);
    after_flush_ = item;
    after_flush_upcoming_ = upcoming;
}

void Joiner::endInputAt(qint64 ns) {
    std::lock_guard lock(m_);
    if (input_valid_ && (input_.in_end < 0 || ns < input_.in_end))
        input_.in_end = std::max(ns, input_from_ns_);
}

void Joiner::setGain(quint64 serial, double gain, bool limit) {
    std::lock_guard lock(m_);
    auto update = [&](JoinerItem& item) {
        if (item.serial == serial) {
            item.gain = gain;
            item.limit = limit;
        }
    };
    update(input_);
    update(reset_item_);
    for (JoinerItem& item : upcoming_)
        update(item);
}

void Joiner::setLimiter(GstElement* limiter) {
    std::lock_guard lock(m_);
    limiter_ = limiter;
}

quint64 Joiner::inputSerial() const {
    std::lock_guard lock(m_);
    return input_valid_ ? input_.serial : reset_item_.serial;
}

qint64 Joiner::inputPositionNs() const {
    std::lock_guard lock(m_);
    return have_info_ ? nsAt(last_in_sample_) : input_from_ns_;
}

qint64 Joiner::durationNs(quint64 serial) const {
    std::lock_guard lock(m_);
    for (const auto& [s, ns] : durations_) {
        if (s == serial)
            return ns;
    }
    return -1;
}

std::vector<Joiner::Transition> Joiner::advance(qint64 outNs, Location* now) {
    std::lock_guard lock(m_);
    std::vector<Transition> passed;
    while (!marks_.empty() && marks_.front().out_ns <= outNs) {
        const Mark mark = marks_.front();
        marks_.pop_front();
        passed.push_back({mark.serial, mark.end});
        anchor_ = mark;
        anchor_valid_ = !mark.end;
    }
    if (now && anchor_valid_) {
        now->serial = anchor_.serial;
        now->position_ns = anchor_.position_ns + std::max<qint64>(0, outNs - anchor_.out_ns);
        now->valid = true;
    }
    return passed;
}

qint64 Joiner::pushedNs() const {
    std::lock_guard lock(m_);
    return outNs();
}

// --- Streaming -------------------------------------------------------------------------------

qint64 Joiner::sampleAt(qint64 ns) const {
    return qint64(gst_util_uint64_scale_round(guint64(std::max<qint64>(0, ns)), guint64(info_.rate),
                                              kSecond));
}

qint64 Joiner::nsAt(qint64 sample) const {
    return info_.rate > 0 ? qint64(gst_util_uint64_scale_round(guint64(std::max<qint64>(0, sample)),
                                                               kSecond, guint64(info_.rate)))
                          : 0;
}

qint64 Joiner::outNs() const {
    return out_base_ns_ + (info_.rate > 0
                               ? qint64(gst_util_uint64_scale_round(guint64(out_samples_), kSecond,
                                                                    guint64(info_.rate)))
                               : 0);
}

qint64 Joiner::endSample() const {
    return input_.in_end >= 0 ? sampleAt(input_.in_end) : -1;
}

bool Joiner::isContinuation(const JoinerItem& item) const {
    return input_.in_end >= 0 && item.path == input_.path &&
           std::llabs(item.in_start - input_.in_end) <= kContinuationSlackNs;
}

// Where the outgoing item's tail starts to be held for a crossfade into the next (-1: none).
qint64 Joiner::holdSample() const {
    if (upcoming_.empty())
        return -1;
    const JoinerItem& next = upcoming_.front();
    if (next.crossfade_ns <= 0 || !next.handover || next.withdrawn || isContinuation(next))
        return -1;
    const qint64 endNs = input_.in_end >= 0 ? input_.in_end : input_duration_ns_;
    if (endNs < 0)
        return -1;
    return std::max(sampleAt(input_from_ns_), sampleAt(endNs - next.crossfade_ns));
}

void Joiner::queryDuration() {
    gint64 duration = -1;
    if (!gst_pad_peer_query_duration(sinkpad, GST_FORMAT_TIME, &duration) || duration <= 0)
        return;
    input_duration_ns_ = duration;
}

GstFlowReturn Joiner::chain(GstBuffer* buffer) {
    Outgoing out;
    GstFlowReturn result = GST_FLOW_OK;
    {
        std::lock_guard lock(m_);
        if (flushing_) {
            gst_buffer_unref(buffer);
            return GST_FLOW_FLUSHING;
        }
        if (!have_info_) {
            gst_buffer_unref(buffer);
            return GST_FLOW_NOT_NEGOTIATED;
        }
        if (awaiting_seek_)
            passThrough(buffer, out);
        else
            result = consume(buffer, out);
    }
    const GstFlowReturn pushed = pushAll(out);
    return pushed != GST_FLOW_OK ? pushed : result;
}

// Before the engine's first seek: the sink prerolls on this, the seek flushes it.
void Joiner::passThrough(GstBuffer* buffer, Outgoing& out) {
    ensureHeaders(out);
    buffer = gst_buffer_make_writable(buffer);
    GST_BUFFER_PTS(buffer) = 0;
    out.push_back(GST_MINI_OBJECT_CAST(buffer));
}

GstFlowReturn Joiner::consume(GstBuffer* buffer, Outgoing& out) {
    if (!input_valid_ || input_dropping_) {
        gst_buffer_unref(buffer);
        return GST_FLOW_EOS;  // the stream has nothing more to give: let it end now
    }
    const int channels = GST_AUDIO_INFO_CHANNELS(&info_);
    GstMapInfo map;
    if (!gst_buffer_map(buffer, &map, GST_MAP_READ)) {
        gst_buffer_unref(buffer);
        return GST_FLOW_ERROR;
    }
    const auto* data = reinterpret_cast<const float*>(map.data);
    const qint64 frames = qint64(map.size) / (qint64(sizeof(float)) * channels);

    qint64 first = -1;
    const GstClockTime pts = GST_BUFFER_PTS(buffer);
    if (GST_CLOCK_TIME_IS_VALID(pts)) {
        const guint64 st = gst_segment_to_stream_time(&in_segment_, GST_FORMAT_TIME, pts);
        if (st != guint64(-1))
            first = sampleAt(qint64(st));
    }
    // Timestamps rounded to nanoseconds must not open or close one-sample gaps.
    if (first < 0 || (next_in_sample_ >= 0 && std::llabs(first - next_in_sample_) <= 1))
        first = next_in_sample_ >= 0 ? next_in_sample_ : 0;
    next_in_sample_ = first + frames;
    if (input_duration_ns_ < 0 && duration_tries_++ % 16 == 0) {
        queryDuration();
        if (input_duration_ns_ >= 0) {
            const qint64 length =
                (input_.in_end >= 0 ? input_.in_end : input_duration_ns_) - input_.in_start;
            durations_.push_back({input_.serial, length});
            if (durations_.size() > 8)
                durations_.erase(durations_.begin());
        }
    }
    if (pending_mix_)
        startMix(out);

    GstFlowReturn result = GST_FLOW_OK;
    qint64 k = std::max<qint64>(0, sampleAt(input_from_ns_) - first);
    while (k < frames) {
        const qint64 sample = first + k;
        qint64 n = frames - k;
        const qint64 end = endSample();
        if (end >= 0) {
            if (sample >= end) {
                if (finishInput(out)) {
                    k = std::max(k, sampleAt(input_from_ns_) - first);
                    continue;
                }
                result = GST_FLOW_EOS;
                break;
            }
            n = std::min(n, end - sample);
        }
        const qint64 hold = holdSample();
        if (!holding_ && hold >= 0) {
            if (sample >= hold)
                holding_ = true;
            else
                n = std::min(n, hold - sample);
        }
        emitInput(data + k * channels, n, sample, out);
        k += n;
        last_in_sample_ = sample + n;
    }
    gst_buffer_unmap(buffer, &map);
    gst_buffer_unref(buffer);
    return result;
}

// The input item reached its end inside its stream: the next item continues the same file
// (true), or the stream is told to end so that playbin moves on (false).
bool Joiner::finishInput(Outgoing& out) {
    if (!upcoming_.empty() && isContinuation(upcoming_.front())) {
        flushTail(out);
        input_ = upcoming_.front();
        upcoming_.pop_front();
        input_from_ns_ = input_.in_start;
        mark_pending_ = true;
        if (input_duration_ns_ >= 0) {
            durations_.push_back(
                {input_.serial,
                 (input_.in_end >= 0 ? input_.in_end : input_duration_ns_) - input_.in_start});
        }
        return true;
    }
    input_dropping_ = true;
    return false;
}

void Joiner::emitInput(const float* data, qint64 frames, qint64 sample, Outgoing& out) {
    const int channels = GST_AUDIO_INFO_CHANNELS(&info_);
    std::vector<float> v(data, data + frames * channels);
    if (input_.gain != 1.0) {
        const float g = float(input_.gain);
        for (float& x : v)
            x *= g;
    }
    if (holding_) {
        if (tail_.empty())
            tail_serial_ = input_.serial;
        tail_.insert(tail_.end(), v.begin(), v.end());
        return;
    }
    // Mixing: the held tail fades out while this item fades in (equal power).
    const qint64 tailFrames = qint64(tail_.size()) / channels;
    qint64 i = 0;
    for (; i < frames && mix_at_ < tailFrames && mix_len_ > 0; ++i, ++mix_at_, ++mix_done_) {
        const double theta = (double(mix_done_) + 0.5) / double(mix_len_) * M_PI / 2.0;
        const float fadeOut = float(std::cos(theta));
        const float fadeIn = float(std::sin(theta));
        for (int c = 0; c < channels; ++c) {
            float& x = v[size_t(i * channels + c)];
            x = tail_[size_t(mix_at_ * channels + c)] * fadeOut + x * fadeIn;
        }
    }
    if (mix_len_ > 0 && mix_at_ >= tailFrames) {
        tail_.clear();
        mix_at_ = mix_len_ = mix_done_ = 0;
    }
    pushFrames(std::move(v), frames, input_.serial, nsAt(sample) - input_.in_start, true, out);
}

void Joiner::pushFrames(std::vector<float> data, qint64 frames, quint64 serial, qint64 positionNs,
                        bool mark, Outgoing& out) {
    if (frames <= 0)
        return;
    ensureHeaders(out);
    if (mark && mark_pending_) {
        marks_.push_back({outNs(), serial, std::max<qint64>(0, positionNs), false});
        mark_pending_ = false;
        if (limiter_)
            g_object_set(limiter_, "enabled", gboolean(input_.limit), nullptr);
    }
    const gsize bytes = gsize(data.size()) * sizeof(float);
    GstBuffer* buffer = gst_buffer_new_allocate(nullptr, bytes, nullptr);
    gst_buffer_fill(buffer, 0, data.data(), bytes);
    const qint64 start = outNs();
    out_samples_ += frames;
    GST_BUFFER_PTS(buffer) = GstClockTime(start);
    GST_BUFFER_DURATION(buffer) = GstClockTime(outNs() - start);
    out.push_back(GST_MINI_OBJECT_CAST(buffer));
}

// The first buffer of an item that fades in: what is held beyond the fade goes out as it
// was, the rest is mixed as the new item's samples arrive.
void Joiner::startMix(Outgoing& out) {
    pending_mix_ = false;
    const int channels = GST_AUDIO_INFO_CHANNELS(&info_);
    const qint64 tailFrames = qint64(tail_.size()) / channels;
    const qint64 length = std::min(tailFrames, sampleAt(input_.crossfade_ns));
    const qint64 lead = tailFrames - length;
    if (lead > 0) {
        std::vector<float> head(tail_.begin(), tail_.begin() + lead * channels);
        pushFrames(std::move(head), lead, tail_serial_, 0, false, out);
    }
    mix_at_ = lead;
    mix_len_ = length;
    mix_done_ = 0;
    if (length == 0)
        tail_.clear();
}

// Whatever is held goes out unmixed (the next item did not come, or does not fade in).
void Joiner::flushTail(Outgoing& out) {
    holding_ = pending_mix_ = false;
    if (tail_.empty())
        return;
    const int channels = GST_AUDIO_INFO_CHANNELS(&info_);
    const qint64 tailFrames = qint64(tail_.size()) / channels;
    std::vector<float> rest(tail_.begin() + mix_at_ * channels, tail_.end());
    // A fade that had begun carries on to its end, alone.
    for (qint64 i = 0; mix_len_ > 0 && mix_at_ + i < tailFrames; ++i) {
        const double theta = (double(mix_done_ + i) + 0.5) / double(mix_len_) * M_PI / 2.0;
        for (int c = 0; c < channels; ++c)
            rest[size_t(i * channels + c)] *= float(std::cos(std::min(theta, M_PI / 2.0)));
    }
    pushFrames(std::move(rest), tailFrames - mix_at_, tail_serial_, 0, false, out);
    tail_.clear();
    mix_at_ = mix_len_ = mix_done_ = 0;
}

void Joiner::ensureHeaders(Outgoing& out) {
    if (need_stream_start_) {
        GstEvent* start = stream_start_ ? gst_event_ref(stream_start_)
                                        : gst_event_new_stream_start("encore-joiner");
        out.push_back(GST_MINI_OBJECT_CAST(start));
        need_stream_start_ = false;
    }
    if (need_caps_ && caps_) {
        out.push_back(GST_MINI_OBJECT_CAST(gst_event_new_caps(caps_)));
        need_caps_ = false;
    }
    if (need_segment_) {
        GstSegment segment;
        gst_segment_init(&segment, GST_FORMAT_TIME);
        segment.start = GstClockTime(outNs());
        segment.time = segment.start;
        segment.position = segment.start;
        out.push_back(GST_MINI_OBJECT_CAST(gst_event_new_segment(&segment)));
        need_segment_ = false;
    }
}

void Joiner::onStreamStart(GstEvent* event, Outgoing& out) {
    next_in_sample_ = -1;
    input_duration_ns_ = -1;
    duration_tries_ = 0;
    if (!input_valid_) {  // the first stream after a fresh load
        if (stream_start_)
            gst_event_unref(stream_start_);
        stream_start_ = gst_event_ref(event);
        input_ = reset_item_;
        input_valid_ = true;
        input_dropping_ = false;
        input_from_ns_ = reset_from_ns_;
        mark_pending_ = true;
        return;
    }
    // A stream playbin started at about-to-finish: the handed-over item.
    if (upcoming_.empty() || !upcoming_.front().handed) {
        flushTail(out);
        input_dropping_ = true;  // nothing was handed: not ours to play
        return;
    }
    JoinerItem next = upcoming_.front();
    upcoming_.pop_front();
    input_ = next;
    input_from_ns_ = next.in_start;
    if (next.withdrawn) {
        input_dropping_ = true;  // its EOS brings about-to-finish again, for the replacement
        return;
    }
    input_dropping_ = false;
    mark_pending_ = true;
    if (!tail_.empty()) {
        if (next.crossfade_ns > 0)
            pending_mix_ = true;
        else
            flushTail(out);
    }
    holding_ = false;
}

void Joiner::onCaps(GstEvent* event, Outgoing& out) {
    GstCaps* caps = nullptr;
    gst_event_parse_caps(event, &caps);
    GstAudioInfo info;
    if (!gst_audio_info_from_caps(&info, caps))
        return;
    const bool same = have_info_ && info.rate == info_.rate &&
                      GST_AUDIO_INFO_CHANNELS(&info) == GST_AUDIO_INFO_CHANNELS(&info_);
    if (same)
        return;
    if (have_info_) {
        flushTail(out);  // a tail in the old format cannot be mixed with the new one
        out_base_ns_ = outNs();
        out_samples_ = 0;
    }
    info_ = info;
    have_info_ = true;
    gst_caps_replace(&caps_, caps);
    need_caps_ = true;
}

void Joiner::onFlushStop() {
    flushing_ = false;
    awaiting_seek_ = false;
    tail_.clear();
    holding_ = pending_mix_ = false;
    mix_at_ = mix_len_ = mix_done_ = 0;
    marks_.clear();
    anchor_valid_ = false;
    out_base_ns_ = out_samples_ = 0;
    need_segment_ = true;
    next_in_sample_ = -1;
    if (after_flush_) {
        input_ = *after_flush_;
        after_flush_.reset();
        input_valid_ = true;
        upcoming_.assign(after_flush_upcoming_.begin(), after_flush_upcoming_.end());
    }
    input_dropping_ = false;
    input_from_ns_ = input_.in_start;
    mark_pending_ = true;
}

gboolean Joiner::sinkEvent(GstEvent* event) {
    Outgoing out;
    bool forward = false;
    {
        std::lock_guard lock(m_);
        switch (GST_EVENT_TYPE(event)) {
            case GST_EVENT_FLUSH_START:
                flushing_ = true;
                forward = true;
                break;
            case GST_EVENT_FLUSH_STOP:
                onFlushStop();
                forward = true;
                break;
            case GST_EVENT_STREAM_START:
                onStreamStart(event, out);
                break;
            case GST_EVENT_CAPS:
                onCaps(event, out);
                break;
            case GST_EVENT_SEGMENT: {
                const GstSegment* segment = nullptr;
                gst_event_parse_segment(event, &segment);
                gst_segment_copy_into(segment, &in_segment_);
                next_in_sample_ = -1;
                break;
            }
            case GST_EVENT_EOS:
                if (awaiting_seek_)
                    break;  // the engine's seek follows
                flushTail(out);
                ensureHeaders(out);
                if (input_valid_)
                    marks_.push_back({outNs(), input_.serial, 0, true});
                out.push_back(GST_MINI_OBJECT_CAST(gst_event_ref(event)));
                break;
            case GST_EVENT_GAP:
            case GST_EVENT_TAG:
            case GST_EVENT_STREAM_GROUP_DONE:
            case GST_EVENT_SEGMENT_DONE:
                break;  // in the input's timeline, meaningless in ours
            default:
                if (GST_EVENT_IS_SERIALIZED(event))
                    out.push_back(GST_MINI_OBJECT_CAST(gst_event_ref(event)));
                else
                    forward = true;
                break;
        }
    }
    pushAll(out);
    if (forward)
        return gst_pad_push_event(srcpad, event);
    gst_event_unref(event);
    return TRUE;
}

gboolean Joiner::srcQuery(GstQuery* query) {
    switch (GST_QUERY_TYPE(query)) {
        case GST_QUERY_POSITION: {
            GstFormat format;
            gst_query_parse_position(query, &format, nullptr);
            if (format != GST_FORMAT_TIME)
                return FALSE;
            gst_query_set_position(query, GST_FORMAT_TIME, pushedNs());
            return TRUE;
        }
        case GST_QUERY_DURATION:
            return FALSE;  // items have their own lengths (durationNs)
        default:
            return gst_pad_query_default(srcpad, nullptr, query);
    }
}

void Joiner::stopped() {
    std::lock_guard lock(m_);
    flushing_ = false;
    have_info_ = false;
    input_valid_ = false;
    tail_.clear();
    holding_ = pending_mix_ = false;
    need_stream_start_ = need_caps_ = need_segment_ = true;
}

GstFlowReturn Joiner::pushAll(Outgoing& out) {
    GstFlowReturn result = GST_FLOW_OK;
    for (GstMiniObject* object : out) {
        if (result != GST_FLOW_OK) {
            gst_mini_object_unref(object);
            continue;
        }
        if (GST_IS_BUFFER(object)) {
            result = gst_pad_push(srcpad, GST_BUFFER_CAST(object));
        } else if (!gst_pad_push_event(srcpad, GST_EVENT_CAST(object))) {
            if (GST_PAD_IS_FLUSHING(srcpad))
                result = GST_FLOW_FLUSHING;
        }
    }
    out.clear();
    return result;
}

}  // namespace encore
