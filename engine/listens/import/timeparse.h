#pragma once

#include <QString>
#include <QStringView>
#include <QTimeZone>

#include <optional>

namespace encore {

// A point in time read from an export: UTC seconds, and the local offset when the text says.
struct ParsedTime {
    qint64 utc_seconds = 0;
    std::optional<int> utc_offset_minutes;
};

// Hand-written parsers for the timestamp shapes exports use (QDateTime::fromString is ~10x
// slower, which shows at a million rows). All return nullopt on anything malformed.
namespace timeparse {

// Unix seconds ("1577836800"); 13-digit values are read as milliseconds.
std::optional<qint64> unixSeconds(QStringView text);
// ISO 8601: "2024-09-05T03:03:07-0500", "2013-03-14T10:44:25Z", "2024-01-01 10:00:00",
// "2024-01-01T10:00", fractions ignored. Without an offset the time is UTC.
std::optional<ParsedTime> iso(QStringView text);
// Last.fm CSV: "19 Sep 2024 11:25" (UTC, English month names).
std::optional<qint64> lastfm(QStringView text);
// Any of the above (tried in that order).
std::optional<ParsedTime> any(QStringView text);
// Unix seconds of a civil UTC date-time (no range checks).
qint64 fromCivil(int year, int month, int day, int hour, int minute, int second);
// Local wall-clock seconds (a clock that ignored time zones) to UTC seconds in `zone`.
qint64 localToUtc(qint64 localSeconds, const QTimeZone& zone);
// "2024-09-19 11:25 UTC" for messages.
QString describe(qint64 utcSeconds);

}  // namespace timeparse

}  // namespace encore
