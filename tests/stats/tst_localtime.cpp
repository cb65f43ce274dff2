// Local calendar fields from (UTC seconds, offset) and listening streaks.

#include "stats/math/localtime.h"
#include "stats/math/streaks.h"

#include <QDateTime>
#include <QtTest>

#include <cstdint>
#include <vector>

using namespace encore::stats;

class TestLocalTime : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sameInstantDifferentOffsets_data() {
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("day");
        QTest::addColumn<int>("hour");
        QTest::addColumn<int>("minute");
        QTest::addColumn<int>("weekday");
        // 1700000000 = 2023-11-14 22:13:20 UTC, a Tuesday (Python datetime.fromtimestamp).
        QTest::newRow("UTC") << 0 << 14 << 22 << 13 << 1;
        QTest::newRow("CEST +02:00: past midnight, Wednesday") << 120 << 15 << 0 << 13 << 2;
        QTest::newRow("EST -05:00") << -300 << 14 << 17 << 13 << 1;
        QTest::newRow("IST +05:30") << 330 << 15 << 3 << 43 << 2;
    }

    void sameInstantDifferentOffsets() {
        QFETCH(int, offset);
        QFETCH(int, day);
        QFETCH(int, hour);
        QFETCH(int, minute);
        QFETCH(int, weekday);
        const LocalTime t = toLocalTime(1700000000, offset);
        QCOMPARE(t.year, 2023);
        QCOMPARE(t.month, 11);
        QCOMPARE(t.day, day);
        QCOMPARE(t.hour, hour);
        QCOMPARE(t.minute, minute);
        QCOMPARE(t.weekday, weekday);
        QCOMPARE(t.iso_year, 2023);
        QCOMPARE(t.iso_week, 46);
        QCOMPARE(t.day_number, localDayNumber(1700000000, offset));
    }

    void epochAndBefore() {
        const LocalTime epoch = toLocalTime(0, 0);
        QCOMPARE(epoch.day_number, std::int64_t{0});
        QCOMPARE(epoch.year, 1970);
        QCOMPARE(epoch.weekday, 3);  // Thursday
        QCOMPARE(epoch.iso_week, 1);
        const LocalTime before = toLocalTime(-1, 0);  // 1969-12-31 23:59:59, a Wednesday
        QCOMPARE(before.day_number, std::int64_t{-1});
        QCOMPARE(before.year, 1969);
        QCOMPARE(before.month, 12);
        QCOMPARE(before.day, 31);
        QCOMPARE(before.hour, 23);
        QCOMPARE(before.minute, 59);
        QCOMPARE(before.weekday, 2);
        QCOMPARE(localDayNumber(-1, 0), std::int64_t{-1});
        QCOMPARE(localDayNumber(-86400, 0), std::int64_t{-1});
        QCOMPARE(localDayNumber(-86401, 0), std::int64_t{-2});
    }

    void offsetCrossesTheYear() {
        // 2023-12-31 23:30 UTC (1704065400) is 2024-01-01 00:30 in UTC+1, a Monday: ISO week 1.
        const LocalTime t = toLocalTime(1704065400, 60);
        QCOMPARE(t.year, 2024);
        QCOMPARE(t.month, 1);
        QCOMPARE(t.day, 1);
        QCOMPARE(t.hour, 0);
        QCOMPARE(t.weekday, 0);
        QCOMPARE(t.iso_year, 2024);
        QCOMPARE(t.iso_week, 1);
        const LocalTime utc = toLocalTime(1704065400, 0);
        QCOMPARE(utc.year, 2023);
        QCOMPARE(utc.iso_week, 52);
    }

    void isoWeeks_data() {
        QTest::addColumn<int>("year");
        QTest::addColumn<int>("month");
        QTest::addColumn<int>("day");
        QTest::addColumn<int>("isoYear");
        QTest::addColumn<int>("isoWeek");
        QTest::addColumn<int>("weekday");
        // ISO 8601: week 1 holds the year's first Thursday.
        QTest::newRow("2021-01-03 Sunday belongs to 2020 W53") << 2021 << 1 << 3 << 2020 << 53 << 6;
        QTest::newRow("2021-01-04 Monday starts 2021 W01") << 2021 << 1 << 4 << 2021 << 1 << 0;
        QTest::newRow("2024-12-30 Monday is 2025 W01") << 2024 << 12 << 30 << 2025 << 1 << 0;
        QTest::newRow("2026-01-01 Thursday is 2026 W01") << 2026 << 1 << 1 << 2026 << 1 << 3;
        QTest::newRow("2024-02-29 leap day") << 2024 << 2 << 29 << 2024 << 9 << 3;
        QTest::newRow("2015-12-31 Thursday is 2015 W53") << 2015 << 12 << 31 << 2015 << 53 << 3;
    }

    void isoWeeks() {
        QFETCH(int, year);
        QFETCH(int, month);
        QFETCH(int, day);
        QFETCH(int, isoYear);
        QFETCH(int, isoWeek);
        QFETCH(int, weekday);
        const std::int64_t d = daysFromCivil(year, month, day);
        const LocalTime t = toLocalTime(d * 86400 + 12 * 3600, 0);
        QCOMPARE(t.year, year);
        QCOMPARE(t.month, month);
        QCOMPARE(t.day, day);
        QCOMPARE(t.iso_year, isoYear);
        QCOMPARE(t.iso_week, isoWeek);
        QCOMPARE(t.weekday, weekday);
        QCOMPARE(weekdayOfDay(d), weekday);
        QCOMPARE(weekdayOfDay(isoWeekStart(d)), 0);
        QVERIFY(d - isoWeekStart(d) == weekday);
    }

    void agreesWithQDateTime() {
        // An independent implementation: Qt's calendar with a fixed UTC offset. Instants from
        // 1901 to 2100 in steps that hit every hour, weekday and offset sign.
        const int offsets[] = {0, 60, -300, 330, 545, -720, 840, -570};
        int checked = 0;
        for (std::int64_t s = -2200000000LL; s < 4100000000LL; s += 7777777) {
            for (int offset : offsets) {
                const LocalTime t = toLocalTime(s, offset);
                const QDateTime q =
                    QDateTime::fromSecsSinceEpoch(s, Qt::OffsetFromUTC, offset * 60);
                int qt_iso_year = 0;
                const int qt_iso_week = q.date().weekNumber(&qt_iso_year);
                const bool same = t.year == q.date().year() && t.month == q.date().month() &&
                                  t.day == q.date().day() && t.hour == q.time().hour() &&
                                  t.minute == q.time().minute() &&
                                  t.weekday == q.date().dayOfWeek() - 1 &&
                                  t.iso_week == qt_iso_week && t.iso_year == qt_iso_year;
                QVERIFY2(same, qPrintable(QStringLiteral("%1 at offset %2: Qt says %3")
                                              .arg(s)
                                              .arg(offset)
                                              .arg(q.toString(Qt::ISODate))));
                ++checked;
            }
        }
        QVERIFY(checked > 6000);
    }

    void civilRoundTrip() {
        for (std::int64_t d = -800000; d <= 800000; d += 37) {
            const CivilDate c = civilFromDays(d);
            QVERIFY(c.month >= 1 && c.month <= 12 && c.day >= 1 && c.day <= 31);
            if (daysFromCivil(c.year, c.month, c.day) != d)
                QFAIL(qPrintable(QStringLiteral("day %1 does not round-trip").arg(d)));
        }
        QCOMPARE(daysFromCivil(2000, 3, 1) - daysFromCivil(2000, 2, 28), std::int64_t{2});  // leap
        QCOMPARE(daysFromCivil(1900, 3, 1) - daysFromCivil(1900, 2, 28), std::int64_t{1});  // not
    }

    void streaks() {
        // Runs: 10-12 (3), 15 (1), 20-23 (4), 25 (1). Unsorted, with duplicates.
        const std::vector<std::int64_t> days{22, 10, 11, 25, 12, 12, 15, 20, 21, 23, 20, 25};
        const Streaks s = listeningStreaks(days, 26);
        QCOMPARE(s.longest, 4);
        QCOMPARE(s.longest_first_day, std::int64_t{20});
        QCOMPARE(s.longest_last_day, std::int64_t{23});
        QCOMPARE(s.active_days, 9);
        // Nothing yet today (26), but yesterday counts: the streak is still alive.
        QCOMPARE(s.current, 1);
        QCOMPARE(s.current_first_day, std::int64_t{25});
        QCOMPARE(listeningStreaks(days, 25).current, 1);
        QCOMPARE(listeningStreaks(days, 27).current, 0);  // a whole day without listening
        // Seen from day 22, the run 20-23 is alive up to today: 3 days so far.
        const Streaks mid = listeningStreaks(days, 22);
        QCOMPARE(mid.current, 3);
        QCOMPARE(mid.current_first_day, std::int64_t{20});
        QCOMPARE(mid.longest, 4);  // a later day (clock skew) still counts for the longest
    }

    void streakEdges() {
        const Streaks none = listeningStreaks({}, 100);
        QCOMPARE(none.longest, 0);
        QCOMPARE(none.current, 0);
        QCOMPARE(none.active_days, 0);
        const Streaks one = listeningStreaks({100, 100, 100}, 100);
        QCOMPARE(one.longest, 1);
        QCOMPARE(one.current, 1);
        QCOMPARE(one.active_days, 1);
        // Two runs of equal length: the earliest is reported.
        const Streaks tie = listeningStreaks({1, 2, 5, 6}, 50);
        QCOMPARE(tie.longest, 2);
        QCOMPARE(tie.longest_first_day, std::int64_t{1});
        QCOMPARE(tie.current, 0);
        // Negative day numbers (before 1970) work the same.
        const Streaks old = listeningStreaks({-3, -2, -1, 0}, 0);
        QCOMPARE(old.longest, 4);
        QCOMPARE(old.current, 4);
        QCOMPARE(old.current_first_day, std::int64_t{-3});
    }

    void streaksFromInstantsUseLocalDays() {
        // 23:30 UTC on two consecutive days: in UTC-2 both are 21:30, two consecutive days;
        // at UTC+1 they are 00:30 on the next two days. Same instants, same run length, but
        // the plays at 00:30 and 23:30 UTC on one day fall on two local days east of UTC.
        const std::int64_t day = 19700;
        const std::vector<std::int64_t> instants{day * 86400 + 1800, day * 86400 + 84600};
        std::vector<std::int64_t> utc_days;
        std::vector<std::int64_t> east_days;
        for (std::int64_t s : instants) {
            utc_days.push_back(localDayNumber(s, 0));
            east_days.push_back(localDayNumber(s, 60));
        }
        QCOMPARE(listeningStreaks(utc_days, day).longest, 1);
        QCOMPARE(listeningStreaks(east_days, day + 1).longest, 2);
    }
};

QTEST_GUILESS_MAIN(TestLocalTime)
#include "tst_localtime.moc"
