#pragma once

#include "core/track.h"

#include <QRandomGenerator>

#include <optional>
#include <vector>

namespace encore {

enum class RepeatMode { Off, All, One };

// The list playback walks through when the queue is empty (the library table as it was when
// a track was double-clicked), with shuffle and repeat. Shuffle plays every track once before
// any repeats; previous() walks back the same order.
class PlaybackOrder {
public:
    void setTracks(std::vector<TrackId> tracks, int start);
    void clear();
    bool isEmpty() const { return tracks_.empty(); }
    // The list in its own order (not the shuffled one).
    const std::vector<TrackId>& tracks() const { return tracks_; }
    int size() const { return int(tracks_.size()); }

    void setShuffle(bool on);
    bool shuffle() const { return shuffle_; }
    void setRepeat(RepeatMode mode) { repeat_ = mode; }
    RepeatMode repeat() const { return repeat_; }
    // Tests fix the shuffle.
    void setSeed(quint32 seed) { random_.seed(seed); }

    std::optional<TrackId> current() const;
    // The track after the current one. `byUser`: the listener pressed next, which leaves a
    // repeated track; at the natural end of a track repeat-one plays it again.
    std::optional<TrackId> next(bool byUser);
    std::optional<TrackId> previous();
    // Whether next(true) has a track to give.
    bool hasNext() const;
    // What would play after the current track, for the Up Next page.
    std::vector<TrackId> upcoming(int max) const;

private:
    void reshuffle(int first);

    std::vector<TrackId> tracks_;
    std::vector<int> order_;  // positions in tracks_, in play order
    int at_ = -1;             // index into order_
    bool shuffle_ = false;
    RepeatMode repeat_ = RepeatMode::Off;
    QRandomGenerator random_{QRandomGenerator::securelySeeded()};
};

}  // namespace encore
