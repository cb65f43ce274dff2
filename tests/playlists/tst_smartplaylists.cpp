// Smart and saved playlists (issue 12, part 3): the rules' JSON and its errors, every
// registered condition and sort evaluated by SQLite over a real log, the ready-made playlists
// of schema 7, and saved playlists through the store.
#include "playlists/smartquery.h"
#include "playlists/smartrules.h"
#include "store/database.h"
#include "store/playliststore.h"
#include "store/playlog.h"
#include "store/profilestore.h"
#include "store/trackstore.h"
#include "testsupport.h"

Q_DECLARE_METATYPE(encore::SmartRules)

#include <QSqlQuery>
#include <QtTest>

using namespace encore;

namespace {

constexpr qint64 kNow = 1'750'000'000;  // unix seconds, "now" for every evaluation
constexpr qint64 kDay = 86400;

struct Song {
    QString title;
    QString artist;
    QStringList genres;
    int year;
    int duration_ms;
};

SmartCondition condition(const char* field, QVariant value = {}, int days = 0) {
    return {QString::fromLatin1(field), std::move(value), days};
}

SmartRules rulesOf(QList<SmartCondition> conditions, const char* sort = "title", bool all = true,
                   int limit = 0) {
    SmartRules rules;
    rules.conditions = std::move(conditions);
    rules.sort = QString::fromLatin1(sort);
    rules.match_all = all;
    rules.limit = limit;
    return rules;
}

}  // namespace

class TestSmartPlaylists : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TempDatabase> temp_;
    std::unique_ptr<ScopedConnection> connection_;
    QHash<QString, TrackId> ids_;
    ProfileId profile_ = 0;

    QSqlDatabase db() { return connection_->db(); }

    qint64 scalar(const QString& sql) {
        QSqlQuery query(db());
        return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
    }

    void addSongs(const QList<Song>& songs, qint64 addedAt) {
        QList<TrackWrite> writes;
        for (const Song& s : songs) {
            TrackWrite w;
            w.track.key = QStringLiteral("test:%1").arg(s.title);
            w.track.path = QStringLiteral("/music/%1.flac").arg(s.title);
            w.track.tags.title = s.title;
            w.track.tags.artist = s.artist;
            w.track.tags.genres = s.genres;
            w.track.tags.year = s.year;
            w.track.tags.duration_ms = s.duration_ms;
            writes.append(w);
        }
        const Status written = TrackStore(db()).writeBatch(writes, addedAt);
        QVERIFY2(written.ok(), qPrintable(written.error()));
        for (const TrackWrite& w : writes)
            ids_.insert(w.track.tags.title, w.track.id);
    }

    // `count` listens of a song, one a day ending `daysAgo` days before now, at `hour` UTC.
    void listen(const QString& title, int count, int daysAgo, bool skipped = false, int hour = 12) {
        PlayLog log(db());
        for (int i = 0; i < count; ++i) {
            Play p;
            p.track_id = ids_.value(title);
            p.started_at = kNow - (daysAgo + i) * kDay - kNow % kDay + hour * 3600;
            p.duration_ms = 200000;
            p.ms_played = skipped ? 10000 : 200000;
            p.end_reason = skipped ? EndReason::Skipped : EndReason::Finished;
            p.counted = !skipped;
            const Result<qint64> id = log.append(p);
            QVERIFY2(id.ok(), qPrintable(id.error()));
        }
    }

    QStringList titles(const SmartRules& rules, int hour = 12) {
        const Result<QList<TrackId>> ids =
            evaluateSmartRules(db(), rules, SmartContext{profile_, kNow, hour});
        if (!ids)
            qWarning("%s", qPrintable(ids.error()));
        QStringList out;
        for (const TrackId id : ids.ok() ? ids.value() : QList<TrackId>())
            out << ids_.key(id);
        return out;
    }

private Q_SLOTS:
    void init() {
        temp_ = std::make_unique<test::TempDatabase>();
        connection_ = std::make_unique<ScopedConnection>(temp_->database, QStringLiteral("t"));
        profile_ = ProfileStore(db()).active()->id;
        // Old songs (added a year ago) and two added three days ago.
        addSongs({{"Favourite", "Ann", {"Jazz"}, 1965, 300000},
                  {"Current", "Ann", {"Jazz", "Soul"}, 2020, 200000},
                  {"Skipper", "Bob", {"Rock"}, 1999, 180000},
                  {"Once", "Bob", {"Rock"}, 1985, 400000},
                  {"Evening", "Cleo", {"Soul"}, 2001, 240000}},
                 kNow - 365 * kDay);
        addSongs({{"Fresh", "Dee", {"Pop"}, 2024, 150000}, {"Untouched", "Dee", {}, 2024, 420000}},
                 kNow - 3 * kDay);
        listen("Favourite", 8, 120);          // loved, then forgotten
        listen("Current", 5, 0);              // on repeat: played the last five days
        listen("Current", 2, 200);            // and long ago
        listen("Skipper", 1, 40);             // played once...
        listen("Skipper", 4, 10, true);       // ...then skipped four times
        listen("Once", 1, 300);               // one play, long ago
        listen("Evening", 3, 50, false, 21);  // at nine in the evening
        listen("Fresh", 1, 1);                // first heard yesterday
    }
    void cleanup() {
        connection_.reset();
        temp_.reset();
    }

    void readyMadePlaylistsParse() {
        const QList<PlaylistSummary> all = PlaylistStore(db()).playlists().value();
        QStringList names;
        for (const PlaylistSummary& p : all) {
            QVERIFY(p.isSmart());
            const Result<SmartRules> rules = parseSmartRules(*p.rules);
            QVERIFY2(rules.ok(), qPrintable(p.name + QLatin1String(": ") + rules.error()));
            names << p.name;
        }
        QCOMPARE(names, (QStringList{"Added this week", "Forgotten favourites", "Never played",
                                     "On repeat this month", "Your songs for this hour"}));
    }

    void readyMadePlaylistsHoldTheRightSongs_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("hour");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("forgotten") << "Forgotten favourites" << 12 << QStringList{"Favourite"};
        QTest::newRow("on repeat") << "On repeat this month" << 12 << QStringList{"Current"};
        QTest::newRow("added") << "Added this week" << 12 << QStringList{"Fresh", "Untouched"};
        QTest::newRow("this hour, evening")
            << "Your songs for this hour" << 21 << QStringList{"Evening"};
        QTest::newRow("this hour, noon")
            << "Your songs for this hour" << 12 << QStringList{"Favourite", "Current"};
    }
    void readyMadePlaylistsHoldTheRightSongs() {
        QFETCH(QString, name);
        QFETCH(int, hour);
        QFETCH(QStringList, expected);
        const QList<PlaylistSummary> all = PlaylistStore(db()).playlists().value();
        for (const PlaylistSummary& p : all) {
            if (p.name != name)
                continue;
            QStringList got = titles(parseSmartRules(*p.rules).value(), hour);
            if (name == QLatin1String("Added this week"))
                got.sort();
            QCOMPARE(got, expected);
            return;
        }
        QFAIL("no such playlist");
    }

    void neverPlayedIsShuffledTheSameWayEveryTime() {
        SmartRules rules = rulesOf({condition("never_played")}, "shuffled");
        QStringList got = titles(rules);
        QCOMPARE(got, titles(rules));
        got.sort();
        QCOMPARE(got, QStringList{"Untouched"});
    }

    void eachCondition_data() {
        QTest::addColumn<SmartRules>("rules");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("plays >= 3") << rulesOf({condition("plays_at_least", 3)})
                                    << QStringList{"Current", "Evening", "Favourite"};
        QTest::newRow("plays <= 0")
            << rulesOf({condition("plays_at_most", 0)}) << QStringList{"Untouched"};
        QTest::newRow("played this week")
            << rulesOf({condition("played_within_days", 7)}) << QStringList{"Current", "Fresh"};
        QTest::newRow("not for 100 days") << rulesOf({condition("not_played_for_days", 100)})
                                          << QStringList{"Favourite", "Once", "Untouched"};
        QTest::newRow("first heard this month")
            << rulesOf({condition("first_heard_within_days", 30)}) << QStringList{"Fresh"};
        QTest::newRow("skip rate < 50%")
            << rulesOf({condition("plays_at_least", 1), condition("skip_rate_below", 50)})
            << QStringList{"Current", "Evening", "Favourite", "Fresh", "Once"};
        QTest::newRow("skipped >= 4")
            << rulesOf({condition("skipped_at_least", 4)}) << QStringList{"Skipper"};
        QTest::newRow("4 plays in 30 days")
            << rulesOf({condition("plays_in_last_days", 4, 30)}) << QStringList{"Current"};
        QTest::newRow("added 10 days")
            << rulesOf({condition("added_within_days", 10)}) << QStringList{"Fresh", "Untouched"};
        QTest::newRow("title") << rulesOf({condition("title_contains", QStringLiteral("EN"))})
                               << QStringList{"Current", "Evening"};
        QTest::newRow("artist") << rulesOf({condition("artist_contains", QStringLiteral("bo"))})
                                << QStringList{"Once", "Skipper"};
        QTest::newRow("genre") << rulesOf({condition("genre_is", QStringLiteral("soul"))})
                               << QStringList{"Current", "Evening"};
        QTest::newRow("years") << rulesOf(
                                      {condition("year_from", 1980), condition("year_to", 2000)})
                               << QStringList{"Once", "Skipper"};
        QTest::newRow("long") << rulesOf({condition("longer_than_minutes", 6)})
                              << QStringList{"Once", "Untouched"};
        QTest::newRow("short") << rulesOf({condition("shorter_than_minutes", 3)})
                               << QStringList{"Fresh"};
        QTest::newRow("any") << rulesOf({condition("genre_is", QStringLiteral("Pop")),
                                         condition("genre_is", QStringLiteral("Rock"))},
                                        "title", false)
                             << QStringList{"Fresh", "Once", "Skipper"};
        QTest::newRow("no conditions, limit")
            << rulesOf({}, "title", true, 2) << QStringList{"Current", "Evening"};
    }
    void eachCondition() {
        QFETCH(SmartRules, rules);
        QFETCH(QStringList, expected);
        QStringList got = titles(rules);
        got.sort();
        QCOMPARE(got, expected);
    }

    void sortsOrderTheTracks_data() {
        QTest::addColumn<QString>("sort");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("most played")
            << "most played" << QStringList{"Favourite", "Current", "Evening"};
        QTest::newRow("least_played")
            << "least_played" << QStringList{"Evening", "Current", "Favourite"};
        QTest::newRow("recently_played")
            << "recently_played" << QStringList{"Current", "Evening", "Favourite"};
        QTest::newRow("recent_plays")
            << "recent_plays" << QStringList{"Current", "Evening", "Favourite"};
        QTest::newRow("year_newest")
            << "year_newest" << QStringList{"Current", "Evening", "Favourite"};
        QTest::newRow("title") << "title" << QStringList{"Current", "Evening", "Favourite"};
    }
    void sortsOrderTheTracks() {
        QFETCH(QString, sort);
        QFETCH(QStringList, expected);
        SmartRules rules = rulesOf({condition("plays_at_least", 3)});
        rules.sort = sort == QLatin1String("most played") ? QStringLiteral("most_played") : sort;
        QCOMPARE(titles(rules), expected);
    }

    void theLogIsTheActiveProfiles() {
        const Result<Profile> added = ProfileStore(db()).add(QStringLiteral("guest"));
        QVERIFY2(added.ok(), qPrintable(added.error()));
        const ProfileId guest = added->id;
        const Result<QList<TrackId>> ids = evaluateSmartRules(
            db(), rulesOf({condition("plays_at_least", 1)}), SmartContext{guest, kNow, 12});
        QVERIFY(ids.ok());
        QVERIFY(ids->isEmpty());  // the guest never played anything
    }

    void rulesRoundTripThroughJson() {
        SmartRules rules =
            rulesOf({condition("plays_in_last_days", 3, 30),
                     condition("genre_is", QStringLiteral("Jazz")), condition("never_played")},
                    "shuffled", false, 25);
        rules.seed = 99;
        const Result<SmartRules> back = parseSmartRules(smartRulesToJson(rules));
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(smartRulesToJson(back.value()), smartRulesToJson(rules));
        QCOMPARE(back->limit, 25);
        QCOMPARE(back->seed, 99u);
        QVERIFY(!back->match_all);
        QCOMPARE(back->conditions[0].days, 30);
        const QString words = describeSmartRules(rules);
        QVERIFY2(words.contains(QStringLiteral("Played at least 3 times in the last 30 days, or "
                                               "genre is \u201cJazz\u201d, or never played")),
                 qPrintable(words));
        QVERIFY2(words.contains(QLatin1String("at most 25 songs")), qPrintable(words));
    }

    void badRulesNameTheField_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("not json") << QByteArray("{\"version\":1,") << "not valid JSON";
        QTest::newRow("version") << QByteArray("{\"version\":9}") << "\"version\"";
        QTest::newRow("match") << QByteArray("{\"version\":1,\"match\":\"some\"}") << "\"match\"";
        QTest::newRow("unknown field")
            << QByteArray("{\"version\":1,\"conditions\":[{\"field\":\"mood_is\"}]}")
            << "\"conditions[0].field\"";
        QTest::newRow("value out of range")
            << QByteArray(
                   "{\"version\":1,\"conditions\":[{\"field\":\"skip_rate_below\","
                   "\"value\":250}]}")
            << "\"conditions[0].value\"";
        QTest::newRow("text missing")
            << QByteArray("{\"version\":1,\"conditions\":[{\"field\":\"genre_is\"}]}")
            << "\"conditions[0].value\"";
        QTest::newRow("days missing")
            << QByteArray(
                   "{\"version\":1,\"conditions\":[{\"field\":\"plays_in_last_days\","
                   "\"value\":3}]}")
            << "\"conditions[0].days\"";
        QTest::newRow("sort") << QByteArray("{\"version\":1,\"sort\":\"loudest\"}") << "\"sort\"";
        QTest::newRow("limit") << QByteArray("{\"version\":1,\"limit\":-4}") << "\"limit\"";
    }
    void badRulesNameTheField() {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const Result<SmartRules> rules = parseSmartRules(json);
        QVERIFY(!rules.ok());
        QVERIFY2(rules.error().contains(field), qPrintable(rules.error()));
    }

    void exportedPlaylistsReadBack() {
        const SmartRules rules = rulesOf({condition("plays_at_least", 5)}, "most_played", true, 10);
        const QByteArray file = exportSmartPlaylist(QStringLiteral("Mine"), rules);
        const Result<SmartPlaylistExport> back = parseSmartPlaylistExport(file);
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(back->name, QStringLiteral("Mine"));
        QCOMPARE(smartRulesToJson(back->rules), smartRulesToJson(rules));
        QVERIFY(!parseSmartPlaylistExport(smartRulesToJson(rules)).ok());  // bare rules: no name
    }

    void savedPlaylistsKeepOrderAndRepeats() {
        PlaylistStore store(db());
        const QList<TrackId> order{ids_["Once"], ids_["Fresh"], ids_["Once"]};
        const Result<PlaylistId> id =
            store.create(QStringLiteral("Road trip"), std::nullopt, order, kNow);
        QVERIFY2(id.ok(), qPrintable(id.error()));
        QCOMPARE(store.tracks(id.value()).value(), order);
        QVERIFY(store.appendTracks(id.value(), {ids_["Evening"]}, kNow + 1).ok());
        QCOMPARE(store.tracks(id.value())->size(), 4);
        QCOMPARE(store.tracks(id.value())->last(), ids_["Evening"]);
        QVERIFY(store.setTracks(id.value(), {ids_["Current"]}, kNow + 2).ok());
        QCOMPARE(store.tracks(id.value()).value(), QList<TrackId>{ids_["Current"]});
        QVERIFY(store.rename(id.value(), QStringLiteral("Drive"), kNow + 3).ok());
        const PlaylistSummary saved = store.playlist(id.value())->value();
        QCOMPARE(saved.name, QStringLiteral("Drive"));
        QCOMPARE(saved.track_count, 1);
        QCOMPARE(saved.updated_at, kNow + 3);
        QVERIFY(!saved.isSmart());
        QVERIFY(store.remove(id.value()).ok());
        QVERIFY(!store.playlist(id.value())->has_value());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM playlist_tracks")), 0);
        const Status renamedGone = store.rename(id.value(), QStringLiteral("X"), kNow);
        QVERIFY(!renamedGone.ok());
        QVERIFY2(renamedGone.error().contains(QLatin1String("no longer exists")),
                 qPrintable(renamedGone.error()));
    }

    void aTrackThatLeavesTheLibraryLeavesItsPlaylists() {
        PlaylistStore store(db());
        const PlaylistId id =
            store
                .create(QStringLiteral("P"), std::nullopt, {ids_["Untouched"], ids_["Fresh"]}, kNow)
                .value();
        QSqlQuery gone(db());
        QVERIFY(gone.exec(QStringLiteral("DELETE FROM tracks WHERE title = 'Untouched'")));
        QCOMPARE(store.tracks(id).value(), QList<TrackId>{ids_["Fresh"]});
        QSqlQuery unavailable(db());
        QVERIFY(unavailable.exec(
            QStringLiteral("UPDATE tracks SET available = 0 WHERE title = 'Fresh'")));
        QVERIFY(store.tracks(id)->isEmpty());  // kept, not shown while its file is missing
    }

    void pathsResolveToLibraryTracks() {
        const ResolvedPaths r = PlaylistStore(db())
                                    .resolvePaths({QStringLiteral("/music/Once.flac"),
                                                   QStringLiteral("/elsewhere/x.mp3")})
                                    .value();
        QCOMPARE(r.tracks, QList<TrackId>{ids_["Once"]});
        QCOMPARE(r.missing, QStringList{QStringLiteral("/elsewhere/x.mp3")});
    }
};

QTEST_GUILESS_MAIN(TestSmartPlaylists)
#include "tst_smartplaylists.moc"
