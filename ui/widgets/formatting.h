#pragma once

#include <QString>

namespace encore {

// How Encore writes times and counts for people.
class Formatting {
public:
    // 3:07, 1:02:03; "–" for an unknown length.
    static QString duration(qint64 ms);
    // A position: 0:00, 3:07, 1:02:03.
    static QString clock(qint64 ms);
    // 12,345 in the user's locale.
    static QString count(qint64 n);
    // "1 song", "12 songs" (English plurals without a translation file).
    static QString songs(qint64 n);
    // "Today 14:03", "Yesterday 09:12", else the locale's short date.
    static QString when(qint64 unixSeconds);
    // When a listen started, on the clock of the place it was played (its stored UTC offset):
    // "Today 14:03", "Yesterday 09:12", else the locale's short date and time.
    static QString listenTime(qint64 unixSeconds, int utcOffsetMinutes);
};

}  // namespace encore
