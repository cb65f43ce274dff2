#include "stats/math/localtime.h"

namespace encore::stats {

namespace {

constexpr std::int64_t kSecondsPerMinute = 60;
constexpr std::int64_t kSecondsPerDay = 86400;
constexpr std::int64_t kDaysPerEra = 146097;  // 400 Gregorian years
// 1970-01-01 was a Thursday: Monday-based weekday 3.
constexpr std::int64_t kEpochWeekday = 3;

// Division rounding towards minus infinity, so instants before 1970 land on the right day.
std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

std::int64_t floorMod(std::int64_t a, std::int64_t b) {
    return a - floorDiv(a, b) * b;
}

}  // namespace

CivilDate civilFromDays(std::int64_t z) {
    z += 719468;  // shift the epoch to 0000-03-01
    const std::int64_t era = floorDiv(z, kDaysPerEra);
    const std::int64_t doe = z - era * kDaysPerEra;                                  // [0, 146096]
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
    const std::int64_t mp = (5 * doy + 2) / 153;                                     // [0, 11]
    CivilDate date;
    date.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    date.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    date.year = static_cast<int>(yoe + era * 400 + (date.month <= 2 ? 1 : 0));
    return date;
}

std::int64_t daysFromCivil(int year, int month, int day) {
    const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
    const std::int64_t era = floorDiv(y, 400);
    const std::int64_t yoe = y - era * 400;                          // [0, 399]
    const std::int64_t mp = month > 2 ? month - 3 : month + 9;       // [0, 11]
    const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;           // [0, 365]
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // [0, 146096]
    return era * kDaysPerEra + doe - 719468;
}

int weekdayOfDay(std::int64_t day_number) {
    return static_cast<int>(floorMod(day_number + kEpochWeekday, 7));
}

std::int64_t isoWeekStart(std::int64_t day_number) {
    return day_number - weekdayOfDay(day_number);
}

std::int64_t localDayNumber(std::int64_t utc_seconds, int utc_offset_minutes) {
    return floorDiv(utc_seconds + utc_offset_minutes * kSecondsPerMinute, kSecondsPerDay);
}

LocalTime toLocalTime(std::int64_t utc_seconds, int utc_offset_minutes) {
    const std::int64_t local = utc_seconds + utc_offset_minutes * kSecondsPerMinute;
    LocalTime t;
    t.day_number = floorDiv(local, kSecondsPerDay);
    const std::int64_t second_of_day = local - t.day_number * kSecondsPerDay;
    t.hour = static_cast<int>(second_of_day / 3600);
    t.minute = static_cast<int>(second_of_day % 3600 / 60);
    const CivilDate date = civilFromDays(t.day_number);
    t.year = date.year;
    t.month = date.month;
    t.day = date.day;
    t.weekday = weekdayOfDay(t.day_number);
    // ISO week: the week's Thursday decides its year; week 1 holds that year's first Thursday.
    const std::int64_t thursday = t.day_number - t.weekday + 3;
    t.iso_year = civilFromDays(thursday).year;
    t.iso_week = static_cast<int>((thursday - daysFromCivil(t.iso_year, 1, 1)) / 7 + 1);
    return t;
}

}  // namespace encore::stats
