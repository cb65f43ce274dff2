#pragma once

#include <cstdint>

namespace encore::stats {

// Local calendar fields of one listen, from the stored UTC instant and the UTC offset in
// effect where it was played. Proleptic Gregorian calendar; no time-zone database is needed
// because the offset is stored with every play.
struct LocalTime {
    std::int64_t day_number = 0;  // local days since 1970-01-01 (negative before 1970)
    int year = 1970;
    int month = 1;        // 1..12
    int day = 1;          // 1..31
    int hour = 0;         // 0..23
    int minute = 0;       // 0..59
    int weekday = 3;      // Monday = 0 ... Sunday = 6 (ISO 8601 weekday minus one)
    int iso_year = 1970;  // ISO 8601 week-numbering year (differs from year around New Year)
    int iso_week = 1;     // 1..53: the week (Monday start) holding the year's first Thursday is 1
};

// utc_seconds: Unix time; utc_offset_minutes: local minus UTC (e.g. +120 for CEST, -300 for
// EST). Valid for any instant representable as int64 seconds within +-5,000,000 years.
LocalTime toLocalTime(std::int64_t utc_seconds, int utc_offset_minutes);

// Just the local day number (days since 1970-01-01), for streaks and per-day counts.
std::int64_t localDayNumber(std::int64_t utc_seconds, int utc_offset_minutes);

// Weekday of a day number: Monday = 0 ... Sunday = 6.
int weekdayOfDay(std::int64_t day_number);

// Day number of the Monday that starts the ISO week holding day_number (for "plays per week").
std::int64_t isoWeekStart(std::int64_t day_number);

struct CivilDate {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31
};

// Conversions between day numbers and dates (H. Hinnant's days_from_civil / civil_from_days
// algorithms, http://howardhinnant.github.io/date_algorithms.html).
CivilDate civilFromDays(std::int64_t day_number);
std::int64_t daysFromCivil(int year, int month, int day);

}  // namespace encore::stats
