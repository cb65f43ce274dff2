#pragma once

#include "listens/clock.h"

namespace encore {

// A clock that only moves when told to: tests drive the listening rules with it.
class ManualClock : public Clock {
public:
    explicit ManualClock(qint64 startMs = 0, int utcOffsetMinutes = 0)
        : now_ms_(startMs), offset_minutes_(utcOffsetMinutes) {}

    qint64 nowMs() const override { return now_ms_; }
    int utcOffsetMinutes(qint64) const override { return offset_minutes_; }

    void advance(qint64 ms) { now_ms_ += ms; }
    void set(qint64 ms) { now_ms_ = ms; }
    void setUtcOffsetMinutes(int minutes) { offset_minutes_ = minutes; }

private:
    qint64 now_ms_;
    int offset_minutes_;
};

}  // namespace encore
