// Real data (label external): several people's Spotify histories from ../shared/data/listens,
// imported as profiles by Encore's own importer, then every statistic computed for each of them
// and for all together. The numbers must exist, be finite, and agree with each other: genre
// plays (split between a track's genres) sum to the plays, heatmap cells sum to the plays of the
// period, and so on.
//
// A Spotify export has no genres, so the test tags external tracks with the first two tags of
// their artist from artist-tags.tsv (as a library tagged from it would be): about a quarter of
// the listens get one or two genres, the rest fall in "(no genre)".
#include "statsfixture.h"
#include "statstestsupport.h"

#include "listens/import/historyimporter.h"
#include "stats/load/statsdataloader.h"
#include "stats/output/reportjson.h"
#include "stats/statscalculator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QtTest>

#include <cmath>
#include <numeric>

using namespace encore;
using namespace encore::stats;

namespace {

// Folders imported: two basic exports and two extended ones (about 37,000 listens).
const char* const kHistories[] = {
    "spotify/katarzynajanicka__my-spotify-streaming-habits",
    "spotify/vnegi10__Spotify_data_analysis",
    "spotify/jcarlsso__Music_Data_Project",
    "spotify/Efrrowini__spotify-music-analysis",
};
constexpr int kTagsPerArtist = 2;

// Every number in a JSON tree is finite (a NaN would have become null: that fails too,
// except where the document says null on purpose: optional dates).
bool allFinite(const QJsonValue& v, QString* where, const QString& path = QString()) {
    if (v.isDouble() && !std::isfinite(v.toDouble())) {
        *where = path;
        return false;
    }
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (int i = 0; i < a.size(); ++i) {
            if (!allFinite(a.at(i), where, path + QStringLiteral("[%1]").arg(i)))
                return false;
        }
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!allFinite(it.value(), where, path + QLatin1Char('.') + it.key()))
                return false;
        }
    }
    return true;
}

double rowSum(const GenreShareTable& t) {
    double s = 0.0;
    for (const auto& row : t.plays)
        s += std::accumulate(row.begin(), row.end(), 0.0);
    return s;
}

}  // namespace

class TestStatsExternal : public QObject {
    Q_OBJECT

    test::TempDatabase temp_;
    std::unique_ptr<ScopedConnection> connection_;
    std::unique_ptr<StatsDataLoader> loader_;
    qint64 imported_ = 0;

    void tagArtists() {
        QFile file(test::sharedDataDir(QStringLiteral("listens/artist-tags.tsv")));
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        QHash<QString, QStringList> tags;
        file.readLine();  // header
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            const QString artist = line.section(QLatin1Char('\t'), 0, 0).toCaseFolded();
            QStringList top;
            for (const QString& tag : line.section(QLatin1Char('\t'), 1).split(QLatin1Char(';'))) {
                const QString name = tag.section(QLatin1Char(':'), 0, 0).trimmed();
                if (!name.isEmpty() && name != QLatin1String("seen live") &&
                    top.size() < kTagsPerArtist)
                    top.append(name);
            }
            tags.insert(artist, top);
        }
        test::StatsFixture f(connection_->db());
        f.exec(QStringLiteral("BEGIN"));
        QSqlQuery tracks(connection_->db());
        QVERIFY(tracks.exec(QStringLiteral("SELECT id, artist FROM tracks")));
        QSqlQuery insert(connection_->db());
        QVERIFY(insert.prepare(QStringLiteral(
            "INSERT OR IGNORE INTO track_genres(track_id, genre_id, position) VALUES (?, ?, ?)")));
        while (tracks.next()) {
            const QStringList genres = tags.value(tracks.value(1).toString().toCaseFolded());
            for (int i = 0; i < genres.size(); ++i) {
                insert.addBindValue(tracks.value(0));
                insert.addBindValue(f.genre(genres[i]));
                insert.addBindValue(i);
                QVERIFY(insert.exec());
            }
        }
        f.exec(QStringLiteral("COMMIT"));
    }

    StatsReport compute(ProfileId profile, std::optional<qint64> since = {},
                        std::optional<qint64> until = {}) {
        StatsQuery q;
        q.profile_id = profile;
        q.since = since;
        q.until = until;
        q.now_seconds = test::utc(2027, 1, 1, 0);
        return computeStats(loader_->data(), q);
    }

    void checkConsistent(const StatsReport& r, const QString& label) {
        QVERIFY2(r.complete(), qPrintable(label));
        QString where;
        QVERIFY2(allFinite(reportToJson(r), &where), qPrintable(label + where));
        const qint64 plays = r.overview.plays;
        double weighted = 0.0;
        for (const GenreRow& g : r.genres.rows) {
            weighted += g.weighted_plays;
            QVERIFY(g.plays >= std::llround(g.weighted_plays));
        }
        // Split plays add up to the plays whose genre is known; the rest are stated apart.
        ENCORE_COMPARE_NEAR(weighted, double(r.genres.known_plays), 1e-9, 1e-6);
        QCOMPARE(r.genres.known_plays + r.genres.unknown_plays, plays);
        QVERIFY(r.genres.inferred_plays <= r.genres.known_plays);
        double heard = 0.0;
        for (const GenreRow& g : r.genres.rows) {
            heard += g.weighted_listening_ms;
            QVERIFY(!g.no_genre);
        }
        QVERIFY(heard <= double(r.overview.listening_ms) * (1.0 + 1e-9));
        QCOMPARE(r.genres.total_plays, plays);
        std::int64_t cells = 0;
        for (const auto& row : r.time.heatmap)
            cells += std::accumulate(row.begin(), row.end(), std::int64_t{0});
        QCOMPARE(cells, std::int64_t(plays));
        std::int64_t weekly = 0;
        for (const WeekCount& w : r.time.weeks)
            weekly += w.plays;
        QCOMPARE(weekly, std::int64_t(plays));
        for (const GenreShareTable* t :
             {&r.time.by_hour, &r.time.by_weekday, &r.time.by_month, &r.time.trend}) {
            const double known = double(r.genres.known_plays);
            ENCORE_COMPARE_NEAR(rowSum(*t), known, 1e-9, 1e-6);
            ENCORE_COMPARE_NEAR(std::accumulate(t->totals.begin(), t->totals.end(), 0.0), known,
                                1e-9, 1e-6);
            ENCORE_COMPARE_NEAR(t->known_share, r.genres.knownShare(), 1e-9, 1e-9);
        }
        double hourListens = 0.0;
        for (const SkipRateRow& h : r.skips.by_hour)
            hourListens += h.listens;
        QCOMPARE(hourListens, double(r.overview.listens));
        double genreListens = 0.0;
        for (const SkipRateRow& g : r.skips.by_genre)
            genreListens += g.listens;
        // Listens of songs with no known genre are in no genre's row.
        QVERIFY(genreListens <= double(r.overview.listens) * (1.0 + 1e-9));
        QVERIFY(genreListens > 0.0);
        QVERIFY(r.discovery.new_tracks <= r.discovery.distinct_tracks);
        QCOMPARE(r.discovery.distinct_tracks, r.overview.distinct_tracks);
        QVERIFY(r.streaks.streaks.active_days <= std::int64_t(r.time.weeks.size()) * 7);
        for (std::size_t i = 1; i < r.top.tracks.size(); ++i)
            QVERIFY(r.top.tracks[i - 1].plays >= r.top.tracks[i].plays);
        QVERIFY(!r.time.heatmap_headline.isEmpty());
        QVERIFY(!r.genres.headline.isEmpty());
        QVERIFY(!r.factors.headline.isEmpty());
        QCOMPARE(int(r.factors.correlations.size()), 7);
    }

private Q_SLOTS:
    void initTestCase() {
        ENCORE_REQUIRE_SHARED_DATA("listens");
        connection_ = std::make_unique<ScopedConnection>(temp_.database, QStringLiteral("test"));
        QVERIFY(connection_->ok());
        HistoryImporter importer(connection_->db());
        for (const char* folder : kHistories) {
            ImportOptions options;
            options.profile =
                QDir(QString::fromLatin1(folder)).dirName().section(QLatin1Char('_'), 0, 0);
            options.time_zone = QTimeZone(QByteArrayLiteral("Europe/Berlin"));
            options.now_seconds = test::utc(2027, 1, 1, 0);
            const ImportReport report = importer.importPaths(
                {test::sharedDataDir(QStringLiteral("listens/") + QLatin1String(folder))}, options);
            QVERIFY2(report.ok(), folder);
            imported_ += report.total().added();
        }
        QVERIFY(imported_ > 30000);
        tagArtists();
        loader_ = std::make_unique<StatsDataLoader>(temp_.database);
        QVERIFY(loader_->refresh(connection_->db()).ok());
        QCOMPARE(qint64(loader_->data().plays.size()), imported_);
    }

    void cleanupTestCase() {
        loader_.reset();
        connection_.reset();
    }

    void everyProfileAllTime() {
        const StatsReport r = compute(0);
        checkConsistent(r, QStringLiteral("every profile"));
        QCOMPARE(r.overview.listens, imported_);
        QVERIFY(r.overview.plays > 10000);
        // Imported histories have no files: the popularity sections study the history.
        QCOMPARE(r.genre_popularity.population, Population::History);
        QVERIFY(r.genre_popularity.tracks > 1000);
        QVERIFY(r.genre_popularity.rows.size() >= 2);
        QVERIFY(r.genre_popularity.finding.verdict != Verdict::TooFewToSay);
        QVERIFY(!r.genre_popularity.sentence.isEmpty());
        // Tagged from artist-tags.tsv: some genres, some plays without.
        QVERIFY(r.genres.rows.size() > 10);
        QVERIFY(r.genres.unknown_plays > 0);
        QVERIFY(r.factors.model.n > 100);
        QVERIFY(!r.factors.effects.empty());
        QVERIFY(r.top.artists.size() == 10);
        QVERIFY(r.time.weeks.size() > 52);
    }

    void eachProfile() {
        int profiles = 0;
        for (const ProfileRef& p : loader_->data().profiles) {
            const QString& name = p.name;
            const StatsReport r = compute(p.id);
            if (r.overview.listens == 0)
                continue;  // "default"
            ++profiles;
            checkConsistent(r, name);
            QCOMPARE(r.overview.profile, name);
        }
        QCOMPARE(profiles, int(std::size(kHistories)));
    }

    void oneYear() {
        const StatsReport r = compute(0, test::utc(2020, 1, 1, 0), test::utc(2021, 1, 1, 0));
        checkConsistent(r, QStringLiteral("2020"));
        QVERIFY(r.overview.plays > 1000);
        QVERIFY(r.overview.first_listen >= test::utc(2020, 1, 1, 0));
        QVERIFY(r.overview.last_listen < test::utc(2021, 1, 1, 0));
        QVERIFY(r.discovery.new_tracks > 0);
    }
};

QTEST_GUILESS_MAIN(TestStatsExternal)
#include "tst_statsexternal.moc"
