#pragma once

// The element in playbin's audio filter that turns a sequence of decoded streams into one
// continuous output: it levels each item (ReplayGain), clips items to their range (CUE
// tracks, MP3 encoder delay and padding), joins consecutive ranges of one file without a new
// stream, crossfades where asked, and keeps a map from output time to (item, position) so
// that the engine knows what is heard. Internal to the playback room (GStreamer types).

#include <gst/audio/audio.h>
#include <gst/gst.h>

#include <QString>

#include <deque>
#include <mutex>
#include <optional>
#include <vector>

namespace encore {

// One item as the joiner sees it: times in the decoder's timeline of its file (nanoseconds).
struct JoinerItem {
    quint64 serial = 0;
    QString path;
    qint64 in_start = 0;
    qint64 in_end = -1;       // -1: the end of the stream
    double gain = 1.0;        // linear, applied before mixing
    bool limit = false;       // the limiter runs while this item is heard
    qint64 crossfade_ns = 0;  // fade from the item before into this one (0: gapless)
    // May be handed to playbin at about-to-finish (false: it starts too far into its file to
    // be decoded up to there in time; it is loaded afresh instead).
    bool handover = true;
    bool handed = false;     // the pipeline was given its URI
    bool withdrawn = false;  // handed, then replaced before it started: its stream is dropped
};

class Joiner {
public:
    // What the output reached: an item started being heard, or the last one ended.
    struct Transition {
        quint64 serial = 0;
        bool ended = false;
    };
    struct Location {
        quint64 serial = 0;
        qint64 position_ns = 0;
        bool valid = false;
    };

    // A new element (a GstElement, floating ref) and its joiner.
    static GstElement* createElement();
    static Joiner* of(GstElement* element);

    // --- Control, from any thread --------------------------------------------------------
    // The pipeline is about to load `first` afresh (it is in READY). Output before `fromNs`
    // (decoder time) is dropped; `awaitSeek`: the first buffers only preroll the sink until
    // the engine's flushing seek brings the stream to the item's start.
    void reset(const JoinerItem& first, qint64 fromNs, bool awaitSeek);
    // The items after the current input one, in order. A handed-over item that is not the
    // front of `items` any more is withdrawn: its stream, when it comes, is dropped.
    void setUpcoming(const std::vector<JoinerItem>& items);
    // about-to-finish: the next item to hand to playbin, marked handed (nullopt: none).
    std::optional<JoinerItem> takeHandover();
    bool hasHandedOver() const;
    // The next flush (a seek) restarts the input in `item`, followed by `upcoming`.
    void expectFlush(const JoinerItem& item, const std::vector<JoinerItem>& upcoming);
    // The current input item ends at this decoder time (a skip with crossfade).
    void endInputAt(qint64 ns);
    void setGain(quint64 serial, double gain, bool limit);
    // The limiter element whose "enabled" follows the heard item's `limit`.
    void setLimiter(GstElement* limiter);

    quint64 inputSerial() const;
    qint64 inputPositionNs() const;  // decoder time of the last input sample taken
    // The item's length (ns), when known: its range, else its stream's duration.
    qint64 durationNs(quint64 serial) const;
    // Moves the heard position to `outNs` (the sink's position): what started or ended on
    // the way, in order, and where it is now.
    std::vector<Transition> advance(qint64 outNs, Location* now);
    qint64 pushedNs() const;

    // --- Streaming (pad functions) -------------------------------------------------------
    GstFlowReturn chain(GstBuffer* buffer);
    gboolean sinkEvent(GstEvent* event);
    gboolean srcQuery(GstQuery* query);
    void stopped();

    GstPad* sinkpad = nullptr;
    GstPad* srcpad = nullptr;

private:
    struct Mark {
        qint64 out_ns = 0;
        quint64 serial = 0;
        qint64 position_ns = 0;
        bool end = false;
    };
    using Outgoing = std::vector<GstMiniObject*>;

    GstFlowReturn consume(GstBuffer* buffer, Outgoing& out);
    void passThrough(GstBuffer* buffer, Outgoing& out);
    bool finishInput(Outgoing& out);
    void emitInput(const float* data, qint64 frames, qint64 sample, Outgoing& out);
    void pushFrames(std::vector<float> data, qint64 frames, quint64 serial, qint64 positionNs,
                    bool mark, Outgoing& out);
    void startMix(Outgoing& out);
    void flushTail(Outgoing& out);
    void onStreamStart(GstEvent* event, Outgoing& out);
    void onCaps(GstEvent* event, Outgoing& out);
    void onFlushStop();
    void ensureHeaders(Outgoing& out);
    void queryDuration();
    qint64 sampleAt(qint64 ns) const;
    qint64 nsAt(qint64 sample) const;
    qint64 outNs() const;
    qint64 endSample() const;
    qint64 holdSample() const;
    bool isContinuation(const JoinerItem& item) const;
    GstFlowReturn pushAll(Outgoing& out);

    mutable std::mutex m_;
    bool flushing_ = false;
    bool awaiting_seek_ = false;
    GstAudioInfo info_{};
    bool have_info_ = false;
    GstCaps* caps_ = nullptr;  // current input caps (what goes out)
    GstEvent* stream_start_ = nullptr;
    bool need_stream_start_ = true;
    bool need_caps_ = true;
    bool need_segment_ = true;
    GstSegment in_segment_{};
    qint64 next_in_sample_ = -1;

    JoinerItem reset_item_;
    qint64 reset_from_ns_ = 0;
    JoinerItem input_;
    bool input_valid_ = false;
    bool input_dropping_ = false;
    qint64 input_from_ns_ = 0;
    qint64 input_duration_ns_ = -1;
    int duration_tries_ = 0;
    qint64 last_in_sample_ = 0;
    std::optional<JoinerItem> after_flush_;
    std::vector<JoinerItem> after_flush_upcoming_;
    std::deque<JoinerItem> upcoming_;
    std::vector<std::pair<quint64, qint64>> durations_;  // serial -> ns, recent items

    // Output timeline: nanoseconds at the last rate change plus samples since.
    qint64 out_base_ns_ = 0;
    qint64 out_samples_ = 0;
    bool mark_pending_ = true;
    std::deque<Mark> marks_;
    Mark anchor_;  // the last mark the heard position passed
    bool anchor_valid_ = false;
    GstElement* limiter_ = nullptr;

    // Crossfade: the outgoing item's last samples, held until the next stream comes.
    std::vector<float> tail_;
    quint64 tail_serial_ = 0;
    bool holding_ = false;
    bool pending_mix_ = false;
    qint64 mix_at_ = 0;   // frames of tail_ already out
    qint64 mix_len_ = 0;  // frames mixed in all
    qint64 mix_done_ = 0;
};

}  // namespace encore
