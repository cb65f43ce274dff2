// Genre vs popularity and what makes a song popular: per-track statistics over the population.
#include "stats/compute/sections.h"
#include "stats/math/groupcomparison.h"
#include "stats/math/ranking.h"
#include "stats/math/spearman.h"
#include "stats/summary/headlines.h"
#include "stats/summary/plainwords.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace encore::stats {

namespace {

// Feature values are whole numbers (seconds, tracks, days, minutes) so their ranks are counted
// rather than sorted; neither a rank correlation nor a standardised effect depends on the unit.
constexpr std::int64_t kMsPerSecond = 1000;
constexpr std::int64_t kSecondsPerDay = 86400;
constexpr int kHours = 24;
constexpr int kMinutesPerHour = 60;
// The usual hour is counted from 05:00, so a night owl's 01:00 is "late", not "early".
constexpr double kDayStartsAt = 5.0;
constexpr double kPi = 3.14159265358979323846;
// A feature enters the model only when known for at least this share of the tracks.
constexpr double kMinKnownForModel = 0.8;
// Weak normal prior on the standardised effects (see GlmOptions::ridge).
constexpr double kModelRidge = 1.0;

struct Feature {
    QString key;
    QString name;
    std::vector<double> value;  // per population track
    std::vector<std::uint8_t> known;
    bool model = true;     // may enter the model
    QString not_modelled;  // why it never may (empty otherwise)
    std::size_t knownCount() const {
        return static_cast<std::size_t>(std::count(known.begin(), known.end(), 1));
    }
};

std::uint64_t mix(std::uint64_t z) {
    z += 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::vector<Feature> buildFeatures(const StatsContext& x, const std::vector<std::int32_t>& tracks,
                                   Population population) {
    const Catalogue& c = x.data.catalogue;
    const PeriodFold& f = x.fold;
    const std::size_t n = tracks.size();
    std::vector<std::size_t> genreSize(static_cast<std::size_t>(c.genreCount()), 0);
    std::vector<std::size_t> artistSize(static_cast<std::size_t>(c.artist_names.size()), 0);
    for (std::int32_t t : tracks) {
        ++genreSize[static_cast<std::size_t>(*c.firstGenre(t))];
        ++artistSize[static_cast<std::size_t>(c.artist[t])];
    }
    auto make = [n](const char* key, const char* name) {
        Feature feature{QString::fromLatin1(key), QString::fromLatin1(name), {}, {}, true, {}};
        feature.value.assign(n, 0.0);
        feature.known.assign(n, 0);
        return feature;
    };
    std::vector<Feature> fs;
    fs.push_back(make("duration", "Duration"));
    fs.push_back(make("decade", "Release decade"));
    fs.push_back(make("genre_share", "Genre's share of the library"));
    fs.push_back(make("artist_share", "Artist's share of the library"));
    fs.push_back(make("bitrate", "Bitrate (format)"));
    fs.push_back(make("days_since_added", "Days since added"));
    fs.push_back(make("usual_hour", "Usual hour of play"));
    Feature& usual = fs.back();
    usual.model = false;
    usual.not_modelled = QStringLiteral(
                             "%1: only known for tracks played in the period, so it is "
                             "not in the model (it would leave out every unplayed "
                             "track).")
                             .arg(usual.name);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t t = static_cast<std::size_t>(tracks[i]);
        auto set = [i](Feature& feature, bool known, double v) {
            feature.known[i] = known ? 1 : 0;
            feature.value[i] = known ? v : 0.0;
        };
        set(fs[0], c.duration_ms[t] > 0, std::round(c.duration_ms[t] / double(kMsPerSecond)));
        set(fs[1], c.year[t] > 0, c.year[t] / 10 * 10);
        // Shares of the library as track counts: the same ranks, and whole numbers.
        const int genre = *c.firstGenre(t);
        set(fs[2], genre != c.noGenre(), static_cast<double>(genreSize[genre]));
        set(fs[3], true, static_cast<double>(artistSize[c.artist[t]]));
        // Lossless files have the highest bitrates, so this orders formats too.
        set(fs[4], c.bitrate[t] > 0, c.bitrate[t]);
        // An external track's "added" is when its history was imported: not a property of it.
        const bool added =
            population == Population::Library && c.in_library[t] && c.added_at[t] > 0;
        set(fs[5], added,
            static_cast<double>(std::max<std::int64_t>(0, x.now - c.added_at[t]) / kSecondsPerDay));
        const double cx = f.clock_x[t];
        const double cy = f.clock_y[t];
        double hour = std::atan2(cy, cx) * kHours / (2.0 * kPi) - 0.5;  // undo the half-hour shift
        hour = std::fmod(hour - kDayStartsAt + 2.0 * kHours, static_cast<double>(kHours));
        // Minutes after 05:00 of the circular mean hour of play.
        set(usual, f.plays[t] > 0 && std::hypot(cx, cy) > 1e-9, std::floor(hour * kMinutesPerHour));
    }
    return fs;
}

// yRanks: the outcome's ranks over every track, reused when the feature is known everywhere.
FeatureCorrelation correlate(const Feature& feature, const std::vector<double>& y,
                             const std::vector<double>& yRanks, const StatsOptions& options) {
    FeatureCorrelation c;
    c.key = feature.key;
    c.feature = feature.name;
    c.known = feature.knownCount();
    Spearman s;
    if (c.known == y.size() && !y.empty()) {
        s = spearmanFromRanks(averageRanks(feature.value).rank, yRanks);
    } else {
        std::vector<double> a;
        std::vector<double> b;
        for (std::size_t i = 0; i < y.size(); ++i) {
            if (feature.known[i]) {
                a.push_back(feature.value[i]);
                b.push_back(y[i]);
            }
        }
        s = spearman(a, b);
    }
    c.finding = correlationFinding(s, options.findings);
    c.sentence = describeCorrelation(c.finding, feature.name);
    return c;
}

int verdictOrder(Verdict v) {
    switch (v) {
        case Verdict::Clear:
            return 0;
        case Verdict::NoClearEffect:
            return 1;
        case Verdict::TooFewToSay:
            return 2;
        case Verdict::CannotTell:
            return 3;
    }
    return 4;
}

// Clear links first, then the unclear ones, then those that could not be computed; each
// strongest first.
void rankCorrelations(std::vector<FeatureCorrelation>& list) {
    std::stable_sort(list.begin(), list.end(),
                     [](const FeatureCorrelation& a, const FeatureCorrelation& b) {
                         const int oa = verdictOrder(a.finding.verdict);
                         const int ob = verdictOrder(b.finding.verdict);
                         if (oa != ob)
                             return oa < ob;
                         return std::fabs(a.finding.rho) > std::fabs(b.finding.rho);
                     });
}

void fitModel(const StatsContext& x, const std::vector<std::int32_t>& tracks,
              const std::vector<Feature>& features, const std::vector<double>& y,
              PopularityFactors& out) {
    const StatsOptions& options = x.options();
    std::vector<const Feature*> used;
    for (const Feature& f : features) {
        const double known = y.empty() ? 0.0 : static_cast<double>(f.knownCount()) / y.size();
        if (!f.model) {
            out.left_out.append(f.not_modelled);
        } else if (known < kMinKnownForModel) {
            out.left_out.append(QStringLiteral("%1: known for only %2 of the tracks, so it is not "
                                               "in the model.")
                                    .arg(f.name, formatShare(known)));
        } else {
            used.push_back(&f);
        }
    }
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < y.size(); ++i) {
        if (std::all_of(used.begin(), used.end(), [i](const Feature* f) { return f->known[i]; }))
            rows.push_back(i);
    }
    if (options.max_model_tracks > 0 && rows.size() > options.max_model_tracks) {
        // A seeded random sample: the same data always gives the same sample.
        std::vector<std::pair<std::uint64_t, std::size_t>> keyed;
        for (std::size_t i : rows)
            keyed.emplace_back(
                mix(options.seed ^ static_cast<std::uint64_t>(x.data.catalogue.id[tracks[i]])), i);
        std::nth_element(keyed.begin(),
                         keyed.begin() + static_cast<std::ptrdiff_t>(options.max_model_tracks),
                         keyed.end());
        keyed.resize(options.max_model_tracks);
        rows.clear();
        for (const auto& [key, i] : keyed)
            rows.push_back(i);
        std::sort(rows.begin(), rows.end());
        out.sampled = true;
    }
    std::vector<std::vector<double>> columns(used.size());
    std::vector<double> outcome;
    for (std::size_t i : rows) {
        for (std::size_t k = 0; k < used.size(); ++k)
            columns[k].push_back(used[k]->value[i]);
        outcome.push_back(y[i]);
    }
    for (const Feature* f : used)
        out.model_features.append(f->key);
    out.model_tracks = rows.size();
    GlmOptions glm;
    glm.family = GlmFamily::NegativeBinomial;
    glm.ridge = kModelRidge;
    // Play counts are heavier-tailed than the model's variance allows: without sandwich errors
    // unrelated features come out "clear" (seen on the benchmark's generated library).
    glm.robust = true;
    const GlmFit fit = fitGlm(columns, outcome, glm);
    out.dispersion = fit.dispersion;
    out.model = modelFinding(fit, options.findings);
    for (const EffectFinding& e : out.model.effects) {
        const Feature* f = used[e.column];
        out.effects.push_back(
            {f->key, f->name, e, describeEffect(e, fit.family, f->name, fit.level)});
    }
    for (std::size_t k = 0; k < fit.fate.size(); ++k) {
        const QString why = describeLeftOut(fit.fate[k], used[k]->name);
        if (!why.isEmpty())
            out.left_out.append(why);
    }
    out.model_sentence = describeModel(out.model);
    if (out.sampled)
        out.model_sentence += QStringLiteral(" Fitted on a random sample of %1 of the %2 tracks.")
                                  .arg(formatCount(out.model_tracks), formatCount(y.size()));
}

}  // namespace

QString populationName(Population population) {
    return population == Population::Library ? QStringLiteral("library")
                                             : QStringLiteral("history");
}

std::vector<std::int32_t> populationTracks(const StatsContext& x, Population* population) {
    const Catalogue& c = x.data.catalogue;
    const bool library = c.librarySize() > 0;
    *population = library ? Population::Library : Population::History;
    std::vector<std::int32_t> tracks;
    for (std::size_t t = 0; t < c.size(); ++t) {
        if (library ? c.in_library[t] != 0 : x.history.listens[t] > 0)
            tracks.push_back(static_cast<std::int32_t>(t));
    }
    return tracks;
}

GenrePopularity computeGenrePopularity(const StatsContext& x) {
    const Catalogue& c = x.data.catalogue;
    GenrePopularity p;
    const std::vector<std::int32_t> tracks = populationTracks(x, &p.population);
    p.tracks = tracks.size();
    p.min_group_size = x.options().min_genre_tracks;
    std::vector<double> values;
    std::vector<int> group;
    std::vector<std::size_t> size(static_cast<std::size_t>(c.genreCount()), 0);
    for (std::int32_t t : tracks) {
        values.push_back(x.fold.plays[t]);
        group.push_back(*c.firstGenre(t));
        ++size[static_cast<std::size_t>(group.back())];
    }
    const GroupComparison comparison = compareGroups(values, group, p.min_group_size);
    for (std::size_t g = 0; g < size.size(); ++g) {
        if (size[g] > 0 && size[g] < p.min_group_size)
            p.pooled.append(c.genre_names[int(g)]);
    }
    for (std::size_t k = 0; k < comparison.merge.source.size(); ++k) {
        GenrePopularityRow row;
        const int source = comparison.merge.source[k];
        row.other = source == kOtherGroup;
        row.no_genre = source == c.noGenre();
        row.name = row.other ? QStringLiteral("other") : c.genre_names[source];
        row.plays = comparison.distribution[k];
        p.rows.push_back(std::move(row));
    }
    std::stable_sort(p.rows.begin(), p.rows.end(),
                     [](const GenrePopularityRow& a, const GenrePopularityRow& b) {
                         if (a.plays.median != b.plays.median)
                             return a.plays.median > b.plays.median;
                         return a.plays.mean > b.plays.mean;
                     });
    p.eta = comparison.eta;
    p.kruskal = comparison.kruskal;
    p.finding = groupEffectFinding(p.eta, p.kruskal, comparison.merge, x.options().findings);
    p.sentence = describeGroupEffect(p.finding, GroupWording{}, x.options().findings.alpha);
    p.headline = genrePopularityHeadline(p, x.evidence);
    return p;
}

PopularityFactors computePopularityFactors(const StatsContext& x) {
    PopularityFactors out;
    const std::vector<std::int32_t> tracks = populationTracks(x, &out.population);
    out.tracks = tracks.size();
    std::vector<double> y;
    y.reserve(tracks.size());
    for (std::int32_t t : tracks)
        y.push_back(x.fold.plays[t]);
    QElapsedTimer timer;
    timer.start();
    const std::vector<Feature> features = buildFeatures(x, tracks, out.population);
    const std::vector<double> yRanks = averageRanks(y).rank;
    for (const Feature& f : features)
        out.correlations.push_back(correlate(f, y, yRanks, x.options()));
    rankCorrelations(out.correlations);
    out.correlations_ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    fitModel(x, tracks, features, y, out);
    out.model_ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    out.headline = factorsHeadline(out, x.evidence);
    return out;
}

}  // namespace encore::stats
