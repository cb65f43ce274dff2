#include "listengenerator.h"

#include <QDateTime>

#include <cmath>
#include <random>

namespace encore::bench {

namespace {

constexpr int kSessionGapSeconds = 3 * 3600;  // between listening sessions
constexpr double kSkipShare = 0.25;           // listens cut short

struct Listen {
    int song;
    qint64 end_second;
    qint64 ms_played;
    bool skipped;
};

// Calls `visit` for every listen of the plan, in time order.
template <typename Visit>
void generate(const ListenPlan& plan, Visit visit) {
    std::mt19937 rng(plan.seed);
    // Zipf-like: song = floor(songs * u^2) favours low numbers, as real libraries do.
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    qint64 clock = plan.first_second;
    for (int i = 0; i < plan.listens; ++i) {
        if (i % 40 == 0)
            clock += kSessionGapSeconds;
        const int song = std::min(plan.songs - 1, int(plan.songs * std::pow(unit(rng), 2.0)));
        const int duration = songDurationMs(song);
        const bool skipped = unit(rng) < kSkipShare;
        const qint64 played = skipped ? qint64(unit(rng) * duration * 0.4) : duration;
        clock += (played + 999) / 1000;
        visit(Listen{song, clock, played, skipped});
    }
}

}  // namespace

QString songArtist(int song) {
    return QStringLiteral("Artist %1").arg(song / 10);
}

QString songTitle(int song) {
    return QStringLiteral("Song number %1").arg(song);
}

QString songAlbum(int song) {
    return QStringLiteral("Album %1").arg(song / 12);
}

int songDurationMs(int song) {
    return 120000 + (song * 7919) % 240000;  // 2 to 6 minutes
}

void writeSpotifyExtended(const ListenPlan& plan, QIODevice& out) {
    out.write("[\n");
    bool first = true;
    generate(plan, [&](const Listen& l) {
        const QString ts =
            QDateTime::fromSecsSinceEpoch(l.end_second, Qt::UTC).toString(Qt::ISODate);
        const QString record =
            QStringLiteral(
                "%1{\n  \"ts\": \"%2\",\n  \"platform\": \"linux\",\n  \"ms_played\": %3,\n"
                "  \"conn_country\": \"DE\",\n  \"master_metadata_track_name\": \"%4\",\n"
                "  \"master_metadata_album_artist_name\": \"%5\",\n"
                "  \"master_metadata_album_album_name\": \"%6\",\n"
                "  \"spotify_track_uri\": \"spotify:track:%7\",\n  \"episode_name\": null,\n"
                "  \"reason_start\": \"trackdone\",\n  \"reason_end\": \"%8\",\n"
                "  \"shuffle\": false,\n  \"skipped\": %9,\n  \"offline\": false,\n"
                "  \"incognito_mode\": false\n}")
                .arg(first ? QString() : QStringLiteral(",\n"), ts)
                .arg(l.ms_played)
                .arg(songTitle(l.song), songArtist(l.song), songAlbum(l.song))
                .arg(l.song)
                .arg(l.skipped ? QStringLiteral("fwdbtn") : QStringLiteral("trackdone"),
                     l.skipped ? QStringLiteral("true") : QStringLiteral("false"));
        out.write(record.toUtf8());
        first = false;
    });
    out.write("\n]\n");
}

void writeListenBrainzLines(const ListenPlan& plan, QIODevice& out) {
    generate(plan, [&](const Listen& l) {
        const QString line =
            QStringLiteral(
                "{\"listened_at\": %1, \"track_metadata\": {\"artist_name\": \"%2\", "
                "\"track_name\": \"%3\", \"release_name\": \"%4\", \"additional_info\": "
                "{\"duration_ms\": %5}}}\n")
                .arg(l.end_second - l.ms_played / 1000)
                .arg(songArtist(l.song), songTitle(l.song), songAlbum(l.song))
                .arg(songDurationMs(l.song));
        out.write(line.toUtf8());
    });
}

}  // namespace encore::bench
