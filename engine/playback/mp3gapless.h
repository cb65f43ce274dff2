#pragma once

#include <QString>

#include <optional>

namespace encore {

// Where the music is in a decoded MP3, from the LAME/Info tag in its first frame (written by
// LAME and by ffmpeg's libmp3lame): the encoder's delay and padding, plus the decoder's own
// 529 samples. GStreamer 1.22's mpegaudioparse reads the Xing frame count but not these, so
// every MP3 would start with ~1,100 samples of silence and end with a partial frame.
struct Mp3Gapless {
    static constexpr int kDecoderDelay = 529;

    int sample_rate = 0;
    qint64 skip_samples = 0;  // decoded samples before the music
    qint64 end_sample = 0;    // decoded sample index where the music ends

    qint64 musicSamples() const { return end_sample - skip_samples; }
    // Reads the tag; nullopt for anything else (no tag, not layer III, not a frame count).
    static std::optional<Mp3Gapless> read(const QString& path);
    // Whether this GStreamer already trims MP3s itself (mpegaudioparse does from 1.24 on).
    static bool gstreamerTrims();
};

}  // namespace encore
