#pragma once

// The pieces of the playbin the engine builds: its audio filter (format, joiner, limiter) and
// its sinks. Internal to the playback room.

#include "playback/audiooutput.h"

#include <gst/gst.h>

namespace encore {

class Joiner;

struct FilterBin {
    GstElement* bin = nullptr;  // floating ref, for playbin's audio-filter
    Joiner* joiner = nullptr;
    GstElement* limiter = nullptr;
};

// `fixedRate` > 0: every item is resampled to it, in stereo (a WAV file, where crossfades
// must mix any two items); 0: each item keeps its rate and channels.
FilterBin makeFilterBin(int fixedRate);
// The WAV writer (wavenc ! filesink, not synced to a clock).
GstElement* makeWavSink(const QString& path, int rate);
// A sink that keeps real time and plays to nobody.
GstElement* makeClockedSink();

}  // namespace encore
