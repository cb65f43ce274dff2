// Time patterns, streaks, discovery and skip rates: the local-time side of the log.
#include "stats/compute/sections.h"
#include "stats/math/localtime.h"
#include "stats/summary/headlines.h"

#include <algorithm>

namespace encore::stats {

namespace {

constexpr int kHours = 24;
constexpr int kWeekdays = 7;
constexpr int kMonths = 12;
// Hours before this belong to the previous day's night ("Friday night" ends on Saturday).
constexpr int kNightEndsAt = 5;
constexpr int kDayparts = 4;

// The chart's genres: the ranking's first chart_genres by weighted plays, then "other".
struct ChartGenres {
    std::vector<int> columnOf;  // per catalogue genre: its column
    QStringList names;
};

ChartGenres chartGenres(const GenreRanking& ranking, int genres, std::size_t count) {
    std::vector<const GenreRow*> rows;
    for (const GenreRow& r : ranking.rows)
        rows.push_back(&r);
    std::stable_sort(rows.begin(), rows.end(), [](const GenreRow* a, const GenreRow* b) {
        return a->weighted_plays > b->weighted_plays;
    });
    ChartGenres chart;
    const std::size_t shown = std::min(count, rows.size());
    const bool other = rows.size() > shown;
    chart.columnOf.assign(static_cast<std::size_t>(genres), static_cast<int>(shown));
    for (std::size_t i = 0; i < shown; ++i) {
        chart.columnOf[static_cast<std::size_t>(rows[i]->genre)] = static_cast<int>(i);
        chart.names.append(rows[i]->name);
    }
    if (other)
        chart.names.append(QStringLiteral("other"));
    return chart;
}

// One GenreShareTable from a fold table laid out [bucket * genres + genre].
GenreShareTable shareTable(const std::vector<double>& flat, int genres, int noGenre,
                           const ChartGenres& chart, const QStringList& labels,
                           const std::vector<std::int64_t>& keys) {
    GenreShareTable t;
    t.genres = chart.names;
    t.buckets = labels;
    t.bucket_keys = keys;
    const std::size_t columns = static_cast<std::size_t>(chart.names.size());
    const std::size_t g = static_cast<std::size_t>(genres);
    double known = 0.0;
    double all = 0.0;
    for (std::size_t b = 0; b < keys.size(); ++b) {
        std::vector<double> row(columns, 0.0);
        double total = 0.0;
        for (std::size_t genre = 0; genre < g; ++genre) {
            const double v = flat[b * g + genre];
            all += v;
            if (v == 0.0 || int(genre) == noGenre)
                continue;
            const std::size_t column = static_cast<std::size_t>(chart.columnOf[genre]);
            if (column < columns)
                row[column] += v;
            total += v;
        }
        t.plays.push_back(std::move(row));
        t.totals.push_back(total);
        known += total;
    }
    t.known_share = all > 0.0 ? known / all : 0.0;
    return t;
}

void findPeak(TimePatterns& t) {
    std::array<std::array<std::int64_t, kDayparts>, kWeekdays> parts{};
    for (int w = 0; w < kWeekdays; ++w) {
        for (int h = 0; h < kHours; ++h) {
            const int weekday = h < kNightEndsAt ? (w + kWeekdays - 1) % kWeekdays : w;
            parts[weekday][daypartOfHour(h)] += t.heatmap[w][h];
        }
    }
    std::int64_t best = 0;
    for (int w = 0; w < kWeekdays; ++w) {
        for (int d = 0; d < kDayparts; ++d) {
            if (parts[w][d] > best) {
                best = parts[w][d];
                t.peak_weekday = w;
                t.peak_daypart = d;
            }
        }
    }
}

}  // namespace

QString daypartName(int daypart) {
    static const char* const kNames[] = {"morning", "afternoon", "evening", "night"};
    return daypart >= 0 && daypart < kDayparts ? QString::fromLatin1(kNames[daypart]) : QString();
}

int daypartOfHour(int hour) {
    if (hour >= kNightEndsAt && hour < 12)
        return 0;
    if (hour >= 12 && hour < 17)
        return 1;
    if (hour >= 17 && hour < 22)
        return 2;
    return 3;
}

TimePatterns computeTimePatterns(const StatsContext& x, const GenreRanking& ranking) {
    const PeriodFold& f = x.fold;
    TimePatterns t;
    t.heatmap = f.heatmap;
    t.total_plays = f.total_plays;
    findPeak(t);
    t.heatmap_headline = heatmapHeadline(t, x.evidence);

    const ChartGenres chart = chartGenres(ranking, f.genres, x.options().chart_genres);
    const int noGenre = x.data.catalogue.noGenre();
    QStringList labels;
    std::vector<std::int64_t> keys;
    for (int h = 0; h < kHours; ++h) {
        labels.append(hourText(h));
        keys.push_back(h);
    }
    t.by_hour = shareTable(f.genre_by_hour, f.genres, noGenre, chart, labels, keys);
    t.by_hour.headline = genreShareHeadline(t.by_hour, QStringLiteral("at"), x.evidence);
    labels.clear();
    keys.clear();
    for (int w = 0; w < kWeekdays; ++w) {
        labels.append(weekdayName(w));
        keys.push_back(w);
    }
    t.by_weekday = shareTable(f.genre_by_weekday, f.genres, noGenre, chart, labels, keys);
    t.by_weekday.headline = genreShareHeadline(t.by_weekday, QStringLiteral("on"), x.evidence);
    labels.clear();
    keys.clear();
    for (int m = 1; m <= kMonths; ++m) {
        labels.append(monthName(m));
        keys.push_back(m);
    }
    t.by_month = shareTable(f.genre_by_month, f.genres, noGenre, chart, labels, keys);
    t.by_month.headline = genreShareHeadline(t.by_month, QStringLiteral("in"), x.evidence);
    labels.clear();
    keys.clear();
    for (std::size_t m = 0; m < f.calendarMonths(); ++m) {
        const std::int64_t key = f.first_month + static_cast<std::int64_t>(m);
        labels.append(QStringLiteral("%1-%2")
                          .arg(key / kMonths)
                          .arg(key % kMonths + 1, 2, 10, QLatin1Char('0')));
        keys.push_back(key);
    }
    t.trend = shareTable(f.genre_by_calendar_month, f.genres, noGenre, chart, labels, keys);
    t.trend.headline = trendHeadline(t.trend, x.evidence);

    const std::int64_t firstWeek = f.weeks() > 0 ? isoWeekStart(f.first_day) : 0;
    for (std::size_t w = 0; w < f.weeks(); ++w)
        t.weeks.push_back({firstWeek + 7 * static_cast<std::int64_t>(w), f.week_plays[w]});
    t.mean_plays_per_week =
        t.weeks.empty() ? 0.0
                        : static_cast<double>(f.total_plays) / static_cast<double>(t.weeks.size());
    t.weeks_headline = weeksHeadline(t, x.evidence);
    return t;
}

StreakSummary computeStreaks(const StatsContext& x) {
    StreakSummary s;
    const int offset = x.query.now_offset_minutes.value_or(x.history.newest_offset_minutes);
    s.today = localDayNumber(x.now, offset);
    s.streaks = listeningStreaks(
        std::vector<std::int64_t>(x.fold.play_days.begin(), x.fold.play_days.end()), s.today);
    s.headline = streaksHeadline(s);
    return s;
}

Discovery computeDiscovery(const StatsContext& x) {
    const PeriodFold& f = x.fold;
    const TrackHistory& h = x.history;
    Discovery d;
    const std::int64_t firstWeek = f.weeks() > 0 ? isoWeekStart(f.first_day) : 0;
    for (std::size_t w = 0; w < f.weeks(); ++w)
        d.weeks.push_back({firstWeek + 7 * static_cast<std::int64_t>(w), 0});
    for (std::size_t t = 0; t < f.plays.size(); ++t) {
        const std::int64_t firstEver = h.first_played[t];
        if (firstEver > 0 && x.query.since && firstEver < *x.query.since)
            d.history_before_period = true;
        if (f.plays[t] == 0)
            continue;
        ++d.distinct_tracks;
        const std::int64_t first = h.first_played[t];
        const bool inPeriod = first > 0 && (!x.query.since || first >= *x.query.since) &&
                              (!x.query.until || first < *x.query.until);
        if (!inPeriod)
            continue;
        const std::int64_t week = (isoWeekStart(h.first_day[t]) - firstWeek) / 7;
        if (week >= 0 && week < static_cast<std::int64_t>(d.weeks.size())) {
            ++d.weeks[static_cast<std::size_t>(week)].new_tracks;
            ++d.new_tracks;
        }
    }
    d.mean_per_week = d.weeks.empty()
                          ? 0.0
                          : static_cast<double>(d.new_tracks) / static_cast<double>(d.weeks.size());
    d.new_share = d.distinct_tracks > 0
                      ? static_cast<double>(d.new_tracks) / static_cast<double>(d.distinct_tracks)
                      : 0.0;
    d.headline = discoveryHeadline(d, x.evidence);
    return d;
}

SkipRates computeSkipRates(const StatsContext& x) {
    const PeriodFold& f = x.fold;
    const Catalogue& c = x.data.catalogue;
    SkipRates s;
    s.min_listens = x.options().min_skip_listens;
    const double enough = static_cast<double>(s.min_listens);
    auto row = [&](const QString& label, double listens, double skips) {
        SkipRateRow r;
        r.label = label;
        r.listens = listens;
        r.skips = skips;
        r.rate = listens > 0.0 ? skips / listens : 0.0;
        r.enough = listens >= enough && listens > 0.0;
        return r;
    };
    s.listens = static_cast<double>(f.total_listens);
    s.skips = static_cast<double>(f.total_skips);
    s.rate = s.listens > 0.0 ? s.skips / s.listens : 0.0;
    for (int h = 0; h < kHours; ++h)
        s.by_hour.push_back(row(hourText(h), f.hour_listens[h], f.hour_skips[h]));
    for (int g = 0; g < c.genreCount(); ++g) {
        if (f.genre_listens[g] > 0.0 && g != c.noGenre())
            s.by_genre.push_back(row(c.genre_names[g], f.genre_listens[g], f.genre_skips[g]));
    }
    std::stable_sort(
        s.by_genre.begin(), s.by_genre.end(),
        [](const SkipRateRow& a, const SkipRateRow& b) { return a.listens > b.listens; });
    s.headline = skipRatesHeadline(s, x.evidence);
    return s;
}

}  // namespace encore::stats
