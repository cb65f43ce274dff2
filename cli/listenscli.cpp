#include "listenscli.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace encore::cli {

std::optional<qint64> parseCliTime(const QString& text, bool endOfDay) {
    const QString t = text.trimmed();
    static const QRegularExpression kUnixSeconds(QStringLiteral("^\\d{9,11}$"));
    if (kUnixSeconds.match(t).hasMatch())
        return t.toLongLong();
    const QDate date = QDate::fromString(t, Qt::ISODate);
    if (date.isValid() && t.size() == 10) {
        const QDate day = endOfDay ? date.addDays(1) : date;
        return day.startOfDay(QTimeZone::systemTimeZone()).toSecsSinceEpoch();
    }
    QDateTime time = QDateTime::fromString(t, Qt::ISODate);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime)
        time = QDateTime(time.date(), time.time(), QTimeZone::systemTimeZone());
    return time.toSecsSinceEpoch();
}

bool readTimeOption(CommandContext& c, const QString& option, bool endOfDay,
                    std::optional<qint64>& out, int& exitCode) {
    if (!c.parser.isSet(option))
        return true;
    const QString value = c.parser.value(option);
    out = parseCliTime(value, endOfDay);
    if (out)
        return true;
    exitCode = usageError(c, QStringLiteral("--%1 \"%2\" is not a date: use 2024-05-01, "
                                            "2024-05-01T18:30, 2024-05-01T18:30Z or unix seconds.")
                                 .arg(option, value));
    return false;
}

bool readTrackOption(CommandContext& c, TrackId& out, int& exitCode) {
    if (!c.parser.isSet(QStringLiteral("track")))
        return true;
    bool ok = false;
    out = c.parser.value(QStringLiteral("track")).toLongLong(&ok);
    if (ok && out > 0)
        return true;
    exitCode = usageError(
        c, QStringLiteral("--track needs a track id (see `encore-cli tracks` or `plays --json`)."));
    return false;
}

QString localTimeText(qint64 utcSeconds, int utcOffsetMinutes) {
    return QDateTime::fromSecsSinceEpoch(utcSeconds + qint64(utcOffsetMinutes) * 60, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString minutesSeconds(qint64 ms) {
    const qint64 seconds = qMax<qint64>(0, ms) / 1000;
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace encore::cli
