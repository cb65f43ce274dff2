#include "demolistens.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>

#include <algorithm>
#include <random>

namespace encore::bench {

namespace {

constexpr int kDays = 45;
constexpr int kSessionTracks = 8;
constexpr int kGapSeconds = 240;  // between two listens of a session
constexpr double kSkipShare = 0.1;
constexpr int kSkipMs = 12000;
constexpr int kTodayHoursAgo = 3;

struct Album {
    int first = 0;  // rows of the index, consecutive
    int count = 0;
    QString genre;
};

// Albums as runs of consecutive rows (the index keeps album order), with their first genre.
QList<Album> albumsOf(const LibraryIndex& index) {
    QList<Album> albums;
    for (int row = 0; row < index.size(); ++row) {
        const TrackInfo t = index.info(row);
        if (!albums.isEmpty()) {
            const TrackInfo first = index.info(albums.last().first);
            if (first.album == t.album && first.artist == t.artist) {
                ++albums.last().count;
                continue;
            }
        }
        albums.append({row, 1, index.genreText(row).split(QStringLiteral(", ")).value(0)});
    }
    return albums;
}

// The genres with most albums, most first.
QStringList genresByAlbums(const QList<Album>& albums) {
    QHash<QString, int> counts;
    for (const Album& a : albums) {
        if (!a.genre.isEmpty())
            ++counts[a.genre];
    }
    QStringList genres = counts.keys();
    std::sort(genres.begin(), genres.end(), [&](const QString& a, const QString& b) {
        return counts.value(a) != counts.value(b) ? counts.value(a) > counts.value(b) : a < b;
    });
    return genres;
}

}  // namespace

QList<Play> demoListens(const LibraryIndex& index, qint64 nowSeconds, quint64 seed) {
    QList<Play> plays;
    const QList<Album> albums = albumsOf(index);
    if (albums.isEmpty())
        return plays;
    const QStringList genres = genresByAlbums(albums);
    // Rock fills most of the demo library: evenings and mornings get the next genres.
    const QString evening = genres.value(qMin(1, int(genres.size()) - 1));
    const QString morning = genres.value(qMin(2, int(genres.size()) - 1));
    std::mt19937_64 rng(seed);
    auto pick = [&](const QString& genre) -> const Album& {
        QList<int> matching;
        for (int i = 0; i < albums.size(); ++i) {
            if (genre.isEmpty() || albums[i].genre == genre)
                matching << i;
        }
        if (matching.isEmpty())
            return albums[int(rng() % albums.size())];
        // Favourites: the first few albums of a genre come back most often.
        const int n = int(matching.size());
        return albums[matching[int(std::min<quint64>(rng() % n, rng() % n))]];
    };
    auto session = [&](const Album& album, qint64 start) {
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        const int length = qMin(album.count, kSessionTracks);
        for (int i = 0; i < length; ++i) {
            const TrackInfo t = index.info(album.first + i);
            Play p;
            p.track_id = t.id;
            p.started_at = start + qint64(i) * kGapSeconds;
            p.utc_offset_minutes = QDateTime::fromSecsSinceEpoch(p.started_at).offsetFromUtc() / 60;
            p.duration_ms = t.duration_ms;
            const bool skipped = i > 0 && unit(rng) < kSkipShare && t.duration_ms > 2 * kSkipMs;
            p.ms_played = skipped ? kSkipMs : t.duration_ms;
            p.end_reason = skipped ? EndReason::Skipped : EndReason::Finished;
            p.counted = !skipped;
            plays.append(p);
        }
    };
    const QDate today = QDateTime::fromSecsSinceEpoch(nowSeconds).date();
    for (int back = kDays; back >= 1; --back) {
        const QDate day = today.addDays(-back);
        const bool weekend = day.dayOfWeek() >= 6;
        const int minute = int(rng() % 60);
        if (weekend)
            session(pick(morning), QDateTime(day, QTime(10, minute)).toSecsSinceEpoch());
        else
            session(pick(evening), QDateTime(day, QTime(20, minute)).toSecsSinceEpoch());
        if (back % 3 == 0)
            session(pick(QString()), QDateTime(day, QTime(13, minute)).toSecsSinceEpoch());
    }
    session(albums.first(), nowSeconds - kTodayHoursAgo * 3600);
    return plays;
}

}  // namespace encore::bench
