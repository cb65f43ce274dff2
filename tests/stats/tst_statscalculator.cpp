// Every dashboard statistic on a small log whose values are worked out by hand below.
//
// Profile A, week of Monday 2024-03-04 (times UTC, local = UTC + offset):
//   p1 t1 Mon 10:00 +60  -> Mon 11:00  finished 180 s      t1 "One"   Alpha / First   Rock
//   p2 t1 Mon 20:00 +60  -> Mon 21:00  finished 180 s      t2 "Two"   Alpha / First   Rock; Jazz
//   p3 t2 Tue 22:30 +120 -> Wed 00:30  finished 240 s      t3 "Three" Beta / Second   Jazz
//   p4 t3 Wed 08:00 -300 -> Wed 03:00  skipped   20 s      t4 "Four"  Gamma (never played)
//   p5 t3 Sun 18:00 +0   -> Sun 18:00  finished 300 s      e5 "Outside" Delta, external,
//   p6 e5 Sun 19:00 +0   -> Sun 19:00  finished 200 s         no genre
//   p7 t2 Mon 03-11 09:00 +0           stopped    3 s
// Profile B: q1 t1 Tue 03-05 12:00 +0 finished 180 s.
#include "statsfixture.h"
#include "statstestsupport.h"

#include "stats/load/statsdataloader.h"
#include "stats/math/localtime.h"
#include "stats/statscalculator.h"

#include <QtTest>

#include <numeric>

using namespace encore;
using namespace encore::stats;
using encore::test::FixturePlay;
using encore::test::FixtureTrack;
using encore::test::utc;

namespace {

const GenreRow* genreRow(const GenreRanking& r, const QString& name) {
    for (const GenreRow& g : r.rows) {
        if (g.name == name)
            return &g;
    }
    return nullptr;
}

const FeatureCorrelation* correlation(const PopularityFactors& f, const QString& key) {
    for (const FeatureCorrelation& c : f.correlations) {
        if (c.key == key)
            return &c;
    }
    return nullptr;
}

double sum(const std::vector<double>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0);
}

}  // namespace

class TestStatsCalculator : public QObject {
    Q_OBJECT

    test::TempDatabase temp_;
    std::unique_ptr<ScopedConnection> connection_;
    std::unique_ptr<StatsDataLoader> loader_;
    qint64 a_ = 0;
    qint64 b_ = 0;
    qint64 t1_ = 0, t2_ = 0, t3_ = 0, t4_ = 0, e5_ = 0;

    StatsQuery queryA() const {
        StatsQuery q;
        q.profile_id = a_;
        q.now_seconds = utc(2024, 3, 11, 12);
        q.options.min_genre_tracks = 1;
        return q;
    }

    StatsReport report(const StatsQuery& q) const { return computeStats(loader_->data(), q); }

private Q_SLOTS:
    void initTestCase() {
        connection_ = std::make_unique<ScopedConnection>(temp_.database, QStringLiteral("test"));
        QVERIFY(connection_->ok());
        test::StatsFixture f(connection_->db());
        a_ = f.profile(QStringLiteral("A"));
        b_ = f.profile(QStringLiteral("B"));
        t1_ = f.track({QStringLiteral("One"),
                       QStringLiteral("Alpha"),
                       QStringLiteral("First"),
                       {QStringLiteral("Rock")},
                       180000,
                       1995,
                       320});
        t2_ = f.track({QStringLiteral("Two"),
                       QStringLiteral("Alpha"),
                       QStringLiteral("First"),
                       {QStringLiteral("Rock"), QStringLiteral("Jazz")},
                       240000,
                       2005,
                       256});
        t3_ = f.track({QStringLiteral("Three"),
                       QStringLiteral("Beta"),
                       QStringLiteral("Second"),
                       {QStringLiteral("Jazz")},
                       300000,
                       2015,
                       900});
        t4_ = f.track({QStringLiteral("Four"), QStringLiteral("Gamma"), QString(), {}, 200000});
        FixtureTrack outside{
            QStringLiteral("Outside"), QStringLiteral("Delta"), QString(), {}, 200000};
        outside.library = false;
        e5_ = f.track(outside);
        const QString fin = QStringLiteral("finished");
        f.play({a_, t1_, utc(2024, 3, 4, 10), 60, fin, 180000});
        f.play({a_, t1_, utc(2024, 3, 4, 20), 60, fin, 180000});
        f.play({a_, t2_, utc(2024, 3, 5, 22, 30), 120, fin, 240000});
        f.play({a_, t3_, utc(2024, 3, 6, 8), -300, QStringLiteral("skipped"), 20000});
        f.play({a_, t3_, utc(2024, 3, 10, 18), 0, fin, 300000});
        f.play({a_, e5_, utc(2024, 3, 10, 19), 0, fin, 200000});
        f.play({a_, t2_, utc(2024, 3, 11, 9), 0, QStringLiteral("stopped"), 3000});
        f.play({b_, t1_, utc(2024, 3, 5, 12), 0, fin, 180000});
        loader_ = std::make_unique<StatsDataLoader>(temp_.database);
        QVERIFY(loader_->refresh(connection_->db()).ok());
        QCOMPARE(loader_->data().plays.size(), std::size_t{8});
    }

    void cleanupTestCase() {
        loader_.reset();
        connection_.reset();
    }

    void everyPartIsComputedInOrder() {
        std::vector<StatsPart> parts;
        const StatsReport r =
            computeStats(loader_->data(), queryA(), [&](StatsPart p, const StatsReport& soFar) {
                QVERIFY(soFar.has(p));
                parts.push_back(p);
            });
        QVERIFY(r.complete());
        QCOMPARE(int(parts.size()), kStatsPartCount);
        for (int i = 0; i < kStatsPartCount; ++i)
            QCOMPARE(parts[i], StatsPart(i));
    }

    void overviewCountsListensPlaysAndSkips() {
        const Overview o = report(queryA()).overview;
        QCOMPARE(o.profile, QStringLiteral("A"));
        QCOMPARE(o.listens, qint64(7));
        QCOMPARE(o.plays, qint64(5));
        QCOMPARE(o.skips, qint64(1));
        QCOMPARE(o.listening_ms, qint64(2 * 180000 + 240000 + 20000 + 300000 + 200000 + 3000));
        QCOMPARE(o.distinct_tracks, qint64(4));   // t1 t2 t3 e5
        QCOMPARE(o.distinct_artists, qint64(3));  // Alpha Beta Delta
        QCOMPARE(o.external_plays, qint64(1));    // p6
        QCOMPARE(o.library_tracks, qint64(4));
        QCOMPARE(o.first_listen, utc(2024, 3, 4, 10));
        QCOMPARE(o.last_listen, utc(2024, 3, 11, 9));
    }

    void everyProfileTogether() {
        StatsQuery q = queryA();
        q.profile_id = 0;
        const Overview o = report(q).overview;
        QCOMPARE(o.listens, qint64(8));
        QCOMPARE(o.plays, qint64(6));
        QCOMPARE(o.profile, QStringLiteral("every profile"));
    }

    void activeProfileIsResolved() {
        StatsQuery q = queryA();
        q.profile_id = kActiveProfile;  // "default", created active by the migration
        const Overview o = report(q).overview;
        QCOMPARE(o.profile, QStringLiteral("default"));
        QVERIFY(o.profile_id > 0);
        QCOMPARE(o.listens, qint64(0));
    }

    void periodIsHalfOpen() {
        StatsQuery q = queryA();
        q.since = utc(2024, 3, 4, 20);   // p2 is in, p1 out
        q.until = utc(2024, 3, 10, 19);  // p6 is out
        const Overview o = report(q).overview;
        QCOMPARE(o.listens, qint64(4));  // p2 p3 p4 p5
        QCOMPARE(o.plays, qint64(3));
    }

    void genresCountMultiGenreTracksForEach() {
        const GenreRanking r = report(queryA()).genres;
        QCOMPARE(r.total_plays, qint64(5));
        // Unknown genre is not a genre: the untagged e5 is a share, not a row.
        QCOMPARE(int(r.rows.size()), 2);
        QCOMPARE(r.rows[0].name, QStringLiteral("Rock"));
        QCOMPARE(r.rows[1].name, QStringLiteral("Jazz"));
        QVERIFY(!genreRow(r, noGenreName()));
        QCOMPARE(r.known_plays, std::int64_t(4));
        QCOMPARE(r.unknown_plays, std::int64_t(1));
        QCOMPARE(r.inferred_plays, std::int64_t(0));
        QCOMPARE(r.knownShare(), 0.8);
        const GenreRow* rock = genreRow(r, QStringLiteral("Rock"));
        const GenreRow* jazz = genreRow(r, QStringLiteral("Jazz"));
        // In full: Rock = t1 (2) + t2 (1); Jazz = t2 (1) + t3 (1).
        QCOMPARE(rock->plays, std::int64_t(3));
        QCOMPARE(jazz->plays, std::int64_t(2));
        // Split: t2's play is half Rock, half Jazz; shares are of the 4 plays with a genre.
        QCOMPARE(rock->weighted_plays, 2.5);
        QCOMPARE(jazz->weighted_plays, 1.5);
        QCOMPARE(rock->share, 0.625);
        QCOMPARE(jazz->share, 0.375);
        QCOMPARE(jazz->distinct_tracks, std::int64_t(2));
        QCOMPARE(rock->rank_by_time, 1);
        QCOMPARE(jazz->rank_by_time, 2);
        // Four plays with a genre are below the 20 the headline needs.
        QVERIFY2(r.headline.startsWith(QStringLiteral("Play a few more songs with genre tags")),
                 qPrintable(r.headline));
    }

    void heatmapUsesEachListensOwnOffset() {
        const TimePatterns t = report(queryA()).time;
        QCOMPARE(t.total_plays, std::int64_t(5));
        QCOMPARE(t.heatmap[0][11], std::int64_t(1));  // p1: 10:00 UTC + 1 h
        QCOMPARE(t.heatmap[0][21], std::int64_t(1));  // p2
        QCOMPARE(t.heatmap[2][0], std::int64_t(1));   // p3: Tuesday 22:30 UTC is Wednesday 00:30
        QCOMPARE(t.heatmap[6][18], std::int64_t(1));
        QCOMPARE(t.heatmap[6][19], std::int64_t(1));
        std::int64_t cells = 0;
        for (const auto& row : t.heatmap)
            cells += std::accumulate(row.begin(), row.end(), std::int64_t{0});
        QCOMPARE(cells, std::int64_t(5));
        QCOMPARE(t.peak_weekday, 6);  // two plays on Sunday evening
        QCOMPARE(t.peak_daypart, 2);
        // Five plays on three days: too little for a weekly rhythm.
        QVERIFY2(t.heatmap_headline.startsWith(
                     QStringLiteral("Play for a few more days to see your weekly rhythm.")),
                 qPrintable(t.heatmap_headline));
    }

    // A Spotify export has no genres: an imported listen takes the genre most of its artist's
    // library songs carry (artists matched case-blind), marked as inferred.
    void importedListensTakeTheirArtistsGenre() {
        ScopedConnection writer(temp_.database, QStringLiteral("writer"));
        test::StatsFixture f(writer.db());
        const qint64 d = f.profile(QStringLiteral("D"));
        FixtureTrack imported{QStringLiteral("Imported"), QStringLiteral("ALPHA"), QString(), {}};
        imported.library = false;
        FixtureTrack stranger{QStringLiteral("Stranger"), QStringLiteral("Nobody"), QString(), {}};
        stranger.library = false;
        const qint64 i = f.track(imported);
        const qint64 n = f.track(stranger);
        f.play({d, i, utc(2024, 3, 4, 10), 0, QStringLiteral("finished"), 200000});
        f.play({d, n, utc(2024, 3, 4, 11), 0, QStringLiteral("finished"), 200000});
        QVERIFY(loader_->refresh(connection_->db()).ok());
        StatsQuery q = queryA();
        q.profile_id = d;
        const GenreRanking r = report(q).genres;
        // Alpha's library songs: t1 Rock, t2 Rock + Jazz, so Rock; Nobody has none to lend.
        QCOMPARE(int(r.rows.size()), 1);
        QCOMPARE(r.rows[0].name, QStringLiteral("Rock"));
        QCOMPARE(r.rows[0].plays, std::int64_t(1));
        QCOMPARE(r.known_plays, std::int64_t(1));
        QCOMPARE(r.inferred_plays, std::int64_t(1));
        QCOMPARE(r.unknown_plays, std::int64_t(1));
        // e5 (Delta, external) has no library songs of its artist: still unknown for A.
        QCOMPARE(report(queryA()).genres.inferred_plays, std::int64_t(0));
        f.exec(QStringLiteral("DELETE FROM profiles WHERE name = 'D'"));
        f.exec(QStringLiteral("DELETE FROM tracks WHERE id IN (%1, %2)").arg(i).arg(n));
        QVERIFY(loader_->refresh(connection_->db()).ok());
    }

    void sameInstantsWithOtherOffsetsLandInOtherHours() {
        // Profile C listens at the very UTC instants of p1 and p2, but five hours behind UTC.
        ScopedConnection writer(temp_.database, QStringLiteral("writer"));
        test::StatsFixture f(writer.db());
        const qint64 c = f.profile(QStringLiteral("C"));
        f.play({c, t1_, utc(2024, 3, 4, 10), -300, QStringLiteral("finished"), 180000});
        f.play({c, t1_, utc(2024, 3, 4, 20), -300, QStringLiteral("finished"), 180000});
        QVERIFY(loader_->refresh(connection_->db()).ok());
        StatsQuery q = queryA();
        q.profile_id = c;
        const TimePatterns t = report(q).time;
        QCOMPARE(t.heatmap[0][5], std::int64_t(1));   // 10:00 UTC - 5 h
        QCOMPARE(t.heatmap[0][15], std::int64_t(1));  // 20:00 UTC - 5 h
        QCOMPARE(t.heatmap[0][11], std::int64_t(0));
        QCOMPARE(report(queryA()).time.heatmap[0][11], std::int64_t(1));  // A unchanged
        f.exec(QStringLiteral("DELETE FROM profiles WHERE name = 'C'"));
        QVERIFY(loader_->refresh(connection_->db()).ok());
        QCOMPARE(loader_->data().plays.size(), std::size_t{8});
    }

    void genreSharesByTimeSplitMultiGenrePlays() {
        const TimePatterns t = report(queryA()).time;
        QCOMPARE(t.by_hour.genres, QStringList({QStringLiteral("Rock"), QStringLiteral("Jazz")}));
        QCOMPARE(t.by_hour.plays[0][0], 0.5);  // p3 at 00:xx: half Rock, half Jazz
        QCOMPARE(t.by_hour.plays[0][1], 0.5);
        QCOMPARE(t.by_hour.plays[11][0], 1.0);
        QCOMPARE(t.by_hour.plays[18][1], 1.0);
        QCOMPARE(t.by_hour.totals[19], 0.0);  // the untagged e5 is left out
        QCOMPARE(sum(t.by_hour.totals), 4.0);
        QCOMPARE(t.by_hour.known_share, 0.8);
        QCOMPARE(t.by_weekday.totals[0], 2.0);  // Monday: p1 p2
        QCOMPARE(t.by_weekday.totals[2], 1.0);  // Wednesday (local): p3
        QCOMPARE(t.by_weekday.totals[6], 1.0);  // Sunday: the tagged one of two
        QCOMPARE(t.by_month.totals[2], 4.0);    // March
        QCOMPARE(int(t.trend.totals.size()), 1);
        QCOMPARE(t.trend.buckets.front(), QStringLiteral("2024-03"));
        QCOMPARE(t.trend.share(0, 0), 0.625);  // Rock: 2.5 of the 4 plays with a genre
        QVERIFY(t.trend.headline.startsWith(QStringLiteral("Keep listening for three months")));
    }

    void chartGenresPoolTheRestAsOther() {
        StatsQuery q = queryA();
        q.options.chart_genres = 1;
        const GenreShareTable t = report(q).time.by_hour;
        QCOMPARE(t.genres, QStringList({QStringLiteral("Rock"), QStringLiteral("other")}));
        QCOMPARE(t.plays[0][1], 0.5);   // Jazz's half of p3
        QCOMPARE(t.plays[19][1], 0.0);  // the untagged e5: no genre, so in no column
    }

    void playsPerWeek() {
        const TimePatterns t = report(queryA()).time;
        QCOMPARE(int(t.weeks.size()), 1);  // p7 (next Monday) is no play
        QCOMPARE(t.weeks[0].week_start_day, daysFromCivil(2024, 3, 4));
        QCOMPARE(t.weeks[0].plays, std::int64_t(5));
        QCOMPARE(t.mean_plays_per_week, 5.0);
    }

    void topListsBreakTiesByListeningTime() {
        const TopLists top = report(queryA()).top;
        QCOMPARE(int(top.artists.size()), 3);
        QCOMPARE(top.artists[0].name, QStringLiteral("Alpha"));
        QCOMPARE(top.artists[0].plays, std::int64_t(3));
        QCOMPARE(top.artists[1].name, QStringLiteral("Beta"));  // 1 play, 320 s beats Delta's 200 s
        QCOMPARE(top.artists[2].name, QStringLiteral("Delta"));
        QCOMPARE(int(top.albums.size()), 2);
        QCOMPARE(top.albums[0].name, QStringLiteral("First"));
        QCOMPARE(top.albums[0].artist, QStringLiteral("Alpha"));
        QCOMPARE(top.albums[0].plays, std::int64_t(3));
        QCOMPARE(int(top.tracks.size()), 4);
        QCOMPARE(top.tracks[0].track_id, t1_);
        QCOMPARE(top.tracks[1].track_id, t3_);  // 1 play, 320 s
        QCOMPARE(top.tracks[2].track_id, t2_);  // 1 play, 243 s
        QCOMPARE(top.tracks[3].name, QStringLiteral("Outside"));
        StatsQuery q = queryA();
        q.options.top_count = 1;
        QCOMPARE(int(report(q).top.tracks.size()), 1);
    }

    void streaksCountLocalDays() {
        const StreakSummary s = report(queryA()).streaks;
        // Play days (local): Mon 03-04, Wed 03-06, Sun 03-10. Today is Mon 03-11 (offset of
        // p7, the newest listen): the run ending yesterday is alive.
        QCOMPARE(s.today, daysFromCivil(2024, 3, 11));
        QCOMPARE(s.streaks.longest, 1);
        QCOMPARE(s.streaks.active_days, 3);
        QCOMPARE(s.streaks.current, 1);
        QCOMPARE(s.streaks.current_first_day, daysFromCivil(2024, 3, 10));
    }

    void discoveryCountsFirstPlaysEver() {
        QCOMPARE(report(queryA()).discovery.new_tracks, std::int64_t(4));
        StatsQuery q = queryA();
        q.since = utc(2024, 3, 6, 0);
        const Discovery d = report(q).discovery;
        // In the period: p5 (t3: its first play, the earlier p4 was a skip) and p6 (e5).
        QCOMPARE(d.distinct_tracks, std::int64_t(2));
        QCOMPARE(d.new_tracks, std::int64_t(2));
        QCOMPARE(d.new_share, 1.0);
        q.since = utc(2024, 3, 4, 15);  // t1 played before: p2 is no discovery
        const Discovery later = report(q).discovery;
        QCOMPARE(later.distinct_tracks, std::int64_t(4));
        QCOMPARE(later.new_tracks, std::int64_t(3));
        QCOMPARE(later.weeks.front().new_tracks, std::int64_t(3));
    }

    void forgottenFavouritesAreRelativeToNow() {
        StatsQuery q = queryA();
        q.options.forgotten_min_plays = 2;
        QCOMPARE(report(q).forgotten.total, std::int64_t(0));
        q.now_seconds = utc(2024, 7, 1, 0);  // 118 days and 4 hours after p2
        const ForgottenFavourites f = report(q).forgotten;
        QCOMPARE(f.total, std::int64_t(1));
        QCOMPARE(f.tracks.front().track_id, t1_);
        QCOMPARE(f.tracks.front().plays, std::int64_t(2));
        QCOMPARE(f.tracks.front().last_played, utc(2024, 3, 4, 20));
        QCOMPARE(f.tracks.front().days_since, std::int64_t(118));
        q.since = utc(2024, 3, 5, 0);  // the period does not matter
        QCOMPARE(report(q).forgotten.total, std::int64_t(1));
    }

    void skipRatesByHourAndGenre() {
        StatsQuery q = queryA();
        q.options.min_skip_listens = 2;
        const SkipRates s = report(q).skips;
        QCOMPARE(s.listens, 7.0);
        QCOMPARE(s.skips, 1.0);
        QCOMPARE(s.by_hour[3].listens, 1.0);  // p4 at 03:00 local
        QCOMPARE(s.by_hour[3].rate, 1.0);
        QVERIFY(!s.by_hour[3].enough);
        // Weighted listens: Rock p1 p2 + half p3 + half p7 = 3; Jazz half p3 + p4 + p5 + half p7.
        const auto jazz = std::find_if(s.by_genre.begin(), s.by_genre.end(),
                                       [](const SkipRateRow& r) { return r.label == "Jazz"; });
        QVERIFY(jazz != s.by_genre.end());
        QCOMPARE(jazz->listens, 3.0);
        QCOMPARE(jazz->skips, 1.0);
        ENCORE_COMPARE_NEAR(jazz->rate, 1.0 / 3.0, 1e-12, 0.0);
        QVERIFY(jazz->enough);
        double listens = 0.0;
        for (const SkipRateRow& r : s.by_genre)
            listens += r.listens;
        QCOMPARE(listens, 6.0);  // the untagged e5 is in no genre's row
    }

    void genreVsPopularityOverTheLibrary() {
        const GenrePopularity p = report(queryA()).genre_popularity;
        // Library tracks by main genre: Rock {t1: 2, t2: 1}, Jazz {t3: 1}, none {t4: 0}.
        QCOMPARE(p.population, Population::Library);
        QCOMPARE(p.tracks, std::size_t{4});
        QCOMPARE(int(p.rows.size()), 3);
        QCOMPARE(p.rows[0].name, QStringLiteral("Rock"));
        QCOMPARE(p.rows[0].plays.median, 1.5);
        QCOMPARE(p.rows[0].plays.q1, 1.25);
        QCOMPARE(p.rows[0].plays.q3, 1.75);
        QCOMPARE(p.rows[2].plays.zero_share, 1.0);
        // Grand mean 1; SS_total = 1 + 0 + 0 + 1 = 2; SS_between = 2 (0.5)^2 + 0 + 1 = 1.5.
        QCOMPARE(p.eta.eta_squared, 0.75);
        // Ranks 4, 2.5, 2.5, 1: H_raw = 12/20 (6.5^2/2 + 2.5^2 + 1) - 15 = 2.025; one pair of
        // ties: C = 1 - 6/60 = 0.9; H = 2.25 on 2 df, p = exp(-H/2).
        ENCORE_COMPARE_NEAR(p.kruskal.h, 2.25, 1e-12, 0.0);
        QCOMPARE(p.kruskal.df, 2);
        ENCORE_COMPARE_NEAR(p.kruskal.p_value, std::exp(-1.125), 1e-10, 0.0);
        QCOMPARE(p.finding.verdict, Verdict::TooFewToSay);  // 4 tracks < 20
        QCOMPARE(p.headline, QStringLiteral("Too few tracks to tell whether genre matters."));
    }

    void smallGenresArePooledWithTheThresholdShown() {
        StatsQuery q = queryA();
        q.options.min_genre_tracks = 2;
        const GenrePopularity p = report(q).genre_popularity;
        QCOMPARE(p.min_group_size, std::size_t{2});
        QCOMPARE(p.pooled, QStringList({QStringLiteral("Jazz"), noGenreName()}));
        QCOMPARE(int(p.rows.size()), 2);
        QVERIFY(std::any_of(p.rows.begin(), p.rows.end(),
                            [](const GenrePopularityRow& r) { return r.other && r.plays.n == 2; }));
    }

    void whatMakesASongPopular() {
        const PopularityFactors f = report(queryA()).factors;
        QCOMPARE(f.tracks, std::size_t{4});
        // Durations 180, 240, 300, 200 s rank 1, 3, 4, 2; plays 2, 1, 1, 0 rank 4, 2.5, 2.5, 1:
        // Pearson's r of the ranks = -1.5 / sqrt(5 * 4.5) = -1 / sqrt(10).
        const FeatureCorrelation* duration = correlation(f, QStringLiteral("duration"));
        QVERIFY(duration);
        QCOMPARE(duration->known, std::size_t{4});
        QCOMPARE(duration->finding.verdict, Verdict::TooFewToSay);  // 4 < 20: nothing claimed
        QCOMPARE(duration->finding.rho, 0.0);
        StatsQuery lenient = queryA();
        lenient.options.findings.min_sample = 3;
        const StatsReport lenientReport = report(lenient);  // `shown` points into it
        const FeatureCorrelation* shown =
            correlation(lenientReport.factors, QStringLiteral("duration"));
        ENCORE_COMPARE_NEAR(shown->finding.rho, -1.0 / std::sqrt(10.0), 1e-12, 0.0);
        QCOMPARE(shown->finding.verdict, Verdict::NoClearEffect);  // the interval spans 0
        QCOMPARE(correlation(f, QStringLiteral("decade"))->known, std::size_t{3});  // t4: no year
        QCOMPARE(correlation(f, QStringLiteral("genre_share"))->known, std::size_t{3});
        QCOMPARE(correlation(f, QStringLiteral("usual_hour"))->known, std::size_t{3});  // played
        QCOMPARE(int(f.correlations.size()), 7);
        QCOMPARE(f.model.verdict, Verdict::TooFewToSay);
        QVERIFY(!f.left_out.isEmpty());
        QCOMPARE(f.headline, QStringLiteral("Too few tracks to say what makes a song popular."));
    }

    void emptyPeriodGivesEmptyAnswers() {
        StatsQuery q = queryA();
        q.since = utc(2030, 1, 1, 0);
        const StatsReport r = report(q);
        QVERIFY(r.complete());
        QCOMPARE(r.overview.listens, qint64(0));
        QVERIFY(r.genres.rows.empty());
        QVERIFY(r.time.weeks.empty());
        QCOMPARE(r.streaks.streaks.longest, 0);
        QCOMPARE(r.genres.headline, QStringLiteral("No plays in this period."));
        QCOMPARE(r.time.heatmap_headline, QStringLiteral("No plays in this period."));
        QCOMPARE(r.genre_popularity.rows.front().plays.zero_share, 1.0);
    }

    void cancelStopsBetweenParts() {
        std::atomic<bool> cancel{false};
        const StatsReport r = computeStats(
            loader_->data(), queryA(),
            [&](StatsPart p, const StatsReport&) { cancel = p == StatsPart::Genres; }, &cancel);
        QVERIFY(r.has(StatsPart::Genres));
        QVERIFY(!r.has(StatsPart::TimePatterns));
        QVERIFY(!r.complete());
    }
};

QTEST_GUILESS_MAIN(TestStatsCalculator)
#include "tst_statscalculator.moc"
