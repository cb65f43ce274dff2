#include "stats/statscalculator.h"

#include "stats/compute/periodfold.h"
#include "stats/compute/sections.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace encore::stats {

namespace {

double msSince(const QElapsedTimer& timer) {
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

}  // namespace

StatsReport computeStats(const StatsData& data, const StatsQuery& asked, const PartReady& ready,
                         const std::atomic<bool>* cancel) {
    StatsQuery query = asked;
    if (query.profile_id == kActiveProfile)
        query.profile_id = data.activeProfile();
    StatsReport report;
    report.profiles = data.profiles;
    QElapsedTimer timer;
    timer.start();
    const PeriodFold fold = foldPeriod(data, query);
    report.fold_ms = msSince(timer);
    timer.restart();
    const TrackHistory history = foldHistory(data, query);
    report.history_ms = msSince(timer);
    const qint64 now =
        query.now_seconds > 0 ? query.now_seconds : QDateTime::currentSecsSinceEpoch();
    const StatsContext context{data,    query, fold,
                               history, now,   periodEvidence(data.catalogue, fold)};

    // Each step fills one part; the page shows it as soon as the callback hands it on.
    auto step = [&](StatsPart part, auto&& fill) {
        if (cancel && cancel->load())
            return false;
        QElapsedTimer partTimer;
        partTimer.start();
        fill();
        const std::size_t index = static_cast<std::size_t>(part);
        report.compute_ms[index] = msSince(partTimer);
        report.done[index] = true;
        if (ready)
            ready(part, report);
        return true;
    };
    step(StatsPart::Overview, [&] { report.overview = computeOverview(context); }) &&
        step(StatsPart::Genres, [&] { report.genres = computeGenreRanking(context); }) &&
        step(StatsPart::TimePatterns,
             [&] { report.time = computeTimePatterns(context, report.genres); }) &&
        step(StatsPart::TopLists, [&] { report.top = computeTopLists(context); }) &&
        step(StatsPart::Streaks, [&] { report.streaks = computeStreaks(context); }) &&
        step(StatsPart::Discovery, [&] { report.discovery = computeDiscovery(context); }) &&
        step(StatsPart::Forgotten, [&] { report.forgotten = computeForgotten(context); }) &&
        step(StatsPart::SkipRates, [&] { report.skips = computeSkipRates(context); }) &&
        step(StatsPart::GenrePopularity,
             [&] { report.genre_popularity = computeGenrePopularity(context); }) &&
        step(StatsPart::PopularityFactors,
             [&] { report.factors = computePopularityFactors(context); });
    return report;
}

}  // namespace encore::stats
