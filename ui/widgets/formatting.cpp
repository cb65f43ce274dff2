#include "widgets/formatting.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace encore {

QString Formatting::duration(qint64 ms) {
    if (ms <= 0)
        return QStringLiteral("–");
    return clock(ms);
}

QString Formatting::clock(qint64 ms) {
    const qint64 seconds = qMax<qint64>(0, ms) / 1000;
    const qint64 h = seconds / 3600, m = (seconds / 60) % 60, s = seconds % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QString Formatting::count(qint64 n) {
    return QLocale().toString(n);
}

QString Formatting::when(qint64 unixSeconds) {
    if (unixSeconds <= 0)
        return {};
    const QDateTime at = QDateTime::fromSecsSinceEpoch(unixSeconds).toLocalTime();
    const QDate today = QDate::currentDate();
    const QString time = QLocale().toString(at.time(), QLocale::ShortFormat);
    if (at.date() == today)
        return QCoreApplication::translate("Formatting", "Today %1").arg(time);
    if (at.date() == today.addDays(-1))
        return QCoreApplication::translate("Formatting", "Yesterday %1").arg(time);
    return QLocale().toString(at.date(), QLocale::ShortFormat);
}

QString Formatting::listenTime(qint64 unixSeconds, int utcOffsetMinutes) {
    const QDateTime at =
        QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::OffsetFromUTC, utcOffsetMinutes * 60);
    const QDate day = at.date();
    const QDate today = QDate::currentDate();
    const QString time = QLocale().toString(at.time(), QLocale::ShortFormat);
    if (day == today)
        return QCoreApplication::translate("Formatting", "Today %1").arg(time);
    if (day == today.addDays(-1))
        return QCoreApplication::translate("Formatting", "Yesterday %1").arg(time);
    return QCoreApplication::translate("Formatting", "%1 %2")
        .arg(QLocale().toString(day, QLocale::ShortFormat), time);
}

QString Formatting::songs(qint64 n) {
    return n == 1 ? QCoreApplication::translate("Formatting", "1 song")
                  : QCoreApplication::translate("Formatting", "%1 songs").arg(count(n));
}

}  // namespace encore
