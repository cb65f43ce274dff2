#include "stats/summary/headlines.h"

#include "stats/load/catalogue.h"
#include "stats/math/localtime.h"
#include "stats/summary/evidence.h"
#include "stats/summary/plainwords.h"

#include <algorithm>
#include <cmath>

namespace encore::stats {

namespace {

// A genre "peaks" in a bucket only when its share there is this much above its overall share.
constexpr double kNotableLift = 0.05;
// A trend is named only when a genre's share moved by at least this much.
constexpr double kNotableTrend = 0.05;
// Buckets with fewer plays than this are too small for a headline.
constexpr double kMinBucketPlays = 20.0;
constexpr std::size_t kTrendEdgeMonths = 3;
constexpr double kTrendEdgeShare = 0.1;

// What each headline needs before it claims anything (Evidence: plays, active days, days
// from the first play to the last, plays with a known genre, listens).
// Top genres: 20 plays of songs whose genre is known.
constexpr EvidenceNeed kTopGenreNeed{
    "Play a few more songs with genre tags to see your top genres.", 0, 0, 0, 20};
// A weekly rhythm: 100 plays on 7 different days over at least two weeks.
constexpr EvidenceNeed kWeeklyRhythmNeed{"Play for a few more days to see your weekly rhythm.", 100,
                                         7, 14};
// Comparing weeks: at least two weeks from the first play to the last, on 4 days.
constexpr EvidenceNeed kWeeksNeed{"Listen over two weeks or more to compare your weeks.", 20, 4,
                                  14};
// Genre by hour: 100 plays with a known genre on 5 different days.
constexpr EvidenceNeed kGenreByHourNeed{
    "Play songs with genre tags on a few more days to see how your genres change over the day.", 0,
    5, 0, 100};
// Genre by weekday: two weeks, 7 days with plays, 100 plays with a known genre.
constexpr EvidenceNeed kGenreByWeekdayNeed{
    "Play songs with genre tags over two weeks or more to see how your genres change over the "
    "week.",
    0, 7, 14, 100};
// Genre by month of the year: half a year, 300 plays with a known genre.
constexpr EvidenceNeed kGenreByMonthNeed{
    "Keep listening for a few months to see how your genres change with the seasons.", 0, 20, 180,
    300};
// A trend over the months: three months, 200 plays with a known genre.
constexpr EvidenceNeed kTrendNeed{
    "Keep listening for three months or more to see how your taste moves.", 0, 10, 90, 200};
// Top artist and song: 10 plays.
constexpr EvidenceNeed kTopListsNeed{"Play a few more songs to see your favourites.", 10, 1, 1};
// Discovery per week: two weeks.
constexpr EvidenceNeed kDiscoveryNeed{
    "Listen over two weeks or more to see how many new songs you find.", 20, 4, 14};
// Skip habits: 50 listens.
constexpr EvidenceNeed kSkipNeed{"Listen a little more to see when you skip.", 0, 0, 0, 0, 50};
// What makes a song popular (genre, features): 300 plays over at least two weeks.
constexpr EvidenceNeed kPopularityNeed{
    "Play for a few more weeks to see what makes a song popular with you.", 300, 10, 14};

QString count(std::int64_t n) {
    return formatCount(static_cast<std::size_t>(std::max<std::int64_t>(0, n)));
}

QString plural(std::int64_t n, const QString& one, const QString& many) {
    return count(n) + QLatin1Char(' ') + (n == 1 ? one : many);
}

QString average(double v) {
    return v >= 10.0 ? count(std::llround(v)) : QString::number(v, 'f', 1);
}

QString monthRange(std::int64_t first, std::int64_t last) {
    return first == last ? monthText(first)
                         : monthText(first) + QStringLiteral("–") + monthText(last);
}

}  // namespace

QString weekdayName(int weekday) {
    static const char* const kNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                         "Friday", "Saturday", "Sunday"};
    return weekday >= 0 && weekday < 7 ? QString::fromLatin1(kNames[weekday]) : QString();
}

QString monthName(int month) {
    static const char* const kNames[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    return month >= 1 && month <= 12 ? QString::fromLatin1(kNames[month - 1]) : QString();
}

QString hourText(int hour) {
    return QStringLiteral("%1:00").arg(hour, 2, 10, QLatin1Char('0'));
}

QString dayText(std::int64_t dayNumber) {
    const CivilDate d = civilFromDays(dayNumber);
    return QStringLiteral("%1 %2 %3").arg(d.day).arg(monthName(d.month)).arg(d.year);
}

QString monthText(std::int64_t monthKey) {
    const std::int64_t year = monthKey >= 0 ? monthKey / 12 : (monthKey - 11) / 12;
    const int month = static_cast<int>(monthKey - year * 12) + 1;
    return QStringLiteral("%1 %2").arg(monthName(month)).arg(year);
}

QString durationText(std::int64_t ms) {
    const std::int64_t minutes = std::llround(static_cast<double>(ms) / 60000.0);
    if (minutes < 60)
        return QStringLiteral("%1 min").arg(minutes);
    return QStringLiteral("%1 h %2 min").arg(count(minutes / 60)).arg(minutes % 60);
}

QString knownGenreText(double knownShare) {
    return QStringLiteral("genre known for %1 of these plays").arg(formatShare(knownShare));
}

QString genreRankingHeadline(const GenreRanking& ranking, const Evidence& have) {
    if (ranking.total_plays == 0)
        return QStringLiteral("No plays in this period.");
    if (ranking.rows.empty() || ranking.known_plays == 0)
        return QStringLiteral("None of the songs you played has a genre tag.");
    if (const QString missing = missingEvidence(have, kTopGenreNeed); !missing.isEmpty())
        return missing;
    const GenreRow& top = ranking.rows.front();
    if (ranking.unknown_plays > 0)
        return QStringLiteral(
                   "%1 is your most played genre: %2 of your plays with a known genre "
                   "(%3).")
            .arg(top.name, formatShare(top.share), knownGenreText(ranking.knownShare()));
    return QStringLiteral("%1 is your most played genre: %2 of your plays.")
        .arg(top.name, formatShare(top.share));
}

QString heatmapHeadline(const TimePatterns& time, const Evidence& have) {
    if (time.total_plays == 0 || time.peak_weekday < 0)
        return QStringLiteral("No plays in this period.");
    if (const QString missing = missingEvidence(have, kWeeklyRhythmNeed); !missing.isEmpty())
        return missing;
    return QStringLiteral("You listen most on %1 %2s.")
        .arg(weekdayName(time.peak_weekday), daypartName(time.peak_daypart));
}

QString weeksHeadline(const TimePatterns& time, const Evidence& have) {
    if (time.weeks.empty())
        return QStringLiteral("No plays in this period.");
    if (const QString missing = missingEvidence(have, kWeeksNeed); !missing.isEmpty())
        return missing;
    const auto busiest =
        std::max_element(time.weeks.begin(), time.weeks.end(),
                         [](const WeekCount& a, const WeekCount& b) { return a.plays < b.plays; });
    return QStringLiteral("You play %1 songs a week on average; your busiest week began %2 (%3).")
        .arg(average(time.mean_plays_per_week), dayText(busiest->week_start_day),
             plural(busiest->plays, QStringLiteral("play"), QStringLiteral("plays")));
}

QString genreShareHeadline(const GenreShareTable& table, const QString& by, const Evidence& have,
                           double minBucketShare) {
    double grand = 0.0;
    for (double t : table.totals)
        grand += t;
    if (have.plays == 0)
        return QStringLiteral("No plays in this period.");
    if (!(grand > 0.0))
        return QStringLiteral("None of the songs you played has a genre tag.");
    const EvidenceNeed& need = by == QStringLiteral("at")   ? kGenreByHourNeed
                               : by == QStringLiteral("on") ? kGenreByWeekdayNeed
                                                            : kGenreByMonthNeed;
    if (const QString missing = missingEvidence(have, need); !missing.isEmpty())
        return missing;
    const bool hasOther = table.genres.size() > 0 && table.genres.back() == QStringLiteral("other");
    const std::size_t genres = table.genres.size() - (hasOther ? 1 : 0);
    const auto tagged = std::count_if(
        table.genres.begin(), table.genres.end(),
        [](const QString& g) { return g != noGenreName() && g != QStringLiteral("other"); });
    if (tagged < 2)
        return QStringLiteral("Too few genre tags to compare genres.");
    double bestLift = 0.0;
    std::size_t bestBucket = 0;
    std::size_t bestGenre = 0;
    std::vector<double> overall(genres, 0.0);
    for (std::size_t b = 0; b < table.totals.size(); ++b) {
        for (std::size_t g = 0; g < genres; ++g)
            overall[g] += table.plays[b][g] / grand;
    }
    for (std::size_t b = 0; b < table.totals.size(); ++b) {
        if (table.totals[b] < std::max(kMinBucketPlays, minBucketShare * grand))
            continue;
        for (std::size_t g = 0; g < genres; ++g) {
            if (table.genres[int(g)] == noGenreName())
                continue;  // "untagged songs peak at 11:00" says nothing about taste
            const double lift = table.share(b, g) - overall[g];
            if (lift > bestLift) {
                bestLift = lift;
                bestBucket = b;
                bestGenre = g;
            }
        }
    }
    const QString bucket = by == QStringLiteral("on")
                               ? table.buckets.value(int(bestBucket)) + QLatin1Char('s')
                               : table.buckets.value(int(bestBucket));
    if (bestLift < kNotableLift)
        return QStringLiteral("Your genre mix hardly changes from one %1 to the next.")
            .arg(by == QStringLiteral("at")   ? QStringLiteral("hour")
                 : by == QStringLiteral("on") ? QStringLiteral("weekday")
                                              : QStringLiteral("month"));
    return QStringLiteral("%1 peaks %2 %3: %4 of your plays then, against %5 overall.")
        .arg(table.genres.value(int(bestGenre)), by, bucket,
             formatShare(table.share(bestBucket, bestGenre)), formatShare(overall[bestGenre]));
}

QString trendHeadline(const GenreShareTable& trend, const Evidence& have) {
    const std::size_t months = trend.totals.size();
    if (have.plays == 0)
        return QStringLiteral("No plays in this period.");
    if (const QString missing = missingEvidence(have, kTrendNeed); !missing.isEmpty())
        return missing;
    if (months < 2)
        return QStringLiteral("Too short a period to see a trend.");
    const auto tagged = std::count_if(
        trend.genres.begin(), trend.genres.end(),
        [](const QString& g) { return g != noGenreName() && g != QStringLiteral("other"); });
    if (tagged < 2)
        return QStringLiteral("Too few genre tags to follow the genre mix.");
    // The first and last months compared: at least kTrendEdgeMonths, extended until each
    // side holds a tenth of the plays (a sparse start says little), at most half the months.
    double grand = 0.0;
    for (double t : trend.totals)
        grand += t;
    auto edgeFrom = [&](bool fromEnd) {
        std::size_t months_taken = 0;
        double plays = 0.0;
        while (months_taken < months / 2 &&
               (months_taken < kTrendEdgeMonths || plays < kTrendEdgeShare * grand)) {
            plays += trend.totals[fromEnd ? months - 1 - months_taken : months_taken];
            ++months_taken;
        }
        return months_taken;
    };
    const std::size_t edge = std::min(edgeFrom(false), edgeFrom(true));
    const bool hasOther = !trend.genres.isEmpty() && trend.genres.back() == QStringLiteral("other");
    const std::size_t genres = trend.genres.size() - (hasOther ? 1 : 0);
    auto shareOver = [&](std::size_t from, std::size_t to, std::size_t g) {
        double plays = 0.0;
        double total = 0.0;
        for (std::size_t b = from; b < to; ++b) {
            plays += trend.plays[b][g];
            total += trend.totals[b];
        }
        return total > 0.0 ? plays / total : 0.0;
    };
    double bestChange = 0.0;
    std::size_t best = 0;
    for (std::size_t g = 0; g < genres; ++g) {
        if (trend.genres[int(g)] == noGenreName())
            continue;
        const double change = shareOver(months - edge, months, g) - shareOver(0, edge, g);
        if (std::fabs(change) > std::fabs(bestChange)) {
            bestChange = change;
            best = g;
        }
    }
    const QString early = monthRange(trend.bucket_keys[0], trend.bucket_keys[edge - 1]);
    const QString late =
        monthRange(trend.bucket_keys[months - edge], trend.bucket_keys[months - 1]);
    if (std::fabs(bestChange) < kNotableTrend)
        return QStringLiteral("Your genre mix stayed about the same from %1 to %2.")
            .arg(early, late);
    return QStringLiteral("%1 went from %2 of your plays in %3 to %4 in %5.")
        .arg(trend.genres.value(int(best)), formatShare(shareOver(0, edge, best)), early,
             formatShare(shareOver(months - edge, months, best)), late);
}

QString topListsHeadline(const TopLists& top, const Evidence& have) {
    if (top.artists.empty())
        return QStringLiteral("No plays in this period.");
    if (const QString missing = missingEvidence(have, kTopListsNeed); !missing.isEmpty())
        return missing;
    QString text =
        QStringLiteral("Your top artist is %1 with %2")
            .arg(top.artists.front().name, plural(top.artists.front().plays, QStringLiteral("play"),
                                                  QStringLiteral("plays")));
    if (!top.tracks.empty())
        text += QStringLiteral("; your top song is %1 by %2")
                    .arg(top.tracks.front().name, top.tracks.front().artist);
    return text + QLatin1Char('.');
}

QString streaksHeadline(const StreakSummary& s) {
    if (s.streaks.longest == 0)
        return QStringLiteral("No plays in this period.");
    QString text = s.streaks.longest == 1
                       ? QStringLiteral("You never listened two days in a row")
                       : QStringLiteral("Your longest streak is %1 days in a row (%2 to %3)")
                             .arg(count(s.streaks.longest), dayText(s.streaks.longest_first_day),
                                  dayText(s.streaks.longest_last_day));
    if (s.streaks.current > 0)
        text += QStringLiteral("; you are on a %1 streak now")
                    .arg(plural(s.streaks.current, QStringLiteral("day"), QStringLiteral("days")));
    return text + QLatin1Char('.');
}

QString discoveryHeadline(const Discovery& d, const Evidence& have) {
    if (d.distinct_tracks == 0)
        return QStringLiteral("No plays in this period.");
    if (const QString missing = missingEvidence(have, kDiscoveryNeed); !missing.isEmpty())
        return missing;
    // When the period holds the listener's first plays, every song was new then: a share of
    // "new to you" would say 100% about nothing.
    if (!d.history_before_period)
        return QStringLiteral("You have found %1 since you started listening, about %2 a week.")
            .arg(plural(d.new_tracks, QStringLiteral("song"), QStringLiteral("songs")),
                 average(d.mean_per_week));
    return QStringLiteral(
               "You discover %1 new songs a week on average; %2 of the songs you "
               "played were new to you.")
        .arg(average(d.mean_per_week), formatShare(d.new_share));
}

QString forgottenHeadline(const ForgottenFavourites& f) {
    if (f.total == 0)
        return QStringLiteral(
                   "No forgotten favourites: every song you played %1 times or more "
                   "was played in the last %2 days.")
            .arg(f.min_plays)
            .arg(f.days);
    return QStringLiteral("%1 you played often %2 not been played in %3 days.")
        .arg(plural(f.total, QStringLiteral("song"), QStringLiteral("songs")),
             f.total == 1 ? QStringLiteral("has") : QStringLiteral("have"))
        .arg(f.days);
}

QString skipRatesHeadline(const SkipRates& s, const Evidence& have) {
    if (!(s.listens > 0.0))
        return QStringLiteral("No listens in this period.");
    if (const QString missing = missingEvidence(have, kSkipNeed); !missing.isEmpty())
        return missing;
    QString text = QStringLiteral("You skip %1 of what you start").arg(formatShare(s.rate));
    auto worst = [](const std::vector<SkipRateRow>& rows) {
        const SkipRateRow* best = nullptr;
        for (const SkipRateRow& r : rows) {
            if (r.enough && (!best || r.rate > best->rate))
                best = &r;
        }
        return best;
    };
    const SkipRateRow* hour = worst(s.by_hour);
    const SkipRateRow* genre = worst(s.by_genre);
    if (hour)
        text += QStringLiteral("; most at %1 (%2)").arg(hour->label, formatShare(hour->rate));
    if (genre)
        text += QStringLiteral("%1 in %2 (%3)")
                    .arg(hour ? QStringLiteral(" and") : QStringLiteral("; most"), genre->label,
                         formatShare(genre->rate));
    return text + QLatin1Char('.');
}

QString genrePopularityHeadline(const GenrePopularity& p, const Evidence& have) {
    // Too few tracks is said first: more listening would not change it.
    if (p.finding.verdict == Verdict::TooFewToSay)
        return QStringLiteral("Too few tracks to tell whether genre matters.");
    if (const QString missing = missingEvidence(have, kPopularityNeed); !missing.isEmpty())
        return missing;
    switch (p.finding.verdict) {
        case Verdict::TooFewToSay:
            break;
        case Verdict::CannotTell:
            return QStringLiteral("Cannot tell whether genre matters (%1).")
                .arg(QString::fromLatin1(issueName(p.finding.issue)));
        case Verdict::NoClearEffect:
            return QStringLiteral(
                "Genre makes no clear difference to how often your songs are "
                "played.");
        case Verdict::Clear:
            break;
    }
    const auto top = std::find_if(p.rows.begin(), p.rows.end(), [](const GenrePopularityRow& r) {
        return !r.other && !r.no_genre;
    });
    QString text = QStringLiteral(
                       "Genre explains %1 of the differences in how often your songs "
                       "are played")
                       .arg(formatShare(p.finding.share_explained));
    if (top != p.rows.end())
        text += QStringLiteral("; %1 songs are played most (median %2)")
                    .arg(top->name, QString::number(top->plays.median, 'g', 3));
    return text + QLatin1Char('.');
}

QString factorsHeadline(const PopularityFactors& f, const Evidence& have) {
    const bool tooFew = std::all_of(
        f.correlations.begin(), f.correlations.end(),
        [](const FeatureCorrelation& c) { return c.finding.verdict == Verdict::TooFewToSay; });
    if (tooFew)
        return QStringLiteral("Too few tracks to say what makes a song popular.");
    if (const QString missing = missingEvidence(have, kPopularityNeed); !missing.isEmpty())
        return missing;
    for (const FeatureCorrelation& c : f.correlations) {
        if (c.finding.verdict == Verdict::Clear) {
            return QStringLiteral("Songs with %1 %2 are the ones you play more.")
                .arg(c.finding.direction > 0 ? QStringLiteral("a higher")
                                             : QStringLiteral("a lower"),
                     c.feature.toLower());
        }
    }
    return QStringLiteral("No feature clearly goes with how often a song is played.");
}

}  // namespace encore::stats
