#include "playback/pipelineparts.h"

#include "playback/joiner.h"

namespace encore {

namespace {

GstElement* make(const char* factory, const char* name) {
    GstElement* element = gst_element_factory_make(factory, name);
    if (!element)
        g_warning("encore: GStreamer element %s is missing", factory);
    return element;
}

}  // namespace

FilterBin makeFilterBin(int fixedRate) {
    FilterBin f;
    f.bin = gst_bin_new("encore-filter");
    GstElement* convert = make("audioconvert", "encore-convert");
    GstElement* resample = make("audioresample", "encore-resample");
    GstElement* format = make("capsfilter", "encore-format");
    GstElement* joiner = Joiner::createElement();
    f.limiter = make("rglimiter", "encore-limiter");
    GstCaps* caps =
        fixedRate > 0
            ? gst_caps_new_simple("audio/x-raw", "format", G_TYPE_STRING, "F32LE", "layout",
                                  G_TYPE_STRING, "interleaved", "rate", G_TYPE_INT, fixedRate,
                                  "channels", G_TYPE_INT, 2, nullptr)
            : gst_caps_new_simple("audio/x-raw", "format", G_TYPE_STRING, "F32LE", "layout",
                                  G_TYPE_STRING, "interleaved", nullptr);
    g_object_set(format, "caps", caps, nullptr);
    gst_caps_unref(caps);
    g_object_set(f.limiter, "enabled", FALSE, nullptr);
    gst_bin_add_many(GST_BIN(f.bin), convert, resample, format, joiner, f.limiter, nullptr);
    gst_element_link_many(convert, resample, format, joiner, f.limiter, nullptr);
    GstPad* in = gst_element_get_static_pad(convert, "sink");
    GstPad* out = gst_element_get_static_pad(f.limiter, "src");
    gst_element_add_pad(f.bin, gst_ghost_pad_new("sink", in));
    gst_element_add_pad(f.bin, gst_ghost_pad_new("src", out));
    gst_object_unref(in);
    gst_object_unref(out);
    f.joiner = Joiner::of(joiner);
    f.joiner->setLimiter(f.limiter);
    return f;
}

GstElement* makeWavSink(const QString& path, int rate) {
    GstElement* bin = gst_bin_new("encore-wav");
    GstElement* convert = make("audioconvert", nullptr);
    GstElement* resample = make("audioresample", nullptr);
    GstElement* format = make("capsfilter", nullptr);
    GstElement* wav = make("wavenc", nullptr);
    GstElement* file = make("filesink", "encore-wav-file");
    GstCaps* caps = gst_caps_new_simple("audio/x-raw", "format", G_TYPE_STRING, "F32LE", "rate",
                                        G_TYPE_INT, rate, "channels", G_TYPE_INT, 2, nullptr);
    g_object_set(format, "caps", caps, nullptr);
    gst_caps_unref(caps);
    g_object_set(file, "location", path.toUtf8().constData(), "sync", FALSE, nullptr);
    gst_bin_add_many(GST_BIN(bin), convert, resample, format, wav, file, nullptr);
    gst_element_link_many(convert, resample, format, wav, file, nullptr);
    GstPad* in = gst_element_get_static_pad(convert, "sink");
    gst_element_add_pad(bin, gst_ghost_pad_new("sink", in));
    gst_object_unref(in);
    return bin;
}

GstElement* makeClockedSink() {
    GstElement* sink = make("fakesink", "encore-clocked");
    g_object_set(sink, "sync", TRUE, nullptr);
    return sink;
}

}  // namespace encore
