#include "listens/import/timeparse.h"

#include <QDateTime>

namespace encore::timeparse {

namespace {

bool isDigit(QChar c) {
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// Reads exactly `count` digits at `pos`.
std::optional<int> digits(QStringView text, qsizetype pos, int count) {
    if (pos + count > text.size())
        return std::nullopt;
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const QChar c = text[pos + i];
        if (!isDigit(c))
            return std::nullopt;
        value = value * 10 + (c.unicode() - '0');
    }
    return value;
}

int daysInMonth(int year, int month) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

bool validCivil(int year, int month, int day, int hour, int minute, int second) {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
           day <= daysInMonth(year, month) && hour >= 0 && hour < 24 && minute >= 0 &&
           minute < 60 && second >= 0 && second < 61;
}

}  // namespace

qint64 fromCivil(int year, int month, int day, int hour, int minute, int second) {
    // Howard Hinnant's days_from_civil.
    const qint64 y = year - (month <= 2 ? 1 : 0);
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const qint64 days = era * 146097 + doe - 719468;
    return days * 86400 + hour * 3600 + minute * 60 + second;
}

std::optional<qint64> unixSeconds(QStringView text) {
    text = text.trimmed();
    if (text.isEmpty() || text.size() > 13)
        return std::nullopt;
    qint64 value = 0;
    for (const QChar c : text) {
        if (!isDigit(c))
            return std::nullopt;
        value = value * 10 + (c.unicode() - '0');
    }
    return text.size() == 13 ? value / 1000 : value;
}

std::optional<ParsedTime> iso(QStringView text) {
    text = text.trimmed();
    // YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|±HH[:]MM]
    const auto year = digits(text, 0, 4);
    const auto month = digits(text, 5, 2);
    const auto day = digits(text, 8, 2);
    if (!year || !month || !day || text.size() < 16 || text[4] != QLatin1Char('-') ||
        text[7] != QLatin1Char('-') ||
        (text[10] != QLatin1Char('T') && text[10] != QLatin1Char(' ')))
        return std::nullopt;
    const auto hour = digits(text, 11, 2);
    const auto minute = digits(text, 14, 2);
    if (!hour || !minute || text[13] != QLatin1Char(':'))
        return std::nullopt;
    qsizetype pos = 16;
    int second = 0;
    if (pos < text.size() && text[pos] == QLatin1Char(':')) {
        const auto s = digits(text, pos + 1, 2);
        if (!s)
            return std::nullopt;
        second = *s;
        pos += 3;
        if (pos < text.size() && (text[pos] == QLatin1Char('.') || text[pos] == QLatin1Char(','))) {
            ++pos;
            while (pos < text.size() && isDigit(text[pos]))
                ++pos;
        }
    }
    if (!validCivil(*year, *month, *day, *hour, *minute, second))
        return std::nullopt;
    ParsedTime result;
    result.utc_seconds = fromCivil(*year, *month, *day, *hour, *minute, second);
    if (pos == text.size())
        return result;
    const QChar zone = text[pos];
    if ((zone == QLatin1Char('Z') || zone == QLatin1Char('z')) && pos + 1 == text.size()) {
        result.utc_offset_minutes = 0;
        return result;
    }
    if (zone != QLatin1Char('+') && zone != QLatin1Char('-'))
        return std::nullopt;
    const auto offsetHours = digits(text, pos + 1, 2);
    qsizetype minutesAt = pos + 3;
    if (minutesAt < text.size() && text[minutesAt] == QLatin1Char(':'))
        ++minutesAt;
    const auto offsetMinutes = digits(text, minutesAt, 2);
    if (!offsetHours || !offsetMinutes || minutesAt + 2 != text.size() || *offsetHours > 14 ||
        *offsetMinutes > 59)
        return std::nullopt;
    const int offset = (zone == QLatin1Char('-') ? -1 : 1) * (*offsetHours * 60 + *offsetMinutes);
    result.utc_seconds -= qint64(offset) * 60;
    result.utc_offset_minutes = offset;
    return result;
}

std::optional<qint64> lastfm(QStringView text) {
    // "19 Sep 2024 11:25" (day may have one digit)
    text = text.trimmed();
    static const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};
    const qsizetype firstSpace = text.indexOf(QLatin1Char(' '));
    if (firstSpace < 1 || firstSpace > 2)
        return std::nullopt;
    const auto day = digits(text, 0, int(firstSpace));
    if (!day || text.size() < firstSpace + 15)
        return std::nullopt;
    const QString monthName = text.mid(firstSpace + 1, 3).toString().toLower();
    int month = 0;
    for (int i = 0; i < 12; ++i) {
        if (monthName == QLatin1String(kMonths[i]))
            month = i + 1;
    }
    const qsizetype yearAt = firstSpace + 5;
    const auto year = digits(text, yearAt, 4);
    const auto hour = digits(text, yearAt + 5, 2);
    const auto minute = digits(text, yearAt + 8, 2);
    if (month == 0 || !year || !hour || !minute || text[firstSpace + 4] != QLatin1Char(' ') ||
        text[yearAt + 4] != QLatin1Char(' ') || text[yearAt + 7] != QLatin1Char(':') ||
        text.size() != yearAt + 10 || !validCivil(*year, month, *day, *hour, *minute, 0))
        return std::nullopt;
    return fromCivil(*year, month, *day, *hour, *minute, 0);
}

std::optional<ParsedTime> any(QStringView text) {
    if (const auto seconds = unixSeconds(text))
        return ParsedTime{*seconds, std::nullopt};
    if (const auto parsed = iso(text))
        return parsed;
    if (const auto seconds = lastfm(text))
        return ParsedTime{*seconds, std::nullopt};
    return std::nullopt;
}

qint64 localToUtc(qint64 localSeconds, const QTimeZone& zone) {
    const QDateTime wall = QDateTime::fromSecsSinceEpoch(localSeconds, Qt::UTC);
    return QDateTime(wall.date(), wall.time(), zone).toSecsSinceEpoch();
}

QString describe(qint64 utcSeconds) {
    return QDateTime::fromSecsSinceEpoch(utcSeconds, Qt::UTC)
               .toString(QStringLiteral("yyyy-MM-dd HH:mm")) +
           QStringLiteral(" UTC");
}

}  // namespace encore::timeparse
