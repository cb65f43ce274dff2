// Chart titles state the answer, and never more than the numbers support.
#include "stats/load/catalogue.h"
#include "stats/math/localtime.h"
#include "stats/summary/headlines.h"

#include <QtTest>

using namespace encore::stats;

namespace {

// Two genres over three buckets: Jazz is 10% overall but 60% of bucket 2.
GenreShareTable table() {
    GenreShareTable t;
    t.genres = {QStringLiteral("Rock"), QStringLiteral("Jazz")};
    t.buckets = {QStringLiteral("Monday"), QStringLiteral("Tuesday"), QStringLiteral("Wednesday")};
    t.bucket_keys = {0, 1, 2};
    t.plays = {{95, 5}, {95, 5}, {40, 60}};
    t.totals = {100, 100, 100};
    return t;
}

}  // namespace

class TestHeadlines : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void calendarWords() {
        QCOMPARE(weekdayName(6), QStringLiteral("Sunday"));
        QCOMPARE(monthName(12), QStringLiteral("December"));
        QCOMPARE(hourText(7), QStringLiteral("07:00"));
        QCOMPARE(dayText(daysFromCivil(2024, 3, 4)), QStringLiteral("4 March 2024"));
        QCOMPARE(monthText(2024 * 12 + 2), QStringLiteral("March 2024"));
        QCOMPARE(durationText(59 * 60000), QStringLiteral("59 min"));
        QCOMPARE(durationText(125 * 60000), QStringLiteral("2 h 5 min"));
    }

    void genreShareNamesTheBiggestLift() {
        // Overall Jazz = 70 / 300 = 23%; on Wednesday 60%: the largest rise over its average.
        QCOMPARE(genreShareHeadline(table(), QStringLiteral("on")),
                 QStringLiteral("Jazz peaks on Wednesdays: 60% of your plays then, against 23% "
                                "overall."));
        GenreShareTable flat = table();
        flat.plays[2] = {95, 5};
        QCOMPARE(genreShareHeadline(flat, QStringLiteral("at")),
                 QStringLiteral("Your genre mix hardly changes from one hour to the next."));
        GenreShareTable untagged = table();
        untagged.genres = {noGenreName(), QStringLiteral("Jazz")};
        QCOMPARE(genreShareHeadline(untagged, QStringLiteral("in")),
                 QStringLiteral("Too few genre tags to compare genres."));
    }

    void smallBucketsMakeNoHeadline() {
        GenreShareTable t = table();
        t.plays[2] = {4, 6};  // 10 plays: below the 20 a bucket needs
        t.totals[2] = 10;
        QCOMPARE(genreShareHeadline(t, QStringLiteral("on")),
                 QStringLiteral("Your genre mix hardly changes from one weekday to the next."));
    }

    void trendComparesTheEnds() {
        GenreShareTable t;
        t.genres = {QStringLiteral("Rock"), QStringLiteral("Jazz")};
        for (int m = 0; m < 6; ++m) {
            t.buckets.append(QString::number(m));
            t.bucket_keys.push_back(2024 * 12 + m);
            const double jazz = m < 3 ? 10 : 50;
            t.plays.push_back({100 - jazz, jazz});
            t.totals.push_back(100);
        }
        // Rock falls as much as Jazz rises: the first of equal changes is named.
        QCOMPARE(trendHeadline(t),
                 QStringLiteral("Rock went from 90% of your plays in January 2024–March 2024 to "
                                "50% in April 2024–June 2024."));
        for (auto& row : t.plays)
            row = {90, 10};
        QCOMPARE(trendHeadline(t), QStringLiteral("Your genre mix stayed about the same from "
                                                  "January 2024–March 2024 to April 2024–June "
                                                  "2024."));
    }

    void heatmapAndWeeks() {
        TimePatterns t;
        QCOMPARE(heatmapHeadline(t), QStringLiteral("No plays in this period."));
        t.total_plays = 10;
        t.peak_weekday = 4;
        t.peak_daypart = 3;
        QCOMPARE(heatmapHeadline(t), QStringLiteral("You listen most on Friday nights."));
        t.weeks = {{daysFromCivil(2024, 3, 4), 3}, {daysFromCivil(2024, 3, 11), 1234}};
        t.mean_plays_per_week = 618.5;
        QCOMPARE(weeksHeadline(t),
                 QStringLiteral("You play 619 songs a week on average; your "
                                "busiest week began 11 March 2024 (1,234 plays)."));
    }

    void streaksDiscoveryForgottenSkips() {
        StreakSummary s;
        s.streaks.longest = 3;
        s.streaks.longest_first_day = daysFromCivil(2024, 1, 1);
        s.streaks.longest_last_day = daysFromCivil(2024, 1, 3);
        s.streaks.current = 1;
        QCOMPARE(streaksHeadline(s), QStringLiteral("Your longest streak is 3 days in a row (1 "
                                                    "January 2024 to 3 January 2024); you are on a "
                                                    "1 day streak now."));
        Discovery d;
        d.distinct_tracks = 10;
        d.new_tracks = 4;
        d.mean_per_week = 2.0;
        d.new_share = 0.4;
        QCOMPARE(discoveryHeadline(d), QStringLiteral("You discover 2.0 new songs a week on "
                                                      "average; 40% of the songs you played were "
                                                      "new to you."));
        ForgottenFavourites f;
        f.total = 1;
        QCOMPARE(forgottenHeadline(f),
                 QStringLiteral("1 song you played often has not been played in 90 days."));
        SkipRates k;
        k.listens = 100;
        k.rate = 0.2;
        k.by_hour = {{QStringLiteral("07:00"), 30, 15, 0.5, true},
                     {QStringLiteral("08:00"), 5, 5, 1.0, false}};  // too few to name
        k.by_genre = {{QStringLiteral("Metal"), 40, 12, 0.3, true}};
        QCOMPARE(skipRatesHeadline(k), QStringLiteral("You skip 20% of what you start; most at "
                                                      "07:00 (50%) and in Metal (30%)."));
    }
};

QTEST_GUILESS_MAIN(TestHeadlines)
#include "tst_headlines.moc"
