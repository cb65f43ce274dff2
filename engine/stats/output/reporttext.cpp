#include "stats/output/reporttext.h"

#include "stats/summary/headlines.h"
#include "stats/summary/plainwords.h"

#include <QDateTime>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace encore::stats {

namespace {

constexpr int kHeatmapLevels = 9;  // " .:-=+*#%@" minus the blank

QString number(double v, int decimals = 0) {
    return QString::number(v, 'f', decimals);
}

QString utcDate(std::int64_t seconds) {
    return seconds > 0 ? QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC)
                             .toString(QStringLiteral("yyyy-MM-dd"))
                       : QStringLiteral("-");
}

void section(QTextStream& out, const QString& title, const QString& headline) {
    out << "\n== " << title << " ==\n" << headline << "\n";
}

void overview(QTextStream& out, const Overview& o) {
    out << "Listening statistics for " << o.profile;
    if (o.since || o.until)
        out << " from " << (o.since ? utcDate(*o.since) : QStringLiteral("the start")) << " until "
            << (o.until ? utcDate(*o.until) : QStringLiteral("now"));
    out << "\n"
        << formatCount(std::size_t(o.plays)) << " plays (" << formatCount(std::size_t(o.listens))
        << " listens, " << formatCount(std::size_t(o.skips)) << " skips), "
        << durationText(o.listening_ms) << " heard, " << formatCount(std::size_t(o.distinct_tracks))
        << " tracks by " << formatCount(std::size_t(o.distinct_artists)) << " artists, "
        << utcDate(o.first_listen) << " to " << utcDate(o.last_listen) << ".\n";
    if (o.external_plays > 0)
        out << formatCount(std::size_t(o.external_plays))
            << " plays are of songs not in your library (imported history).\n";
}

void genres(QTextStream& out, const GenreRanking& r, std::size_t top) {
    section(out, QStringLiteral("Genres"), r.headline);
    out << "  rank  genre                       plays   share  time heard       tracks\n";
    for (std::size_t i = 0; i < std::min(top, r.rows.size()); ++i) {
        const GenreRow& g = r.rows[i];
        out << "  " << QString::number(g.rank_by_plays).rightJustified(4) << "  "
            << g.name.left(26).leftJustified(26) << number(g.plays).rightJustified(8)
            << formatShare(g.share).rightJustified(8) << "  "
            << durationText(g.listening_ms).leftJustified(16)
            << number(g.distinct_tracks).rightJustified(6) << "\n";
    }
    out << "  (a track with several genres counts for each; share splits it between them)\n";
    if (r.unknown_plays > 0 || r.inferred_plays > 0)
        out << "  " << knownGenreText(r.knownShare()) << "; "
            << formatShare(r.total_plays > 0 ? double(r.inferred_plays) / double(r.total_plays)
                                             : 0.0)
            << " inferred from the artist\n";
}

void heatmap(QTextStream& out, const TimePatterns& t) {
    section(out, QStringLiteral("When you listen"), t.heatmap_headline);
    std::int64_t max = 0;
    for (const auto& row : t.heatmap)
        max = std::max(max, *std::max_element(row.begin(), row.end()));
    static const char kShades[] = " .:-=+*#%@";
    out << "       0     6     12    18   (local hour)\n";
    for (int w = 0; w < 7; ++w) {
        out << "  " << weekdayName(w).left(3) << "  ";
        for (int h = 0; h < 24; ++h) {
            const std::int64_t v = t.heatmap[w][h];
            const int level =
                max > 0 && v > 0
                    ? 1 + int(std::lround(double(v) / double(max) * (kHeatmapLevels - 1)))
                    : 0;
            out << kShades[std::min(level, kHeatmapLevels)];
        }
        out << "\n";
    }
    out << t.by_hour.headline << "\n"
        << t.by_weekday.headline << "\n"
        << t.by_month.headline << "\n"
        << t.trend.headline << "\n"
        << t.weeks_headline << "\n";
}

void tops(QTextStream& out, const TopLists& top) {
    section(out, QStringLiteral("Top"), top.headline);
    auto list = [&](const char* title, const std::vector<TopEntry>& entries) {
        out << "  " << title << ":\n";
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const TopEntry& e = entries[i];
            out << "  " << QString::number(i + 1).rightJustified(4) << ". " << e.name;
            if (!e.artist.isEmpty())
                out << " - " << e.artist;
            out << " (" << e.plays << ")\n";
        }
    };
    list("artists", top.artists);
    list("albums", top.albums);
    list("tracks", top.tracks);
}

void habits(QTextStream& out, const StatsReport& r) {
    section(out, QStringLiteral("Streaks"), r.streaks.headline);
    section(out, QStringLiteral("Discovery"), r.discovery.headline);
    section(out, QStringLiteral("Forgotten favourites"), r.forgotten.headline);
    for (const ForgottenTrack& t : r.forgotten.tracks)
        out << "  " << t.title << " - " << t.artist << " (" << t.plays << " plays, last "
            << utcDate(t.last_played) << ")\n";
    section(out, QStringLiteral("Skips"), r.skips.headline);
    out << "  by hour:";
    for (const SkipRateRow& h : r.skips.by_hour) {
        if (h.enough)
            out << " " << h.label.left(2) << "h " << formatShare(h.rate);
    }
    out << "\n  by genre:";
    for (std::size_t i = 0; i < std::min<std::size_t>(10, r.skips.by_genre.size()); ++i) {
        const SkipRateRow& g = r.skips.by_genre[i];
        if (g.enough)
            out << " " << g.label << " " << formatShare(g.rate) << ";";
    }
    out << "\n";
}

void popularity(QTextStream& out, const StatsReport& r) {
    const GenrePopularity& p = r.genre_popularity;
    section(out, QStringLiteral("Genre vs popularity"), p.headline);
    out << p.sentence << "\n  genre                      tracks  median  q1-q3      never played\n";
    for (const GenrePopularityRow& row : p.rows) {
        out << "  " << row.name.left(26).leftJustified(26)
            << number(double(row.plays.n)).rightJustified(7)
            << number(row.plays.median, 1).rightJustified(8) << "  "
            << (number(row.plays.q1, 1) + QLatin1Char('-') + number(row.plays.q3, 1))
                   .leftJustified(10)
            << formatShare(row.plays.zero_share).rightJustified(6) << "\n";
    }
    const PopularityFactors& f = r.factors;
    section(out, QStringLiteral("What makes a song popular"), f.headline);
    for (const FeatureCorrelation& c : f.correlations)
        out << "  " << c.sentence << "\n";
    out << f.model_sentence << "\n";
    for (const FeatureEffect& e : f.effects)
        out << "  " << e.sentence << "\n";
    for (const QString& why : f.left_out)
        out << "  " << why << "\n";
}

}  // namespace

QString reportToText(const StatsReport& r) {
    QString text;
    QTextStream out(&text);
    if (r.has(StatsPart::Overview))
        overview(out, r.overview);
    if (r.has(StatsPart::Genres))
        genres(out, r.genres, 15);
    if (r.has(StatsPart::TimePatterns))
        heatmap(out, r.time);
    if (r.has(StatsPart::TopLists))
        tops(out, r.top);
    if (r.has(StatsPart::SkipRates))
        habits(out, r);
    if (r.has(StatsPart::PopularityFactors))
        popularity(out, r);
    out.flush();
    return text;
}

}  // namespace encore::stats
