#include "dashboards/dashboardcharts.h"

#include "stats/math/localtime.h"
#include "stats/summary/headlines.h"
#include "stats/summary/plainwords.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace encore::dashboards {

namespace {

using Kind = ChartData::Kind;
using Format = ChartData::Format;
using stats::StatsPart;
using stats::StatsReport;

constexpr int kChartRows = 15;   // rankings show this many rows
constexpr int kChartBoxes = 12;  // box plots draw this many genres (the table has all)
constexpr double kMsPerHour = 3600000.0;

QString dayLabel(std::int64_t dayNumber) {
    const stats::CivilDate d = stats::civilFromDays(dayNumber);
    return QStringLiteral("%1-%2-%3")
        .arg(d.year)
        .arg(d.month, 2, 10, QLatin1Char('0'))
        .arg(d.day, 2, 10, QLatin1Char('0'));
}

// "Genre known for 12% of these plays; 9% inferred from the artist's other songs."
QString genreKnown(double knownShare, double inferredShare) {
    if (knownShare > 0.995 && inferredShare < 0.005)
        return {};
    QString text =
        QObject::tr("Genre known for %1 of these plays").arg(stats::formatShare(knownShare));
    if (inferredShare >= 0.005)
        text += QObject::tr("; for %1 it is inferred from the artist's songs in your library")
                    .arg(stats::formatShare(inferredShare));
    return text + QLatin1Char('.');
}

QString genreKnown(const stats::GenreRanking& g) {
    const double total = double(std::max<std::int64_t>(1, g.total_plays));
    return genreKnown(g.knownShare(), double(g.inferred_plays) / total);
}

QString withSentence(const QString& caption, const QString& sentence) {
    return sentence.isEmpty() ? caption : caption + QLatin1Char(' ') + sentence;
}

ChartData make(Kind kind, const QString& categoryTitle, const QString& valueTitle) {
    ChartData d;
    d.kind = kind;
    d.category_title = categoryTitle;
    d.value_title = valueTitle;
    return d;
}

// Adds a series (zeros, one per category, filled in by the caller) and returns its index: an
// index, not a reference, because adding the next series may move the vectors.
std::size_t addSeries(ChartData& d, const QString& name, Format format) {
    d.series.append(name);
    d.formats.push_back(format);
    d.values.emplace_back(std::size_t(d.categories.size()), 0.0);
    d.texts.emplace_back();
    return d.values.size() - 1;
}

std::size_t addTextSeries(ChartData& d, const QString& name) {
    return addSeries(d, name, Format::Text);
}

CardContent genres(const StatsReport& r) {
    ChartData d = make(Kind::HorizontalBars, QObject::tr("Genre"), QObject::tr("Plays"));
    const auto& rows = r.genres.rows;
    const int n = std::min<int>(kChartRows, int(rows.size()));
    for (int i = 0; i < n; ++i)
        d.categories.append(rows[i].name);
    const std::size_t plays = addSeries(d, QObject::tr("Plays"), Format::Count);
    const std::size_t split =
        addSeries(d, QObject::tr("Plays split between genres"), Format::Decimal);
    const std::size_t share = addSeries(d, QObject::tr("Share"), Format::Share);
    const std::size_t hours = addSeries(d, QObject::tr("Hours heard"), Format::Decimal);
    const std::size_t tracks = addSeries(d, QObject::tr("Tracks"), Format::Count);
    for (int i = 0; i < n; ++i) {
        d.values[plays][i] = double(rows[i].plays);
        d.values[split][i] = rows[i].weighted_plays;
        d.values[share][i] = rows[i].share;
        d.values[hours][i] = double(rows[i].listening_ms) / kMsPerHour;
        d.values[tracks][i] = double(rows[i].distinct_tracks);
    }
    d.charted_series = 1;
    return {r.genres.headline,
            withSentence(QObject::tr("Plays per genre. A song with several genres counts for "
                                     "each; the share splits it between them, so shares add up "
                                     "to 100%."),
                         genreKnown(r.genres)),
            d};
}

CardContent heatmap(const StatsReport& r) {
    ChartData d = make(Kind::Heatmap, QObject::tr("Hour"), QObject::tr("Plays"));
    for (int h = 0; h < 24; ++h)
        d.categories.append(stats::hourText(h));
    for (int w = 0; w < 7; ++w) {
        const std::size_t row = addSeries(d, stats::weekdayName(w), Format::Count);
        for (int h = 0; h < 24; ++h)
            d.values[row][h] = double(r.time.heatmap[w][h]);
    }
    return {r.time.heatmap_headline,
            QObject::tr("Plays by weekday and hour, in the local time of each listen."), d};
}

CardContent shares(const stats::GenreShareTable& t, Kind kind, const QString& bucketTitle,
                   const QString& caption, const stats::GenreRanking& ranking) {
    ChartData d = make(kind, bucketTitle, QObject::tr("Share of plays"));
    d.categories = t.buckets;
    for (int g = 0; g < t.genres.size(); ++g) {
        const std::size_t series = addSeries(d, t.genres[g], Format::Share);
        for (std::size_t b = 0; b < t.totals.size(); ++b)
            d.values[series][b] = t.share(b, std::size_t(g));
    }
    d.charted_series = int(t.genres.size());
    const std::size_t plays = addSeries(d, QObject::tr("Plays"), Format::Count);
    for (std::size_t b = 0; b < t.totals.size(); ++b)
        d.values[plays][b] = t.totals[b];
    d.series.last() = QObject::tr("Plays with a known genre");
    return {t.headline, withSentence(caption, genreKnown(ranking)), d};
}

CardContent weeks(const StatsReport& r) {
    ChartData d = make(Kind::Lines, QObject::tr("Week"), QObject::tr("Plays"));
    for (const stats::WeekCount& w : r.time.weeks)
        d.categories.append(dayLabel(w.week_start_day));
    const std::size_t plays = addSeries(d, QObject::tr("Plays"), Format::Count);
    for (std::size_t i = 0; i < r.time.weeks.size(); ++i)
        d.values[plays][i] = double(r.time.weeks[i].plays);
    return {r.time.weeks_headline, QObject::tr("Plays per week (weeks start on Monday)."), d};
}

CardContent top(const std::vector<stats::TopEntry>& entries, const QString& title,
                const QString& headline, bool withArtist) {
    ChartData d = make(Kind::HorizontalBars, title, QObject::tr("Plays"));
    for (const stats::TopEntry& e : entries)
        d.categories.append(withArtist ? e.name + QStringLiteral(" – ") + e.artist : e.name);
    const std::size_t plays = addSeries(d, QObject::tr("Plays"), Format::Count);
    const std::size_t hours = addSeries(d, QObject::tr("Hours heard"), Format::Decimal);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        d.values[plays][i] = double(entries[i].plays);
        d.values[hours][i] = double(entries[i].listening_ms) / kMsPerHour;
    }
    d.charted_series = 1;
    return {headline, QObject::tr("Most played in the period, imported listens included."), d};
}

CardContent streaks(const StatsReport& r) {
    const stats::Streaks& s = r.streaks.streaks;
    ChartData d = make(Kind::TableOnly, QObject::tr("Streak"), QObject::tr("Days"));
    d.categories = {QObject::tr("Longest streak"), QObject::tr("Current streak"),
                    QObject::tr("Days with music")};
    const std::size_t days = addSeries(d, QObject::tr("Days"), Format::Count);
    d.values[days] = {double(s.longest), double(s.current), double(s.active_days)};
    const std::size_t from = addTextSeries(d, QObject::tr("From"));
    const std::size_t to = addTextSeries(d, QObject::tr("To"));
    d.texts[from] = {s.longest > 0 ? stats::dayText(s.longest_first_day) : QString(),
                     s.current > 0 ? stats::dayText(s.current_first_day) : QString(), QString()};
    d.texts[to] = {s.longest > 0 ? stats::dayText(s.longest_last_day) : QString(),
                   s.current > 0 ? stats::dayText(r.streaks.today) : QString(), QString()};
    return {r.streaks.headline, QObject::tr("Days in a row with at least one play (local days)."),
            d};
}

CardContent discovery(const StatsReport& r) {
    ChartData d = make(Kind::Lines, QObject::tr("Week"), QObject::tr("New songs"));
    for (const stats::WeekDiscovery& w : r.discovery.weeks)
        d.categories.append(dayLabel(w.week_start_day));
    const std::size_t fresh = addSeries(d, QObject::tr("New songs"), Format::Count);
    for (std::size_t i = 0; i < r.discovery.weeks.size(); ++i)
        d.values[fresh][i] = double(r.discovery.weeks[i].new_tracks);
    return {r.discovery.headline,
            QObject::tr("Songs played for the first time ever, per week of that first play."), d};
}

CardContent forgotten(const StatsReport& r) {
    const stats::ForgottenFavourites& f = r.forgotten;
    ChartData d = make(Kind::TableOnly, QObject::tr("Song"), QObject::tr("Plays"));
    for (const stats::ForgottenTrack& t : f.tracks)
        d.categories.append(t.title + QStringLiteral(" – ") + t.artist);
    const std::size_t plays = addSeries(d, QObject::tr("Plays in all"), Format::Count);
    const std::size_t last = addTextSeries(d, QObject::tr("Last played"));
    const std::size_t ago = addSeries(d, QObject::tr("Days ago"), Format::Count);
    for (std::size_t i = 0; i < f.tracks.size(); ++i) {
        d.values[plays][i] = double(f.tracks[i].plays);
        d.texts[last].append(
            QDateTime::fromSecsSinceEpoch(f.tracks[i].last_played).date().toString(Qt::ISODate));
        d.values[ago][i] = double(f.tracks[i].days_since);
    }
    return {f.headline,
            QObject::tr("Songs with at least %1 plays in all, none in the last %2 days.")
                .arg(f.min_plays)
                .arg(f.days),
            d};
}

CardContent skipRates(const std::vector<stats::SkipRateRow>& rows, Kind kind, const QString& title,
                      const QString& headline, std::size_t minListens, int limit) {
    ChartData d = make(kind, title, QObject::tr("Skip rate"));
    std::vector<const stats::SkipRateRow*> shown;
    for (const stats::SkipRateRow& row : rows) {
        if ((kind == Kind::Bars || row.enough) && int(shown.size()) < limit)
            shown.push_back(&row);
    }
    for (const stats::SkipRateRow* row : shown)
        d.categories.append(row->label);
    const std::size_t rate = addSeries(d, QObject::tr("Skip rate"), Format::Share);
    const std::size_t listens = addSeries(d, QObject::tr("Listens"), Format::Decimal);
    for (std::size_t i = 0; i < shown.size(); ++i) {
        d.values[rate][i] = shown[i]->enough ? shown[i]->rate : 0.0;
        d.values[listens][i] = shown[i]->listens;
    }
    d.charted_series = 1;
    return {
        headline,
        QObject::tr("Share of listens ended by a skip. Shown where there are at least %1 listens.")
            .arg(minListens),
        d};
}

CardContent genrePopularity(const StatsReport& r) {
    const stats::GenrePopularity& p = r.genre_popularity;
    ChartData d = make(Kind::Boxes, QObject::tr("Genre"), QObject::tr("Plays per track"));
    for (const stats::GenrePopularityRow& row : p.rows)
        d.categories.append(row.name);
    const std::size_t low = addSeries(d, QObject::tr("Least"), Format::Decimal);
    const std::size_t q1 = addSeries(d, QObject::tr("Lower quartile"), Format::Decimal);
    const std::size_t median = addSeries(d, QObject::tr("Median"), Format::Decimal);
    const std::size_t q3 = addSeries(d, QObject::tr("Upper quartile"), Format::Decimal);
    const std::size_t high = addSeries(d, QObject::tr("Most"), Format::Decimal);
    const std::size_t tracks = addSeries(d, QObject::tr("Tracks"), Format::Count);
    const std::size_t never = addSeries(d, QObject::tr("Never played"), Format::Share);
    for (std::size_t i = 0; i < p.rows.size(); ++i) {
        const stats::Distribution& x = p.rows[i].plays;
        d.values[low][i] = x.min;
        d.values[q1][i] = x.q1;
        d.values[median][i] = x.median;
        d.values[q3][i] = x.q3;
        d.values[high][i] = x.max;
        d.values[tracks][i] = double(x.n);
        d.values[never][i] = x.zero_share;
    }
    d.charted_series = 5;
    d.charted_categories = kChartBoxes;
    const QString population = p.population == stats::Population::Library
                                   ? QObject::tr("the tracks of your library")
                                   : QObject::tr("every track in your history (no library yet)");
    return {p.headline,
            QObject::tr("How often the songs of each genre are played: the box holds the middle "
                        "half of the songs, the line in it the typical one. Over %1, each under "
                        "its main genre.")
                .arg(population),
            d,
            p.sentence + QLatin1Char(' ') +
                QObject::tr("Method: share explained is eta squared on plays per track; the "
                            "test is Kruskal-Wallis.")};
}

CardContent correlations(const StatsReport& r) {
    const stats::PopularityFactors& f = r.factors;
    ChartData d = make(Kind::Intervals, QObject::tr("Feature"), QObject::tr("Link with plays"));
    for (const stats::FeatureCorrelation& c : f.correlations)
        d.categories.append(c.feature);
    const std::size_t low = addSeries(d, QObject::tr("95% interval from"), Format::Decimal);
    const std::size_t rho = addSeries(d, QObject::tr("Spearman's rho"), Format::Decimal);
    const std::size_t high = addSeries(d, QObject::tr("95% interval to"), Format::Decimal);
    const std::size_t known = addSeries(d, QObject::tr("Tracks"), Format::Count);
    const std::size_t said = addTextSeries(d, QObject::tr("In words"));
    for (std::size_t i = 0; i < f.correlations.size(); ++i) {
        const stats::CorrelationFinding& c = f.correlations[i].finding;
        d.values[low][i] = c.ci_low;
        d.values[rho][i] = c.rho;
        d.values[high][i] = c.ci_high;
        d.values[known][i] = double(f.correlations[i].known);
        d.texts[said].append(f.correlations[i].sentence);
    }
    d.charted_series = 3;
    // Features that could not be computed come last (see rankCorrelations) and stay off the
    // chart: an interval from -1 to 1 would only be noise there.
    QStringList missing;
    d.charted_categories = 0;
    for (const stats::FeatureCorrelation& c : f.correlations) {
        const bool computed = c.finding.verdict == stats::Verdict::Clear ||
                              c.finding.verdict == stats::Verdict::NoClearEffect;
        d.charted_categories += computed ? 1 : 0;
        if (!computed)
            missing.append(c.feature);
    }
    QString caption = QObject::tr(
        "How closely each feature goes with how often a song is played: above 0, songs with "
        "more of it are played more; the bar shows how sure that is.");
    if (!missing.isEmpty())
        caption +=
            QLatin1Char(' ') +
            QObject::tr("Not enough known values for: %1.").arg(missing.join(QStringLiteral(", ")));
    return {f.headline, caption, d,
            QObject::tr("Method: Spearman's rank correlation (rho) of each feature with plays "
                        "per track, with its 95% interval; a link is claimed only where the "
                        "interval leaves out 0.")};
}

CardContent model(const StatsReport& r) {
    const stats::PopularityFactors& f = r.factors;
    ChartData d = make(Kind::Intervals, QObject::tr("Feature"), QObject::tr("Plays, times"));
    for (const stats::FeatureEffect& e : f.effects)
        d.categories.append(e.feature);
    const std::size_t low = addSeries(d, QObject::tr("95% interval from"), Format::Decimal);
    const std::size_t ratio = addSeries(d, QObject::tr("Plays ratio"), Format::Decimal);
    const std::size_t high = addSeries(d, QObject::tr("95% interval to"), Format::Decimal);
    const std::size_t said = addTextSeries(d, QObject::tr("In words"));
    for (std::size_t i = 0; i < f.effects.size(); ++i) {
        d.values[low][i] = f.effects[i].finding.ratio_low;
        d.values[ratio][i] = f.effects[i].finding.ratio;
        d.values[high][i] = f.effects[i].finding.ratio_high;
        d.texts[said].append(f.effects[i].sentence);
    }
    d.charted_series = 3;
    QString details = f.model_sentence;
    for (const QString& why : f.left_out)
        details += QLatin1Char(' ') + why;
    return {QObject::tr("Together, in one model: effects ranked by size."),
            QObject::tr("All features at once: how many times more a song is played for each "
                        "step up in one feature, the others held the same. 1 means no effect."),
            d, details};
}

}  // namespace

const std::vector<CardSpec>& dashboardCards() {
    static const std::vector<CardSpec> kCards = {
        {"genres", Kind::HorizontalBars, StatsPart::Genres},
        {"heatmap", Kind::Heatmap, StatsPart::TimePatterns},
        {"genre-by-hour", Kind::StackedShares, StatsPart::TimePatterns},
        {"genre-by-weekday", Kind::StackedShares, StatsPart::TimePatterns},
        {"genre-by-month", Kind::StackedShares, StatsPart::TimePatterns},
        {"genre-trend", Kind::Lines, StatsPart::TimePatterns},
        {"plays-per-week", Kind::Lines, StatsPart::TimePatterns},
        {"top-artists", Kind::HorizontalBars, StatsPart::TopLists},
        {"top-albums", Kind::HorizontalBars, StatsPart::TopLists},
        {"top-tracks", Kind::HorizontalBars, StatsPart::TopLists},
        {"streaks", Kind::TableOnly, StatsPart::Streaks},
        {"discovery", Kind::Lines, StatsPart::Discovery},
        {"forgotten-favourites", Kind::TableOnly, StatsPart::Forgotten},
        {"skips-by-hour", Kind::Bars, StatsPart::SkipRates},
        {"skips-by-genre", Kind::HorizontalBars, StatsPart::SkipRates},
        {"genre-vs-popularity", Kind::Boxes, StatsPart::GenrePopularity},
        {"what-makes-popular", Kind::Intervals, StatsPart::PopularityFactors},
        {"popularity-model", Kind::Intervals, StatsPart::PopularityFactors},
    };
    return kCards;
}

CardContent cardContent(const QString& key, const StatsReport& r) {
    const QString by = QObject::tr("Share of each genre in the plays ");
    if (key == QLatin1String("genres"))
        return genres(r);
    if (key == QLatin1String("heatmap"))
        return heatmap(r);
    if (key == QLatin1String("genre-by-hour"))
        return shares(r.time.by_hour, Kind::StackedShares, QObject::tr("Hour"),
                      by + QObject::tr("of each local hour."), r.genres);
    if (key == QLatin1String("genre-by-weekday")) {
        // Full names stand on end under seven narrow bars and run into the axis title.
        stats::GenreShareTable days = r.time.by_weekday;
        for (int b = 0; b < days.buckets.size() && std::size_t(b) < days.bucket_keys.size(); ++b)
            days.buckets[b] =
                QLocale().dayName(int(days.bucket_keys[std::size_t(b)]) + 1, QLocale::ShortFormat);
        return shares(days, Kind::StackedShares, QObject::tr("Weekday"),
                      by + QObject::tr("of each weekday."), r.genres);
    }
    if (key == QLatin1String("genre-by-month"))
        return shares(r.time.by_month, Kind::StackedShares, QObject::tr("Month"),
                      by + QObject::tr("of each month of the year."), r.genres);
    if (key == QLatin1String("genre-trend"))
        return shares(r.time.trend, Kind::Lines, QObject::tr("Month"),
                      by + QObject::tr("month by month: how your mix changes."), r.genres);
    if (key == QLatin1String("plays-per-week"))
        return weeks(r);
    if (key == QLatin1String("top-artists"))
        return top(r.top.artists, QObject::tr("Artist"), r.top.headline, false);
    if (key == QLatin1String("top-albums")) {
        CardContent albums =
            top(r.top.albums, QObject::tr("Album"), QObject::tr("Your top albums."), true);
        if (r.top.album_known_plays < r.top.total_plays)
            albums.caption +=
                QLatin1Char(' ') +
                QObject::tr("Album known for %1 of these plays: some imported listens name none.")
                    .arg(stats::formatShare(double(r.top.album_known_plays) /
                                            double(std::max<std::int64_t>(1, r.top.total_plays))));
        return albums;
    }
    if (key == QLatin1String("top-tracks"))
        return top(r.top.tracks, QObject::tr("Song"), QObject::tr("Your top songs."), true);
    if (key == QLatin1String("streaks"))
        return streaks(r);
    if (key == QLatin1String("discovery"))
        return discovery(r);
    if (key == QLatin1String("forgotten-favourites"))
        return forgotten(r);
    if (key == QLatin1String("skips-by-hour"))
        return skipRates(r.skips.by_hour, Kind::Bars, QObject::tr("Hour"), r.skips.headline,
                         r.skips.min_listens, 24);
    if (key == QLatin1String("skips-by-genre"))
        return skipRates(r.skips.by_genre, Kind::HorizontalBars, QObject::tr("Genre"),
                         QObject::tr("Skip rate by genre."), r.skips.min_listens, kChartRows);
    if (key == QLatin1String("genre-vs-popularity"))
        return genrePopularity(r);
    if (key == QLatin1String("what-makes-popular"))
        return correlations(r);
    if (key == QLatin1String("popularity-model"))
        return model(r);
    return {};
}

}  // namespace encore::dashboards
