#pragma once

#include "listens/clock.h"

namespace encore {

// The real clock and the system time zone.
class SystemClock : public Clock {
public:
    qint64 nowMs() const override;
    int utcOffsetMinutes(qint64 utcMs) const override;
};

}  // namespace encore
