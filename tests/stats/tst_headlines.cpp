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

// A few months of daily listening: more than any headline's minimum.
Evidence ample() {
    Evidence e;
    e.plays = 5000;
    e.listens = 6000;
    e.known_genre_plays = 5000;
    e.active_days = 200;
    e.span_days = 365;
    return e;
}

// One 20-minute session: five songs one evening.
Evidence oneSession() {
    Evidence e;
    e.plays = 5;
    e.listens = 6;
    e.known_genre_plays = 5;
    e.active_days = 1;
    e.span_days = 1;
    return e;
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
        QCOMPARE(genreShareHeadline(table(), QStringLiteral("on"), ample()),
                 QStringLiteral("Jazz peaks on Wednesdays: 60% of your plays then, against 23% "
                                "overall."));
        GenreShareTable flat = table();
        flat.plays[2] = {95, 5};
        QCOMPARE(genreShareHeadline(flat, QStringLiteral("at"), ample()),
                 QStringLiteral("Your genre mix hardly changes from one hour to the next."));
        GenreShareTable untagged = table();
        untagged.genres = {noGenreName(), QStringLiteral("Jazz")};
        QCOMPARE(genreShareHeadline(untagged, QStringLiteral("in"), ample()),
                 QStringLiteral("Too few genre tags to compare genres."));
    }

    void smallBucketsMakeNoHeadline() {
        GenreShareTable t = table();
        t.plays[2] = {4, 6};  // 10 plays: below the 20 a bucket needs
        t.totals[2] = 10;
        QCOMPARE(genreShareHeadline(t, QStringLiteral("on"), ample()),
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
        QCOMPARE(trendHeadline(t, ample()),
                 QStringLiteral("Rock went from 90% of your plays in January 2024–March 2024 to "
                                "50% in April 2024–June 2024."));
        for (auto& row : t.plays)
            row = {90, 10};
        QCOMPARE(trendHeadline(t, ample()),
                 QStringLiteral("Your genre mix stayed about the same from "
                                "January 2024–March 2024 to April 2024–June "
                                "2024."));
    }

    void heatmapAndWeeks() {
        TimePatterns t;
        QCOMPARE(heatmapHeadline(t, ample()), QStringLiteral("No plays in this period."));
        t.total_plays = 10;
        t.peak_weekday = 4;
        t.peak_daypart = 3;
        QCOMPARE(heatmapHeadline(t, ample()), QStringLiteral("You listen most on Friday nights."));
        t.weeks = {{daysFromCivil(2024, 3, 4), 3}, {daysFromCivil(2024, 3, 11), 1234}};
        t.mean_plays_per_week = 618.5;
        QCOMPARE(weeksHeadline(t, ample()),
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
        d.history_before_period = true;
        QCOMPARE(discoveryHeadline(d, ample()),
                 QStringLiteral("You discover 2.0 new songs a week on average; 40% of the songs "
                                "you played were new to you."));
        // The period holds the first plays ever: every song was new, so no share is claimed.
        d.history_before_period = false;
        QCOMPARE(discoveryHeadline(d, ample()),
                 QStringLiteral("You have found 4 songs since you started listening, about 2.0 "
                                "a week."));
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
        QCOMPARE(skipRatesHeadline(k, ample()),
                 QStringLiteral("You skip 20% of what you start; most at "
                                "07:00 (50%) and in Metal (30%)."));
    }

    // After one session no headline claims a habit: each says what it needs instead.
    void oneSessionClaimsNoHabit() {
        TimePatterns t;
        t.total_plays = 5;
        t.peak_weekday = 1;
        t.peak_daypart = 2;
        t.weeks = {{daysFromCivil(2024, 3, 4), 5}};
        t.mean_plays_per_week = 5;
        const QString rhythm = heatmapHeadline(t, oneSession());
        QVERIFY2(rhythm.startsWith(
                     QStringLiteral("Play for a few more days to see your weekly rhythm.")),
                 qPrintable(rhythm));
        QVERIFY(rhythm.contains(QStringLiteral("So far: 5 plays on 1 day.")));
        QVERIFY(!rhythm.contains(QStringLiteral("Tuesday")));
        QVERIFY(!weeksHeadline(t, oneSession()).contains(QStringLiteral("busiest")));
        QVERIFY(!genreShareHeadline(table(), QStringLiteral("on"), oneSession())
                     .contains(QStringLiteral("peaks")));
        GenrePopularity p;
        p.finding.verdict = Verdict::Clear;
        p.finding.share_explained = 0.3;
        QVERIFY(genrePopularityHeadline(p, oneSession())
                    .startsWith(QStringLiteral("Play for a few more weeks")));
        PopularityFactors f;
        FeatureCorrelation bitrate;
        bitrate.feature = QStringLiteral("Bitrate");
        bitrate.finding.verdict = Verdict::Clear;
        bitrate.finding.direction = 1;
        bitrate.finding.rho = 0.2;
        f.correlations.push_back(bitrate);
        QVERIFY(!factorsHeadline(f, oneSession()).contains(QStringLiteral("bitrate")));
        // With the evidence there, the same numbers make the claim, in words, with no rho.
        QCOMPARE(factorsHeadline(f, ample()),
                 QStringLiteral("Songs with a higher bitrate are the ones you play more."));
        QVERIFY(heatmapHeadline(t, ample()).contains(QStringLiteral("Tuesday evenings")));
    }

    // Unknown genre is not a genre: it is stated as a share of the plays.
    void unknownGenreIsAShare() {
        GenreRanking r;
        r.total_plays = 1000;
        r.known_plays = 120;
        r.unknown_plays = 880;
        GenreRow rock;
        rock.name = QStringLiteral("Rock");
        rock.plays = 90;
        rock.weighted_plays = 90;
        rock.share = 0.75;
        r.rows.push_back(rock);
        QCOMPARE(genreRankingHeadline(r, ample()),
                 QStringLiteral("Rock is your most played genre: 75% of your plays with a known "
                                "genre (genre known for 12% of these plays)."));
        r.known_plays = 10;
        QVERIFY(
            genreRankingHeadline(r, oneSession()).startsWith(QStringLiteral("Play a few more")));
    }
};

QTEST_GUILESS_MAIN(TestHeadlines)
#include "tst_headlines.moc"
