#include "stats/output/reportjson.h"

#include "stats/math/localtime.h"

#include <QDateTime>
#include <QJsonArray>

namespace encore::stats {

namespace {

// std::int64_t is long here, qint64 long long: QJsonValue takes only the latter.
QJsonValue whole(std::int64_t v) {
    return QJsonValue(static_cast<qint64>(v));
}

QJsonValue instant(std::int64_t seconds) {
    if (seconds == 0)
        return QJsonValue();
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QJsonValue optionalInstant(const std::optional<qint64>& seconds) {
    return seconds ? instant(*seconds) : QJsonValue();
}

QString day(std::int64_t dayNumber) {
    const CivilDate d = civilFromDays(dayNumber);
    return QStringLiteral("%1-%2-%3")
        .arg(d.year, 4, 10, QLatin1Char('0'))
        .arg(d.month, 2, 10, QLatin1Char('0'))
        .arg(d.day, 2, 10, QLatin1Char('0'));
}

const char* verdictName(Verdict v) {
    switch (v) {
        case Verdict::TooFewToSay:
            return "too_few_to_say";
        case Verdict::CannotTell:
            return "cannot_tell";
        case Verdict::NoClearEffect:
            return "no_clear_effect";
        case Verdict::Clear:
            return "clear";
    }
    return "";
}

QJsonObject distribution(const Distribution& d) {
    return {{QStringLiteral("n"), qint64(d.n)},
            {QStringLiteral("mean"), d.mean},
            {QStringLiteral("min"), d.min},
            {QStringLiteral("q1"), d.q1},
            {QStringLiteral("median"), d.median},
            {QStringLiteral("q3"), d.q3},
            {QStringLiteral("max"), d.max},
            {QStringLiteral("never_played"), qint64(d.zeros)},
            {QStringLiteral("never_played_share"), d.zero_share}};
}

QJsonObject overview(const Overview& o) {
    return {{QStringLiteral("profile"), o.profile},
            {QStringLiteral("profile_id"), o.profile_id},
            {QStringLiteral("since"), optionalInstant(o.since)},
            {QStringLiteral("until"), optionalInstant(o.until)},
            {QStringLiteral("now"), instant(o.now_seconds)},
            {QStringLiteral("first_listen"), instant(o.first_listen)},
            {QStringLiteral("last_listen"), instant(o.last_listen)},
            {QStringLiteral("listens"), o.listens},
            {QStringLiteral("plays"), o.plays},
            {QStringLiteral("skips"), o.skips},
            {QStringLiteral("listening_ms"), o.listening_ms},
            {QStringLiteral("distinct_tracks"), o.distinct_tracks},
            {QStringLiteral("distinct_artists"), o.distinct_artists},
            {QStringLiteral("plays_of_tracks_not_in_library"), o.external_plays},
            {QStringLiteral("library_tracks"), o.library_tracks},
            {QStringLiteral("listens_of_unknown_tracks"), o.unknown_listens}};
}

QJsonObject genres(const GenreRanking& r) {
    QJsonArray rows;
    for (const GenreRow& g : r.rows) {
        rows.append(QJsonObject{{QStringLiteral("genre"), g.name},
                                {QStringLiteral("no_genre"), g.no_genre},
                                {QStringLiteral("plays"), whole(g.plays)},
                                {QStringLiteral("weighted_plays"), g.weighted_plays},
                                {QStringLiteral("share"), g.share},
                                {QStringLiteral("listening_ms"), whole(g.listening_ms)},
                                {QStringLiteral("weighted_listening_ms"), g.weighted_listening_ms},
                                {QStringLiteral("distinct_tracks"), whole(g.distinct_tracks)},
                                {QStringLiteral("rank_by_plays"), g.rank_by_plays},
                                {QStringLiteral("rank_by_time"), g.rank_by_time},
                                {QStringLiteral("rank_by_tracks"), g.rank_by_tracks}});
    }
    return {{QStringLiteral("headline"), r.headline},
            {QStringLiteral("total_plays"), whole(r.total_plays)},
            {QStringLiteral("known_plays"), whole(r.known_plays)},
            {QStringLiteral("inferred_plays"), whole(r.inferred_plays)},
            {QStringLiteral("unknown_plays"), whole(r.unknown_plays)},
            {QStringLiteral("total_listening_ms"), whole(r.total_listening_ms)},
            {QStringLiteral("counting"),
             QStringLiteral("plays, listening_ms and distinct_tracks count a track with several "
                            "genres in full for each; weighted_* split it equally between them "
                            "and sum to known_plays; plays of songs with no known genre are in "
                            "no row (unknown_plays); inferred_plays took the genre most of "
                            "their artist's library songs carry")},
            {QStringLiteral("rows"), rows}};
}

QJsonObject shareTable(const GenreShareTable& t) {
    QJsonArray buckets;
    for (std::size_t b = 0; b < t.totals.size(); ++b) {
        QJsonArray plays;
        for (double v : t.plays[b])
            plays.append(v);
        buckets.append(QJsonObject{{QStringLiteral("bucket"), t.buckets.value(int(b))},
                                   {QStringLiteral("key"), whole(t.bucket_keys[b])},
                                   {QStringLiteral("plays"), t.totals[b]},
                                   {QStringLiteral("genre_plays"), plays}});
    }
    return {{QStringLiteral("headline"), t.headline},
            {QStringLiteral("genres"), QJsonArray::fromStringList(t.genres)},
            {QStringLiteral("buckets"), buckets}};
}

QJsonObject timePatterns(const TimePatterns& t) {
    QJsonArray heatmap;
    for (const auto& weekday : t.heatmap) {
        QJsonArray hours;
        for (std::int64_t v : weekday)
            hours.append(whole(v));
        heatmap.append(hours);
    }
    QJsonArray weeks;
    for (const WeekCount& w : t.weeks)
        weeks.append(QJsonObject{{QStringLiteral("week"), day(w.week_start_day)},
                                 {QStringLiteral("plays"), whole(w.plays)}});
    return {{QStringLiteral("heatmap_headline"), t.heatmap_headline},
            {QStringLiteral("heatmap"), heatmap},
            {QStringLiteral("heatmap_rows"), QStringLiteral("weekday, Monday first")},
            {QStringLiteral("heatmap_columns"), QStringLiteral("local hour 0-23")},
            {QStringLiteral("total_plays"), whole(t.total_plays)},
            {QStringLiteral("peak_weekday"), t.peak_weekday},
            {QStringLiteral("peak_part_of_day"), daypartName(t.peak_daypart)},
            {QStringLiteral("genre_by_hour"), shareTable(t.by_hour)},
            {QStringLiteral("genre_by_weekday"), shareTable(t.by_weekday)},
            {QStringLiteral("genre_by_month"), shareTable(t.by_month)},
            {QStringLiteral("genre_trend_by_month"), shareTable(t.trend)},
            {QStringLiteral("weeks_headline"), t.weeks_headline},
            {QStringLiteral("mean_plays_per_week"), t.mean_plays_per_week},
            {QStringLiteral("plays_per_week"), weeks}};
}

// `idKey`: "track_id" for tracks, "top_track_id" (the cover's track) for artists and albums.
QJsonArray entries(const std::vector<TopEntry>& list, const QString& idKey) {
    QJsonArray a;
    for (const TopEntry& e : list) {
        QJsonObject o{{QStringLiteral("name"), e.name},
                      {QStringLiteral("plays"), whole(e.plays)},
                      {QStringLiteral("listening_ms"), whole(e.listening_ms)}};
        if (!e.artist.isEmpty())
            o.insert(QStringLiteral("artist"), e.artist);
        if (e.track_id > 0)
            o.insert(idKey, e.track_id);
        a.append(o);
    }
    return a;
}

QJsonObject streaks(const StreakSummary& s) {
    const Streaks& k = s.streaks;
    return {{QStringLiteral("headline"), s.headline},
            {QStringLiteral("longest_days"), k.longest},
            {QStringLiteral("longest_from"),
             k.longest > 0 ? QJsonValue(day(k.longest_first_day)) : QJsonValue()},
            {QStringLiteral("longest_to"),
             k.longest > 0 ? QJsonValue(day(k.longest_last_day)) : QJsonValue()},
            {QStringLiteral("current_days"), k.current},
            {QStringLiteral("current_from"),
             k.current > 0 ? QJsonValue(day(k.current_first_day)) : QJsonValue()},
            {QStringLiteral("active_days"), k.active_days},
            {QStringLiteral("today"), day(s.today)}};
}

QJsonObject discovery(const Discovery& d) {
    QJsonArray weeks;
    for (const WeekDiscovery& w : d.weeks)
        weeks.append(QJsonObject{{QStringLiteral("week"), day(w.week_start_day)},
                                 {QStringLiteral("new_tracks"), whole(w.new_tracks)}});
    return {{QStringLiteral("headline"), d.headline},
            {QStringLiteral("new_tracks"), whole(d.new_tracks)},
            {QStringLiteral("distinct_tracks"), whole(d.distinct_tracks)},
            {QStringLiteral("mean_new_per_week"), d.mean_per_week},
            {QStringLiteral("new_share"), d.new_share},
            {QStringLiteral("weeks"), weeks}};
}

QJsonObject forgotten(const ForgottenFavourites& f) {
    QJsonArray tracks;
    for (const ForgottenTrack& t : f.tracks)
        tracks.append(QJsonObject{{QStringLiteral("track_id"), t.track_id},
                                  {QStringLiteral("title"), t.title},
                                  {QStringLiteral("artist"), t.artist},
                                  {QStringLiteral("plays"), whole(t.plays)},
                                  {QStringLiteral("last_played"), instant(t.last_played)},
                                  {QStringLiteral("days_since"), whole(t.days_since)}});
    return {{QStringLiteral("headline"), f.headline},
            {QStringLiteral("not_played_for_days"), f.days},
            {QStringLiteral("min_plays"), f.min_plays},
            {QStringLiteral("total"), whole(f.total)},
            {QStringLiteral("tracks"), tracks}};
}

QJsonArray skipRows(const std::vector<SkipRateRow>& rows) {
    QJsonArray a;
    for (const SkipRateRow& r : rows)
        a.append(QJsonObject{{QStringLiteral("label"), r.label},
                             {QStringLiteral("listens"), r.listens},
                             {QStringLiteral("skips"), r.skips},
                             {QStringLiteral("rate"), r.rate},
                             {QStringLiteral("enough_listens"), r.enough}});
    return a;
}

QJsonObject skips(const SkipRates& s) {
    return {{QStringLiteral("headline"), s.headline},
            {QStringLiteral("listens"), s.listens},
            {QStringLiteral("skips"), s.skips},
            {QStringLiteral("rate"), s.rate},
            {QStringLiteral("min_listens"), qint64(s.min_listens)},
            {QStringLiteral("by_genre"), skipRows(s.by_genre)},
            {QStringLiteral("by_hour"), skipRows(s.by_hour)}};
}

QJsonObject genrePopularity(const GenrePopularity& p) {
    QJsonArray rows;
    for (const GenrePopularityRow& r : p.rows) {
        QJsonObject o = distribution(r.plays);
        o.insert(QStringLiteral("genre"), r.name);
        o.insert(QStringLiteral("other"), r.other);
        o.insert(QStringLiteral("no_genre"), r.no_genre);
        rows.append(o);
    }
    return {
        {QStringLiteral("headline"), p.headline},
        {QStringLiteral("sentence"), p.sentence},
        {QStringLiteral("population"), populationName(p.population)},
        {QStringLiteral("tracks"), qint64(p.tracks)},
        {QStringLiteral("min_tracks_per_genre"), qint64(p.min_group_size)},
        {QStringLiteral("pooled_as_other"), QJsonArray::fromStringList(p.pooled)},
        {QStringLiteral("eta_squared"), p.eta.eta_squared},
        {QStringLiteral("eta_squared_issue"), QString::fromLatin1(issueName(p.eta.issue))},
        {QStringLiteral("kruskal_wallis_h"), p.kruskal.h},
        {QStringLiteral("kruskal_wallis_df"), p.kruskal.df},
        {QStringLiteral("kruskal_wallis_p"), p.kruskal.p_value},
        {QStringLiteral("kruskal_wallis_issue"), QString::fromLatin1(issueName(p.kruskal.issue))},
        {QStringLiteral("verdict"), QString::fromLatin1(verdictName(p.finding.verdict))},
        {QStringLiteral("genres"), rows}};
}

QJsonObject factors(const PopularityFactors& f) {
    QJsonArray correlations;
    for (const FeatureCorrelation& c : f.correlations)
        correlations.append(QJsonObject{
            {QStringLiteral("feature"), c.key},
            {QStringLiteral("name"), c.feature},
            {QStringLiteral("tracks"), qint64(c.known)},
            {QStringLiteral("rho"), c.finding.rho},
            {QStringLiteral("ci_low"), c.finding.ci_low},
            {QStringLiteral("ci_high"), c.finding.ci_high},
            {QStringLiteral("p_value"), c.finding.p_value},
            {QStringLiteral("verdict"), QString::fromLatin1(verdictName(c.finding.verdict))},
            {QStringLiteral("sentence"), c.sentence}});
    QJsonArray effects;
    for (const FeatureEffect& e : f.effects)
        effects.append(QJsonObject{
            {QStringLiteral("feature"), e.key},
            {QStringLiteral("name"), e.feature},
            {QStringLiteral("estimate"), e.finding.estimate},
            {QStringLiteral("ci_low"), e.finding.ci_low},
            {QStringLiteral("ci_high"), e.finding.ci_high},
            {QStringLiteral("rate_ratio"), e.finding.ratio},
            {QStringLiteral("rate_ratio_low"), e.finding.ratio_low},
            {QStringLiteral("rate_ratio_high"), e.finding.ratio_high},
            {QStringLiteral("verdict"), QString::fromLatin1(verdictName(e.finding.verdict))},
            {QStringLiteral("sentence"), e.sentence}});
    return {{QStringLiteral("headline"), f.headline},
            {QStringLiteral("population"), populationName(f.population)},
            {QStringLiteral("tracks"), qint64(f.tracks)},
            {QStringLiteral("correlations"), correlations},
            {QStringLiteral("model"), QStringLiteral("ridge negative binomial regression of plays "
                                                     "per track on standardised features")},
            {QStringLiteral("model_sentence"), f.model_sentence},
            {QStringLiteral("model_verdict"), QString::fromLatin1(verdictName(f.model.verdict))},
            {QStringLiteral("model_issue"), QString::fromLatin1(issueName(f.model.issue))},
            {QStringLiteral("model_tracks"), qint64(f.model_tracks)},
            {QStringLiteral("model_sampled"), f.sampled},
            {QStringLiteral("model_features"), QJsonArray::fromStringList(f.model_features)},
            {QStringLiteral("dispersion"), f.dispersion},
            {QStringLiteral("effects"), effects},
            {QStringLiteral("left_out"), QJsonArray::fromStringList(f.left_out)}};
}

}  // namespace

QJsonObject reportToJson(const StatsReport& r) {
    QJsonObject o;
    auto put = [&](StatsPart part, const QJsonObject& value) {
        if (r.has(part))
            o.insert(QString::fromLatin1(statsPartKey(part)), value);
    };
    put(StatsPart::Overview, overview(r.overview));
    put(StatsPart::Genres, genres(r.genres));
    put(StatsPart::TimePatterns, timePatterns(r.time));
    put(StatsPart::TopLists,
        QJsonObject{
            {QStringLiteral("headline"), r.top.headline},
            {QStringLiteral("artists"), entries(r.top.artists, QStringLiteral("top_track_id"))},
            {QStringLiteral("albums"), entries(r.top.albums, QStringLiteral("top_track_id"))},
            {QStringLiteral("tracks"), entries(r.top.tracks, QStringLiteral("track_id"))}});
    put(StatsPart::Streaks, streaks(r.streaks));
    put(StatsPart::Discovery, discovery(r.discovery));
    put(StatsPart::Forgotten, forgotten(r.forgotten));
    put(StatsPart::SkipRates, skips(r.skips));
    put(StatsPart::GenrePopularity, genrePopularity(r.genre_popularity));
    put(StatsPart::PopularityFactors, factors(r.factors));
    return o;
}

}  // namespace encore::stats
