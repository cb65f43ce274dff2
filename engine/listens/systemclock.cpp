#include "listens/systemclock.h"

#include <QDateTime>
#include <QTimeZone>

namespace encore {

qint64 SystemClock::nowMs() const {
    return QDateTime::currentMSecsSinceEpoch();
}

int SystemClock::utcOffsetMinutes(qint64 utcMs) const {
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC);
    return QTimeZone::systemTimeZone().offsetFromUtc(at) / 60;
}

}  // namespace encore
