#pragma once

#include "core/result.h"

#include <QString>

#include <atomic>
#include <memory>
#include <optional>

namespace encore {

// A file's loudness on ReplayGain 2's scale: the gain that brings it to -18 LUFS, and its
// sample peak (1.0 = full scale).
struct LoudnessMeasure {
    double integrated_lufs = 0.0;
    double track_gain_db = 0.0;  // -18 - integrated_lufs
    double peak = 0.0;
    qint64 duration_ms = 0;  // of the audio measured
};

// The tracks of one album measured together (EBU R128 over all their blocks, as ffmpeg's
// ebur128 measures them played back to back): the album gain and peak.
class AlbumLoudness {
public:
    AlbumLoudness();
    ~AlbumLoudness();
    AlbumLoudness(const AlbumLoudness&) = delete;
    AlbumLoudness& operator=(const AlbumLoudness&) = delete;

    int tracks() const;
    // nullopt until a track with audio loud enough to measure was added.
    std::optional<LoudnessMeasure> result() const;

private:
    friend class LoudnessAnalyser;
    struct States;
    std::unique_ptr<States> states_;
};

// Decodes a file with GStreamer (every format playback plays) and measures it with libebur128:
// integrated loudness and sample peak. True peak would need 4x oversampling, several times the
// cost, for a limiter that playback runs anyway. Blocking; call it off the GUI thread.
class LoudnessAnalyser {
public:
    // `cancel` is checked between decoded buffers. With `album`, the file's measure is kept for
    // the album's. Errors name the file and say why (undecodable, missing plugin, no audio).
    static Result<LoudnessMeasure> analyse(const QString& path,
                                           const std::atomic<bool>* cancel = nullptr,
                                           AlbumLoudness* album = nullptr);
};

}  // namespace encore
