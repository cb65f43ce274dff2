#include "stats/compute/periodfold.h"

#include "stats/math/localtime.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace encore::stats {

namespace {

constexpr int kHours = 24;
constexpr int kWeekdays = 7;
constexpr int kMonths = 12;
constexpr double kPi = 3.14159265358979323846;

std::int64_t monthKey(std::int64_t day) {
    const CivilDate date = civilFromDays(day);
    return static_cast<std::int64_t>(date.year) * kMonths + date.month - 1;
}

// The listens in scope and the local days of their first and last play.
struct Selection {
    std::vector<std::uint32_t> listens;
    std::int32_t first_day = std::numeric_limits<std::int32_t>::max();
    std::int32_t last_day = std::numeric_limits<std::int32_t>::min();
    bool any_play = false;
};

Selection select(const PlayColumns& p, const StatsQuery& query) {
    Selection s;
    s.listens.reserve(p.size());
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (!inScope(p, i, query))
            continue;
        s.listens.push_back(static_cast<std::uint32_t>(i));
        if (p.counted(i) && p.track[i] >= 0) {
            s.first_day = std::min(s.first_day, p.local_day[i]);
            s.last_day = std::max(s.last_day, p.local_day[i]);
            s.any_play = true;
        }
    }
    return s;
}

void allocate(PeriodFold& f, const Catalogue& c, const Selection& s) {
    const std::size_t n = c.size();
    const std::size_t g = static_cast<std::size_t>(c.genreCount());
    f.genres = c.genreCount();
    f.plays.assign(n, 0);
    f.listens.assign(n, 0);
    f.skips.assign(n, 0);
    f.listening_ms.assign(n, 0);
    f.clock_x.assign(n, 0.0);
    f.clock_y.assign(n, 0.0);
    f.genre_by_hour.assign(kHours * g, 0.0);
    f.genre_by_weekday.assign(kWeekdays * g, 0.0);
    f.genre_by_month.assign(kMonths * g, 0.0);
    f.genre_listens.assign(g, 0.0);
    f.genre_skips.assign(g, 0.0);
    if (!s.any_play)
        return;
    f.first_day = s.first_day;
    f.last_day = s.last_day;
    f.first_month = monthKey(s.first_day);
    const std::size_t months = static_cast<std::size_t>(monthKey(s.last_day) - f.first_month + 1);
    f.genre_by_calendar_month.assign(months * g, 0.0);
    const std::int64_t firstWeek = isoWeekStart(s.first_day);
    f.week_plays.assign(static_cast<std::size_t>((isoWeekStart(s.last_day) - firstWeek) / 7 + 1),
                        0);
}

}  // namespace

std::size_t PeriodFold::calendarMonths() const {
    return genres > 0 ? genre_by_calendar_month.size() / static_cast<std::size_t>(genres) : 0;
}

bool inScope(const PlayColumns& p, std::size_t i, const StatsQuery& query) {
    if (query.profile_id > 0 && p.profile[i] != query.profile_id)
        return false;
    const std::int64_t t = p.started_at[i];
    return (!query.since || t >= *query.since) && (!query.until || t < *query.until);
}

PeriodFold foldPeriod(const StatsData& data, const StatsQuery& query) {
    const PlayColumns& p = data.plays;
    const Catalogue& c = data.catalogue;
    const Selection selection = select(p, query);
    PeriodFold f;
    allocate(f, c, selection);
    const std::size_t g = static_cast<std::size_t>(f.genres);
    std::array<double, kHours> clockX{};
    std::array<double, kHours> clockY{};
    for (int h = 0; h < kHours; ++h) {
        // The middle of the hour: a play at 23:xx and one at 00:xx average to midnight.
        const double angle = 2.0 * kPi * (h + 0.5) / kHours;
        clockX[h] = std::cos(angle);
        clockY[h] = std::sin(angle);
    }
    const std::int64_t firstWeek = selection.any_play ? isoWeekStart(f.first_day) : 0;
    std::vector<std::uint8_t> dayHasPlay(
        selection.any_play ? static_cast<std::size_t>(f.last_day - f.first_day + 1) : 0, 0);
    std::int32_t cachedDay = std::numeric_limits<std::int32_t>::min();
    std::size_t cachedMonth = 0;  // calendar month index of cachedDay
    int cachedMonthOfYear = 0;

    for (std::uint32_t i : selection.listens) {
        const std::int32_t t = p.track[i];
        if (t < 0) {
            ++f.unknown_listens;
            continue;
        }
        const int hour = p.hour[i];
        const int k = c.genresOf(static_cast<std::size_t>(t));
        const std::int32_t* genre = c.firstGenre(static_cast<std::size_t>(t));
        const double share = 1.0 / k;
        const std::int64_t started = p.started_at[i];
        f.first_listen = f.total_listens == 0 ? started : std::min(f.first_listen, started);
        f.last_listen = std::max(f.last_listen, started);
        ++f.total_listens;
        ++f.listens[t];
        f.hour_listens[hour] += 1.0;
        if (p.ms_played[i] > 0) {
            f.listening_ms[t] += p.ms_played[i];
            f.total_listening_ms += p.ms_played[i];
        }
        const bool skipped = p.skipped(i);
        if (skipped) {
            ++f.skips[t];
            ++f.total_skips;
            f.hour_skips[hour] += 1.0;
        }
        for (int j = 0; j < k; ++j) {
            f.genre_listens[genre[j]] += share;
            if (skipped)
                f.genre_skips[genre[j]] += share;
        }
        if (!p.counted(i))
            continue;

        const std::int32_t day = p.local_day[i];
        if (day != cachedDay) {
            cachedDay = day;
            const std::int64_t key = monthKey(day);
            cachedMonth = static_cast<std::size_t>(key - f.first_month);
            cachedMonthOfYear = static_cast<int>(key % kMonths);
        }
        const int weekday = weekdayOfDay(day);
        ++f.total_plays;
        ++f.plays[t];
        f.clock_x[t] += clockX[hour];
        f.clock_y[t] += clockY[hour];
        ++f.heatmap[weekday][hour];
        ++f.week_plays[static_cast<std::size_t>((isoWeekStart(day) - firstWeek) / 7)];
        dayHasPlay[static_cast<std::size_t>(day - f.first_day)] = 1;
        double* byHour = &f.genre_by_hour[hour * g];
        double* byWeekday = &f.genre_by_weekday[weekday * g];
        double* byMonth = &f.genre_by_month[cachedMonthOfYear * g];
        double* byCalendar = &f.genre_by_calendar_month[cachedMonth * g];
        for (int j = 0; j < k; ++j) {
            byHour[genre[j]] += share;
            byWeekday[genre[j]] += share;
            byMonth[genre[j]] += share;
            byCalendar[genre[j]] += share;
        }
    }
    for (std::size_t d = 0; d < dayHasPlay.size(); ++d) {
        if (dayHasPlay[d])
            f.play_days.push_back(f.first_day + static_cast<std::int32_t>(d));
    }
    return f;
}

TrackHistory foldHistory(const StatsData& data, const StatsQuery& query) {
    const PlayColumns& p = data.plays;
    const std::size_t n = data.catalogue.size();
    TrackHistory h;
    h.listens.assign(n, 0);
    h.plays.assign(n, 0);
    h.first_played.assign(n, 0);
    h.first_day.assign(n, 0);
    h.last_played.assign(n, 0);
    for (std::size_t i = 0; i < p.size(); ++i) {
        const std::int32_t t = p.track[i];
        if (query.profile_id > 0 && p.profile[i] != query.profile_id)
            continue;
        if (p.started_at[i] >= h.newest_started_at) {
            h.newest_started_at = p.started_at[i];
            h.newest_offset_minutes = p.offset_minutes[i];
        }
        if (t < 0)
            continue;
        ++h.listens[t];
        if (!p.counted(i))
            continue;
        ++h.plays[t];
        const std::int64_t started = p.started_at[i];
        if (h.first_played[t] == 0 || started < h.first_played[t]) {
            h.first_played[t] = started;
            h.first_day[t] = p.local_day[i];
        }
        h.last_played[t] = std::max(h.last_played[t], started);
    }
    return h;
}

}  // namespace encore::stats
