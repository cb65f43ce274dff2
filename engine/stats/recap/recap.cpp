#include "stats/recap/recap.h"

#include "stats/math/localtime.h"
#include "stats/statscalculator.h"
#include "stats/summary/headlines.h"
#include "stats/summary/plainwords.h"

#include <QDateTime>

#include <algorithm>
#include <array>
#include <cmath>

namespace encore::stats {

namespace {

constexpr qint64 kSecondsPerDay = 86400;
constexpr std::size_t kListLength = 5;
// A top card names a favourite only with this many plays in the period.
constexpr std::int64_t kMinTopPlays = 5;
// "The hour you listen most": 30 plays on at least 5 different days.
constexpr std::int64_t kMinHourPlays = 30;
constexpr std::int64_t kMinHourDays = 5;
// "How your taste moved": 50 plays with a known genre in each period, and a move of 5 points.
constexpr std::int64_t kMinTastePlays = 50;
constexpr double kNotableMove = 0.05;
// Hours listened "about the same" within this share of the period before.
constexpr double kSameHours = 0.05;

QString plural(std::int64_t n, const QString& one, const QString& many) {
    return formatCount(std::size_t(std::max<std::int64_t>(0, n))) + QLatin1Char(' ') +
           (n == 1 ? one : many);
}

QString periodName(RecapSpan span, int year, int month) {
    return span == RecapSpan::Year ? QString::number(year)
                                   : monthName(month) + QLatin1Char(' ') + QString::number(year);
}

std::vector<RecapEntry> listOf(const std::vector<TopEntry>& top) {
    std::vector<RecapEntry> list;
    for (std::size_t i = 0; i < std::min(kListLength, top.size()); ++i)
        list.push_back({top[i].name, top[i].artist, top[i].track_id, top[i].plays});
    return list;
}

RecapCard topCard(const QString& key, const QString& title, const std::vector<TopEntry>& top,
                  bool withArtist, const QString& what) {
    RecapCard card;
    card.key = key;
    card.title = title;
    const std::int64_t plays = top.empty() ? 0 : top.front().plays;
    if (top.empty()) {
        // Plays there were (the recap has none without), but none names one: an export
        // such as Spotify's basic history names no albums.
        card.enough = false;
        card.sentence = QStringLiteral("None of these plays names its %1.").arg(what.chopped(1));
        return card;
    }
    if (plays < kMinTopPlays) {
        card.enough = false;
        card.sentence = QStringLiteral("Play a few more songs to see your top %1.").arg(what);
        return card;
    }
    const TopEntry& first = top.front();
    card.figure = first.name;
    card.cover_track = first.track_id;
    card.list = listOf(top);
    QString sentence =
        withArtist
            ? QStringLiteral("By %1, %2")
                  .arg(first.artist, plural(plays, QStringLiteral("play"), QStringLiteral("plays")))
            : plural(plays, QStringLiteral("play"), QStringLiteral("plays"));
    if (top.size() > 1)
        sentence += QStringLiteral(", ahead of %1 (%2)").arg(top[1].name).arg(top[1].plays);
    card.sentence = sentence + QLatin1Char('.');
    return card;
}

QString hoursFigure(std::int64_t ms) {
    const double hours = double(ms) / 3600000.0;
    if (hours < 1.0)
        return QStringLiteral("%1 min").arg(std::llround(double(ms) / 60000.0));
    return QStringLiteral("%1 h").arg(formatCount(std::size_t(std::llround(hours))));
}

RecapCard hoursCard(const StatsReport& now, const StatsReport& before, const QString& previous) {
    RecapCard card;
    card.key = QStringLiteral("hours");
    card.title = QStringLiteral("Time listening");
    card.figure = hoursFigure(now.overview.listening_ms);
    const double a = double(now.overview.listening_ms);
    const double b = double(before.overview.listening_ms);
    if (before.overview.plays == 0) {
        card.sentence = QStringLiteral("Nothing to compare with: no plays in %1.").arg(previous);
    } else if (std::fabs(a - b) <= kSameHours * b) {
        card.sentence = QStringLiteral("About the same as in %1.").arg(previous);
    } else {
        card.sentence = QStringLiteral("%1 %2 than in %3 (%4).")
                            .arg(formatShare(std::fabs(a - b) / b),
                                 a > b ? QStringLiteral("more") : QStringLiteral("less"), previous,
                                 hoursFigure(before.overview.listening_ms));
    }
    return card;
}

RecapCard discoveryCard(const StatsReport& now) {
    RecapCard card;
    card.key = QStringLiteral("discoveries");
    card.title = QStringLiteral("New to you");
    const Discovery& d = now.discovery;
    card.figure = formatCount(std::size_t(d.new_tracks));
    if (!d.history_before_period)
        card.sentence =
            QStringLiteral("songs in your first listening here: every one was new to you.");
    else
        card.sentence = QStringLiteral("songs you had never played before: %1 of what you played.")
                            .arg(formatShare(d.new_share));
    return card;
}

RecapCard streakCard(const StatsReport& now) {
    RecapCard card;
    card.key = QStringLiteral("streak");
    card.title = QStringLiteral("Longest streak");
    const Streaks& s = now.streaks.streaks;
    card.figure = plural(s.longest, QStringLiteral("day"), QStringLiteral("days"));
    if (s.longest <= 1)
        card.sentence =
            QStringLiteral("You never listened two days in a row; %1 with music.")
                .arg(plural(s.active_days, QStringLiteral("day"), QStringLiteral("days")));
    else
        card.sentence =
            QStringLiteral("in a row, %1 to %2; %3 with music in all.")
                .arg(dayText(s.longest_first_day), dayText(s.longest_last_day),
                     plural(s.active_days, QStringLiteral("day"), QStringLiteral("days")));
    return card;
}

RecapCard hourCard(const StatsReport& now) {
    RecapCard card;
    card.key = QStringLiteral("peak-hour");
    card.title = QStringLiteral("Your hour");
    const Evidence& e = now.overview.evidence;
    if (e.plays < kMinHourPlays || e.active_days < kMinHourDays) {
        card.enough = false;
        card.sentence =
            QStringLiteral(
                "Play on a few more days to see the hour you listen most. So far: "
                "%1 on %2.")
                .arg(plural(e.plays, QStringLiteral("play"), QStringLiteral("plays")),
                     plural(e.active_days, QStringLiteral("day"), QStringLiteral("days")));
        return card;
    }
    std::array<std::int64_t, 24> hours{};
    for (const auto& day : now.time.heatmap)
        for (int h = 0; h < 24; ++h)
            hours[std::size_t(h)] += day[std::size_t(h)];
    const auto peak = std::max_element(hours.begin(), hours.end());
    const int hour = int(peak - hours.begin());
    card.figure = hourText(hour);
    card.sentence =
        QStringLiteral("is when you listen most: %1 of your plays start then.")
            .arg(formatShare(double(*peak) / double(std::max<std::int64_t>(1, e.plays))));
    return card;
}

RecapCard tasteCard(const StatsReport& now, const StatsReport& before, const QString& period,
                    const QString& previous) {
    RecapCard card;
    card.key = QStringLiteral("taste");
    card.title = QStringLiteral("How your taste moved");
    if (now.genres.known_plays == 0) {
        card.enough = false;
        card.sentence = QStringLiteral(
                            "None of the songs you played in %1 has a genre; genre tags in your "
                            "library (or these artists' music in it) would tell.")
                            .arg(period);
        return card;
    }
    if (now.genres.known_plays < kMinTastePlays || before.genres.known_plays < kMinTastePlays) {
        card.enough = false;
        card.sentence = QStringLiteral(
                            "It takes %1 plays of songs with a genre in %2 and in %3 to compare "
                            "them; there were %4 and %5.")
                            .arg(kMinTastePlays)
                            .arg(previous, period)
                            .arg(before.genres.known_plays)
                            .arg(now.genres.known_plays);
        return card;
    }
    auto shareIn = [](const GenreRanking& r, const QString& genre) {
        for (const GenreRow& row : r.rows)
            if (row.name == genre)
                return row.share;
        return 0.0;
    };
    QString best;
    double bestMove = 0.0;
    for (const GenreRanking* r : {&now.genres, &before.genres}) {
        for (const GenreRow& row : r->rows) {
            const double move = shareIn(now.genres, row.name) - shareIn(before.genres, row.name);
            if (std::fabs(move) > std::fabs(bestMove)) {
                bestMove = move;
                best = row.name;
            }
        }
    }
    if (std::fabs(bestMove) < kNotableMove) {
        card.figure = QStringLiteral("Steady");
        card.sentence =
            QStringLiteral("Your genre mix in %1 was much like %2's.").arg(period, previous);
        return card;
    }
    card.figure = best;
    card.sentence = QStringLiteral("went from %1 of your plays in %2 to %3 in %4.")
                        .arg(formatShare(shareIn(before.genres, best)), previous,
                             formatShare(shareIn(now.genres, best)), period);
    return card;
}

// The statistics of `query` up to Discovery: the later parts (popularity) are not needed.
StatsReport partsForRecap(const StatsData& data, const StatsQuery& query,
                          const std::atomic<bool>* cancel) {
    std::atomic<bool> stop{false};
    return computeStats(
        data, query,
        [&](StatsPart part, const StatsReport&) {
            if (part == StatsPart::Discovery || (cancel && cancel->load()))
                stop.store(true);
        },
        &stop);
}

}  // namespace

void recapBounds(const RecapQuery& q, qint64* since, qint64* until, qint64* previousSince) {
    const qint64 offset = qint64(q.offset_minutes) * 60;
    auto start = [&](int year, int month) {
        return daysFromCivil(year, month, 1) * kSecondsPerDay - offset;
    };
    if (q.span == RecapSpan::Year) {
        *since = start(q.year, 1);
        *until = start(q.year + 1, 1);
        *previousSince = start(q.year - 1, 1);
        return;
    }
    *since = start(q.year, q.month);
    *until = q.month == 12 ? start(q.year + 1, 1) : start(q.year, q.month + 1);
    *previousSince = q.month == 1 ? start(q.year - 1, 12) : start(q.year, q.month - 1);
}

Recap makeRecap(const RecapQuery& q, const StatsReport& now, const StatsReport& before) {
    Recap r;
    r.span = q.span;
    qint64 previousSince = 0;
    recapBounds(q, &r.since, &r.until, &previousSince);
    r.period_name = periodName(q.span, q.year, q.month);
    r.previous_name = q.span == RecapSpan::Year ? QString::number(q.year - 1)
                      : q.month == 1            ? periodName(q.span, q.year - 1, 12)
                                                : periodName(q.span, q.year, q.month - 1);
    r.title = QStringLiteral("Your ") + r.period_name;
    r.plays = now.overview.plays;
    if (r.plays == 0)
        return r;  // no cards: the view says there were no plays
    r.cards.push_back(topCard(QStringLiteral("top-artist"), QStringLiteral("Top artist"),
                              now.top.artists, false, QStringLiteral("artists")));
    r.cards.push_back(topCard(QStringLiteral("top-album"), QStringLiteral("Top album"),
                              now.top.albums, true, QStringLiteral("albums")));
    r.cards.push_back(topCard(QStringLiteral("top-track"), QStringLiteral("Top song"),
                              now.top.tracks, true, QStringLiteral("songs")));
    r.cards.push_back(hoursCard(now, before, r.previous_name));
    r.cards.push_back(discoveryCard(now));
    r.cards.push_back(streakCard(now));
    r.cards.push_back(hourCard(now));
    r.cards.push_back(tasteCard(now, before, r.period_name, r.previous_name));
    return r;
}

Recap computeRecap(const StatsData& data, const RecapQuery& q, const std::atomic<bool>* cancel) {
    StatsQuery period;
    period.profile_id = q.profile_id;
    period.now_seconds = q.now_seconds;
    period.now_offset_minutes = q.offset_minutes;
    qint64 since = 0;
    qint64 until = 0;
    qint64 previousSince = 0;
    recapBounds(q, &since, &until, &previousSince);
    period.since = since;
    period.until = until;
    StatsQuery previous = period;
    previous.since = previousSince;
    previous.until = since;
    const StatsReport now = partsForRecap(data, period, cancel);
    if (cancel && cancel->load())
        return {};
    const StatsReport before = partsForRecap(data, previous, cancel);
    if (cancel && cancel->load())
        return {};
    return makeRecap(q, now, before);
}

}  // namespace encore::stats
