#include "benchdata.h"

#include "store/database.h"
#include "store/sqlitestatement.h"

#include <QString>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <numeric>
#include <vector>

namespace encore::bench {

namespace {

constexpr std::int64_t kDaySeconds = 86400;
// Six years of listening: about 150 plays a day per profile at the default plan.
constexpr int kSpanDays = 6 * 365;
constexpr int kMaxGenresPerTrack = 3;

// splitmix64: tiny, fast, and its output is fixed by its definition (std distributions are not).
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    int below(int n) { return static_cast<int>(uniform() * n); }
    int between(int low, int high) { return low + below(high - low + 1); }

private:
    std::uint64_t state_;
};

// Index drawn from cumulative weights.
int draw(const std::vector<double>& cumulative, Random& random) {
    const double u = random.uniform() * cumulative.back();
    return static_cast<int>(std::upper_bound(cumulative.begin(), cumulative.end(), u) -
                            cumulative.begin());
}

std::vector<double> zipfCumulative(int n, double exponent) {
    std::vector<double> c(n);
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        sum += 1.0 / std::pow(i + 1.0, exponent);
        c[i] = sum;
    }
    return c;
}

const std::array<const char*, 40> kGenreNames = {
    "Rock",       "Pop",       "Jazz",     "Electronic", "Hip-Hop",     "Classical", "Metal",
    "Folk",       "Soul",      "Blues",    "Country",    "Reggae",      "Punk",      "Ambient",
    "House",      "Techno",    "Indie",    "R&B",        "Funk",        "Disco",     "Latin",
    "Soundtrack", "Gospel",    "Ska",      "Trance",     "Drum & Bass", "Dubstep",   "Grunge",
    "Bossa Nova", "Swing",     "Opera",    "Chanson",    "K-Pop",       "Afrobeat",  "Bluegrass",
    "Shoegaze",   "Post-Rock", "Trip-Hop", "Synthwave",  "Lo-Fi"};

struct GeneratedTrack {
    int artist = 0;
    int album = 0;
    int year = 0;
    int duration_ms = 0;
    int bitrate = 0;
    std::vector<int> genres;
};

Status failed(const SqliteStatement& statement, const char* doing) {
    return Error{QStringLiteral("bench data: %1 failed: %2")
                     .arg(QString::fromLatin1(doing), statement.error())};
}

Status writeGenres(QSqlDatabase db, int genres) {
    SqliteStatement insert(db, "INSERT INTO genres(id, name) VALUES (?, ?)");
    for (int g = 0; g < genres; ++g) {
        insert.bind(1, g + 1);
        insert.bind(2, QString::fromLatin1(kGenreNames[g % kGenreNames.size()]) +
                           (g < int(kGenreNames.size()) ? QString() : QString::number(g)));
        if (insert.step() != SqliteStatement::Step::Done)
            return failed(insert, "inserting a genre");
        insert.reset();
    }
    return {};
}

std::vector<GeneratedTrack> planTracks(const BenchPlan& plan, Random& random) {
    const std::vector<double> genre_weights = zipfCumulative(plan.genres, 0.9);
    const std::vector<double> artist_weights = zipfCumulative(plan.artists, 0.8);
    std::vector<GeneratedTrack> tracks(plan.tracks);
    for (GeneratedTrack& t : tracks) {
        t.artist = draw(artist_weights, random);
        t.album = random.below(4);
        t.year = random.between(1960, 2024);
        t.duration_ms = random.between(90, 480) * 1000;
        static const std::array<int, 5> kBitrates = {128, 192, 256, 320, 900};
        t.bitrate = kBitrates[random.below(int(kBitrates.size()))];
        const double u = random.uniform();
        const int count = u < 0.10 ? 0 : u < 0.80 ? 1 : u < 0.95 ? 2 : kMaxGenresPerTrack;
        while (int(t.genres.size()) < count) {
            const int g = draw(genre_weights, random);
            if (std::find(t.genres.begin(), t.genres.end(), g) == t.genres.end())
                t.genres.push_back(g);
        }
    }
    return tracks;
}

Status writeTracks(QSqlDatabase db, const BenchPlan& plan,
                   const std::vector<GeneratedTrack>& tracks, Random& random) {
    SqliteStatement insert(
        db,
        "INSERT INTO tracks(id, track_key, path, title, artist, album, album_artist, year, "
        "duration_ms, bitrate, sample_rate, channels, codec, added_at, match_key) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 44100, 2, ?, ?, '')");
    SqliteStatement genre(
        db, "INSERT INTO track_genres(track_id, genre_id, position) VALUES (?, ?, ?)");
    for (int i = 0; i < int(tracks.size()); ++i) {
        const GeneratedTrack& t = tracks[i];
        const QString artist = QStringLiteral("Artist %1").arg(t.artist, 5, 10, QLatin1Char('0'));
        insert.bind(1, i + 1);
        insert.bind(2, QStringLiteral("bench:%1").arg(i));
        insert.bind(3, QStringLiteral("/music/bench/%1/%2.flac").arg(t.artist).arg(i));
        insert.bind(4, QStringLiteral("Song %1").arg(i));
        insert.bind(5, artist);
        insert.bind(6, QStringLiteral("Album %1").arg(t.album + 1));
        insert.bind(7, artist);
        insert.bind(8, t.year);
        insert.bind(9, t.duration_ms);
        insert.bind(10, t.bitrate);
        insert.bind(11, t.bitrate == 900 ? QStringLiteral("FLAC") : QStringLiteral("MP3"));
        insert.bind(12, plan.end_seconds - random.between(30, 3 * 365) * kDaySeconds);
        if (insert.step() != SqliteStatement::Step::Done)
            return failed(insert, "inserting a track");
        insert.reset();
        for (int k = 0; k < int(t.genres.size()); ++k) {
            genre.bind(1, i + 1);
            genre.bind(2, t.genres[k] + 1);
            genre.bind(3, k);
            if (genre.step() != SqliteStatement::Step::Done)
                return failed(genre, "inserting a track genre");
            genre.reset();
        }
    }
    return {};
}

// Each profile likes different genres and shorter songs a bit more: the track order behind its
// Zipf draw is sorted by a noisy appeal score.
std::vector<int> preferenceOrder(const std::vector<GeneratedTrack>& tracks, int genres,
                                 Random& random) {
    std::vector<double> genre_appeal(genres + 1);
    for (double& a : genre_appeal)
        a = random.uniform() * 2.0;
    std::vector<double> appeal(tracks.size());
    for (std::size_t i = 0; i < tracks.size(); ++i) {
        const int g = tracks[i].genres.empty() ? genres : tracks[i].genres.front();
        appeal[i] = genre_appeal[g] - tracks[i].duration_ms / 300000.0 + 2.5 * random.uniform();
    }
    std::vector<int> order(tracks.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return appeal[a] > appeal[b]; });
    return order;
}

// Local UTC offset of a profile on a day: one follows European summer time, one North
// American, one never changes.
int offsetMinutes(int profile, std::int64_t utcDay) {
    const std::int64_t dayOfYear = ((utcDay % 365) + 365) % 365;
    const bool summer = dayOfYear >= 88 && dayOfYear < 300;
    switch (profile % 3) {
        case 0:
            return summer ? 120 : 60;
        case 1:
            return summer ? -240 : -300;
        default:
            return 330;
    }
}

struct PlaysWriter {
    SqliteStatement insert;
    explicit PlaysWriter(QSqlDatabase db)
        : insert(db,
                 "INSERT INTO plays(profile_id, track_id, started_at, utc_offset_minutes, "
                 "ms_played, duration_ms, end_reason, counted, shuffle, previous_track_id, "
                 "session_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") {}
};

Status writeProfilePlays(PlaysWriter& writer, qint64 profileId, int profile, int quota,
                         const BenchPlan& plan, const std::vector<GeneratedTrack>& tracks,
                         Random& random) {
    const std::vector<int> order = preferenceOrder(tracks, plan.genres, random);
    const std::vector<double> popularity = zipfCumulative(int(tracks.size()), 0.85);
    // Listening by local hour: little at night, a morning bump, most in the evening.
    std::vector<double> hours(24);
    for (int h = 0; h < 24; ++h) {
        const double evening = std::exp(-0.5 * std::pow((h - (19 + profile)) / 2.5, 2.0));
        const double morning = 0.5 * std::exp(-0.5 * std::pow((h - 8) / 1.5, 2.0));
        hours[h] = 0.02 + evening + morning;
    }
    std::partial_sum(hours.begin(), hours.end(), hours.begin());
    const std::int64_t firstDay = plan.end_seconds / kDaySeconds - kSpanDays;
    const double perDay = 1.05 * quota / kSpanDays;
    SqliteStatement& insert = writer.insert;
    int written = 0;
    std::int64_t busyUntil = 0;  // sessions never overlap, so (time, track) stays unique
    for (std::int64_t day = firstDay; written < quota; ++day) {
        const int offset = offsetMinutes(profile, day);
        const int weekday = int(((day + 3) % 7 + 7) % 7);  // 1970-01-01 was a Thursday
        const double dayWeight = weekday >= 5 ? 1.4 : 0.85;
        const int sessions = random.between(1, 4);
        for (int s = 0; s < sessions && written < quota; ++s) {
            const int localHour = draw(hours, random);
            std::int64_t t =
                day * kDaySeconds - offset * 60 + localHour * 3600 + random.below(3600);
            t = std::max(t, busyUntil + 600);
            const int length = std::max(1, int(perDay * dayWeight / 2.5 * 2 * random.uniform()));
            const std::int64_t session = t;
            qint64 previous = 0;
            for (int k = 0; k < length && written < quota; ++k) {
                const int track = order[draw(popularity, random)];
                const int duration = tracks[track].duration_ms;
                const double u = random.uniform();
                const char* reason = "finished";
                int ms = duration;
                if (u < 0.12) {
                    reason = "skipped";
                    ms = random.between(6000, 29000);
                } else if (u < 0.15) {
                    reason = "stopped";
                    ms = random.between(500, 4000);
                } else if (u < 0.152) {
                    reason = "error";
                    ms = 0;
                }
                insert.bind(1, profileId);
                insert.bind(2, track + 1);
                insert.bind(3, t);
                insert.bind(4, offset);
                insert.bind(5, ms);
                insert.bind(6, duration);
                insert.bind(7, QString::fromLatin1(reason));
                insert.bind(8, qstrcmp(reason, "finished") == 0 ? 1 : 0);
                insert.bind(9, random.below(2));
                if (previous > 0)
                    insert.bind(10, previous);
                else
                    insert.bindNull(10);
                insert.bind(11, session);
                if (insert.step() != SqliteStatement::Step::Done)
                    return failed(insert, "inserting a play");
                insert.reset();
                previous = track + 1;
                t += ms / 1000 + 1;
                ++written;
            }
            busyUntil = t;
        }
    }
    return {};
}

}  // namespace

Status writeBenchData(QSqlDatabase db, const BenchPlan& plan) {
    Random random(plan.seed);
    ScopedTransaction transaction(db);
    if (!transaction.begun())
        return Error{QStringLiteral("bench data: could not begin a transaction")};
    if (Status s = writeGenres(db, plan.genres); !s)
        return s;
    const std::vector<GeneratedTrack> tracks = planTracks(plan, random);
    if (Status s = writeTracks(db, plan, tracks, random); !s)
        return s;
    SqliteStatement profile(db,
                            "INSERT INTO profiles(name, created_at, is_active) VALUES (?, ?, 0)");
    PlaysWriter writer(db);
    for (int p = 0; p < plan.profiles; ++p) {
        profile.bind(1, QStringLiteral("listener %1").arg(p + 1));
        profile.bind(2, plan.end_seconds - kSpanDays * kDaySeconds);
        if (profile.step() != SqliteStatement::Step::Done)
            return failed(profile, "inserting a profile");
        const qint64 id = profile.lastInsertRowId();
        profile.reset();
        const int quota = plan.plays / plan.profiles + (p < plan.plays % plan.profiles ? 1 : 0);
        if (Status s = writeProfilePlays(writer, id, p, quota, plan, tracks, random); !s)
            return s;
    }
    return transaction.commit();
}

}  // namespace encore::bench
