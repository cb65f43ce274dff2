#include "playback/playbackorder.h"

#include <algorithm>
#include <numeric>

namespace encore {

void PlaybackOrder::setTracks(std::vector<TrackId> tracks, int start) {
    tracks_ = std::move(tracks);
    if (tracks_.empty()) {
        clear();
        return;
    }
    start = qBound(0, start, int(tracks_.size()) - 1);
    if (shuffle_) {
        reshuffle(start);
        at_ = 0;
    } else {
        order_.resize(tracks_.size());
        std::iota(order_.begin(), order_.end(), 0);
        at_ = start;
    }
}

void PlaybackOrder::clear() {
    tracks_.clear();
    order_.clear();
    at_ = -1;
}

// A new random order that starts with position `first` (-1: any).
void PlaybackOrder::reshuffle(int first) {
    order_.resize(tracks_.size());
    std::iota(order_.begin(), order_.end(), 0);
    auto begin = order_.begin();
    if (first >= 0) {
        std::swap(order_[0], order_[size_t(first)]);
        ++begin;
    }
    for (auto it = order_.end(); it - begin > 1; --it)  // Fisher-Yates on [begin, end)
        std::iter_swap(it - 1, begin + random_.bounded(int(it - begin)));
}

void PlaybackOrder::setShuffle(bool on) {
    if (on == shuffle_)
        return;
    shuffle_ = on;
    if (tracks_.empty())
        return;
    const int position = at_ >= 0 ? order_[size_t(at_)] : 0;
    if (on) {
        reshuffle(position);
        at_ = 0;
    } else {
        std::iota(order_.begin(), order_.end(), 0);
        at_ = position;
    }
}

std::optional<TrackId> PlaybackOrder::current() const {
    if (at_ < 0 || at_ >= int(order_.size()))
        return std::nullopt;
    return tracks_[size_t(order_[size_t(at_)])];
}

std::optional<TrackId> PlaybackOrder::next(bool byUser) {
    if (tracks_.empty())
        return std::nullopt;
    if (repeat_ == RepeatMode::One && !byUser)
        return current();
    if (at_ + 1 < int(order_.size())) {
        ++at_;
        return current();
    }
    if (repeat_ == RepeatMode::Off)
        return std::nullopt;
    if (shuffle_)
        reshuffle(-1);
    at_ = 0;
    return current();
}

std::optional<TrackId> PlaybackOrder::previous() {
    if (tracks_.empty())
        return std::nullopt;
    if (at_ > 0) {
        --at_;
        return current();
    }
    if (repeat_ == RepeatMode::All && !shuffle_) {
        at_ = int(order_.size()) - 1;
        return current();
    }
    return std::nullopt;
}

bool PlaybackOrder::hasNext() const {
    if (tracks_.empty())
        return false;
    return at_ + 1 < int(order_.size()) || repeat_ != RepeatMode::Off;
}

std::vector<TrackId> PlaybackOrder::upcoming(int max) const {
    std::vector<TrackId> out;
    if (repeat_ == RepeatMode::One)
        return out;
    for (int i = at_ + 1; i < int(order_.size()) && int(out.size()) < max; ++i)
        out.push_back(tracks_[size_t(order_[size_t(i)])]);
    return out;
}

}  // namespace encore
