#pragma once

#include <QtGlobal>

namespace encore {

// Where the listening rules get the time from: the system in the app, a hand-driven clock in
// tests (ManualClock), so tests move time instead of sleeping.
class Clock {
public:
    virtual ~Clock() = default;
    // Unix milliseconds, UTC.
    virtual qint64 nowMs() const = 0;
    // The listener's local offset from UTC at `utcMs`, in minutes (DST-aware).
    virtual int utcOffsetMinutes(qint64 utcMs) const = 0;
};

}  // namespace encore
