// Every import format, from fixtures written here: detection by content, the fields each
// format carries, matching to the library, the play rules applied, folders and .zip archives,
// idempotent re-import, and linking history to a file that appears later.
#include "library/scanjob.h"
#include "library/tagwriter.h"
#include "listens/externaltracklinker.h"
#include "listens/import/historyimporter.h"
#include "listensfixtures.h"
#include "listenstestsupport.h"
#include "store/playlog.h"
#include "store/profilestore.h"
#include "testsupport.h"

#include <QThreadPool>
#include <QtTest>

using namespace encore;

namespace {

qint64 utc(int y, int mo, int d, int h, int mi, int s = 0) {
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC).toSecsSinceEpoch();
}

const QByteArray kSpotifyBasic = fx::spotifyBasic();

}  // namespace

class TestImportFormats : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TempDatabase> temp_;
    std::unique_ptr<ScopedConnection> connection_;
    QTemporaryDir files_;
    QList<TrackId> library_;

    QSqlDatabase db() { return connection_->db(); }

    QString fixture(const QString& name, const QByteArray& bytes) {
        return test::writeFixture(files_.filePath(name), bytes);
    }

    ImportReport import(const QStringList& paths, const QString& profile = {},
                        bool skipInvalid = false) {
        ImportOptions options;
        options.profile = profile;
        options.skip_invalid = skipInvalid;
        options.time_zone = QTimeZone("UTC");
        return HistoryImporter(db()).importPaths(paths, options);
    }

    // The one file of a report, which must have imported.
    FileImportReport only(const ImportReport& report) {
        [&] { QCOMPARE(report.files.size(), 1); }();
        const FileImportReport& f = report.files.value(0);
        if (!f.ok())
            qWarning("%s", qPrintable(f.error));
        return f;
    }

    QList<PlayRecord> plays(const QString& profile = {}) {
        PlayQuery query;
        query.profile_id = ProfileStore(db()).find(profile).value().id;
        query.newest_first = false;
        return PlayLog(db()).plays(query).value();
    }

private Q_SLOTS:
    void init() {
        temp_ = std::make_unique<test::TempDatabase>();
        connection_ = std::make_unique<ScopedConnection>(temp_->database, QStringLiteral("imp"));
        library_ = test::addLibrarySongs(
            db(), {{QStringLiteral("Nina Simone"), QStringLiteral("Feeling Good"),
                    QStringLiteral("I Put a Spell on You"), 240000},
                   {QStringLiteral("The Beatles"), QStringLiteral("Come Together"),
                    QStringLiteral("Abbey Road"), 259000},
                   {QStringLiteral("Kraftwerk"), QStringLiteral("The Model"),
                    QStringLiteral("The Man-Machine"), 224000}});
    }
    void cleanup() {
        connection_.reset();
        temp_.reset();
    }

    void spotifyBasic() {
        const FileImportReport r =
            only(import({fixture(QStringLiteral("StreamingHistory0.json"), kSpotifyBasic)}));
        QVERIFY(r.ok());
        QCOMPARE(r.format, QStringLiteral("spotify-basic"));
        QCOMPARE(r.records, 3);
        QCOMPARE(r.matched, 1);
        QCOMPARE(r.unmatched, 2);
        QCOMPARE(r.duplicates, 0);
        QCOMPARE(r.tracks_added, 1);  // one external track for both Muse listens
        const QList<PlayRecord> rows = plays();
        QCOMPARE(rows.size(), 3);
        // endTime is the END of the play: started_at = endTime - msPlayed
        QCOMPARE(rows[0].play.started_at, utc(2021, 3, 11, 17, 34) - 180);
        QCOMPARE(rows[0].play.track_id, library_[0]);
        QCOMPARE(rows[0].play.duration_ms, 240000);             // the library's length
        QVERIFY(rows[0].play.counted);                          // 180 s of 240 s
        QCOMPARE(rows[0].play.end_reason, EndReason::Stopped);  // not to the end
        // below the rules: kept, as skip signal, not dropped
        QCOMPARE(rows[1].title, QStringLiteral("Uprising"));
        QVERIFY(!rows[1].has_file);
        QCOMPARE(rows[1].play.end_reason, EndReason::Skipped);
        QVERIFY(!rows[1].play.counted);
        QCOMPARE(rows[2].play.end_reason, EndReason::Stopped);  // 2 s: browsing
        QCOMPARE(rows[2].play.ms_played, 2000);
        QCOMPARE(rows[1].play.import_id, r.import_id);
        QCOMPARE(test::scalar(db(), QStringLiteral("SELECT records FROM imports")), 3);
        QCOMPARE(test::statsMismatch(db()), QString());
    }

    void reimportAddsNothing() {
        const QString file = fixture(QStringLiteral("StreamingHistory0.json"), kSpotifyBasic);
        QCOMPARE(only(import({file})).added(), 3);
        const qint64 tracks = test::scalar(db(), QStringLiteral("SELECT count(*) FROM tracks"));
        const FileImportReport again = only(import({file}));
        QCOMPARE(again.added(), 0);
        QCOMPARE(again.duplicates, 3);
        QCOMPARE(again.tracks_added, 0);
        QCOMPARE(test::scalar(db(), QStringLiteral("SELECT count(*) FROM plays")), 3);
        QCOMPARE(test::scalar(db(), QStringLiteral("SELECT count(*) FROM tracks")), tracks);
    }

    // Minute-resolution end times: two listens of Feeling Good that both ended in the same
    // minute after the same 3 minutes share a start second, yet they were two. Both are kept;
    // a re-import of the file, or the same listen in another file, still adds nothing.
    void listensSharingAStartSecondAreKeptApart() {
        const QByteArray twice =
            "[{\"endTime\": \"2021-03-11 17:34\", \"artistName\": \"Nina Simone\", "
            "\"trackName\": \"Feeling Good\", \"msPlayed\": 180000},\n"
            " {\"endTime\": \"2021-03-11 17:34\", \"artistName\": \"Nina Simone\", "
            "\"trackName\": \"Feeling Good\", \"msPlayed\": 180000},\n"
            " {\"endTime\": \"2021-03-11 17:40\", \"artistName\": \"Kraftwerk\", "
            "\"trackName\": \"The Model\", \"msPlayed\": 224000}]";
        const QString file = fixture(QStringLiteral("StreamingHistory0.json"), twice);
        const FileImportReport first = only(import({file}));
        QVERIFY(first.ok());
        QCOMPARE(first.added(), 3);
        QCOMPARE(first.duplicates, 0);
        const QList<PlayRecord> rows = plays();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].play.started_at, rows[1].play.started_at);
        QCOMPARE(rows[0].play.track_id, rows[1].play.track_id);

        const FileImportReport again = only(import({file}));
        QCOMPARE(again.added(), 0);
        QCOMPARE(again.duplicates, 3);

        // Another export holding one of the two: the same listen, not a third.
        const QByteArray once =
            "[{\"endTime\": \"2021-03-11 17:34\", \"artistName\": \"Nina Simone\", "
            "\"trackName\": \"Feeling Good\", \"msPlayed\": 180000}]";
        const FileImportReport other =
            only(import({fixture(QStringLiteral("StreamingHistory1.json"), once)}));
        QCOMPARE(other.added(), 0);
        QCOMPARE(other.duplicates, 1);
        QCOMPARE(test::scalar(db(), QStringLiteral("SELECT count(*) FROM plays")), 3);
        QCOMPARE(test::statsMismatch(db()), QString());
    }

    void spotifyExtended() {
        const QByteArray json = fx::spotifyExtended();
        const FileImportReport r =
            only(import({fixture(QStringLiteral("Streaming_History_Audio_2023.json"), json)}));
        QCOMPARE(r.format, QStringLiteral("spotify-extended"));
        QCOMPARE(r.records, 5);
        QCOMPARE(r.matched, 1);
        QCOMPARE(r.unmatched, 2);
        QCOMPARE(r.not_music, 1);        // the podcast episode
        QCOMPARE(r.private_listens, 1);  // incognito on Spotify stays private here too
        const QList<PlayRecord> rows = plays();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].play.started_at, utc(2023, 3, 19, 18, 31, 37) - 175);  // ts - ms_played
        QCOMPARE(rows[0].play.end_reason, EndReason::Finished);
        QVERIFY(rows[0].play.counted);
        QCOMPARE(rows[0].play.shuffle, std::optional<bool>(true));
        QCOMPARE(rows[1].play.end_reason, EndReason::Skipped);
        QCOMPARE(rows[1].album, QStringLiteral("Gehraiyaan"));
        QCOMPARE(rows[2].play.end_reason, EndReason::Error);
    }

    void lastfmCsv_data() {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("dialect");
        QTest::newRow("lastfm-to-csv without header")
            << QByteArray(
                   "The Beatles,Abbey Road,Come Together,19 Sep 2024 11:25\n"
                   "\"Simon & Garfunkel\",\"Bookends\",\"Mrs. Robinson\",19 Sep 2024 "
                   "07:11\n")
            << QStringLiteral("lastfm-csv");
        QTest::newRow("with the uploader's header")
            << QByteArray(
                   "artist,album,song_title,date_time\n"
                   "The Beatles,Abbey Road,Come Together,19 Sep 2024 11:25\n"
                   "Simon & Garfunkel,Bookends,Mrs. Robinson,19 Sep 2024 07:11\n")
            << QStringLiteral("lastfm-csv");
        QTest::newRow("Libre.fm, UTF-7 comment lines")
            << QByteArray(
                   "+ACM- Data export from Libre.fm,,,\n+ACM- cabot.local,,,\n"
                   "Artist,Track,Album,Time\n"
                   "The Beatles,Come Together,Abbey Road,1726745100\n"
                   "Simon & Garfunkel,Mrs. Robinson,,1726729860\n")
            << QStringLiteral("librefm-csv");
    }
    void lastfmCsv() {
        QFETCH(QByteArray, csv);
        QFETCH(QString, dialect);
        const FileImportReport r = only(import({fixture(QStringLiteral("scrobbles.csv"), csv)}));
        QCOMPARE(r.format, dialect);
        QCOMPARE(r.records, 2);
        QCOMPARE(r.matched, 1);
        QCOMPARE(r.unmatched, 1);
        const QList<PlayRecord> rows = plays();
        QCOMPARE(rows[1].play.started_at, utc(2024, 9, 19, 11, 25));
        QCOMPARE(rows[1].play.track_id, library_[1]);
        QVERIFY(rows[1].play.counted);         // a scrobble is a play
        QCOMPARE(rows[1].play.ms_played, -1);  // unknown, not invented
        QCOMPARE(rows[0].artist, QStringLiteral("Simon & Garfunkel"));
    }

    void scrobblerLogInLocalTime() {
        const QByteArray log =
            "#AUDIOSCROBBLER/1.1\n#TZ/UNKNOWN\n#CLIENT/Rockbox sansae200 $Revision$\n"
            "The Beatles\tAbbey Road\tCome Together\t1\t259\tL\t1577836800\t"
            "d5e4fb56-e457-4684-aa31-63ce70ee5a8c\n"
            "Kraftwerk\tThe Man\xC2\xB7Machine\tThe Model\t4\t224\tS\t1577840400\t\n"
            "<Untagged>\t\tUnknown Song.mp3\t0\t180\tL\t1577844000\t\n";
        ImportOptions options;
        options.time_zone = QTimeZone("Europe/Berlin");  // UTC+1 in January
        const ImportReport report = HistoryImporter(db()).importPaths(
            {fixture(QStringLiteral(".scrobbler.log"), log)}, options);
        const FileImportReport r = only(report);
        QCOMPARE(r.format, QStringLiteral("scrobbler-log"));
        QCOMPARE(r.added(), 3);
        const QList<PlayRecord> rows = plays();
        // 1577836800 is 2020-01-01 00:00 on the player's clock, i.e. 23:00 UTC the day before
        QCOMPARE(rows[0].play.started_at, 1577836800 - 3600);
        QCOMPARE(rows[0].play.utc_offset_minutes, 60);
        QVERIFY(rows[0].play.counted);
        QCOMPARE(rows[1].play.end_reason, EndReason::Skipped);  // rating S
        QVERIFY(!rows[1].play.counted);
        QCOMPARE(rows[1].play.track_id, library_[2]);
        QCOMPARE(rows[2].artist, QStringLiteral("<Untagged>"));
        QCOMPARE(rows[2].play.duration_ms, 180000);
    }

    void listenBrainz_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("format");
        const QByteArray one = fx::lbBeatles();
        const QByteArray two = fx::lbMamas();
        QTest::newRow("export, JSON lines") << "listens.jsonl" << one + "\n" + two + "\n"
                                            << "listenbrainz-jsonl";
        QTest::newRow("JSON array") << "listens.json"
                                    << "[" + one + ",\n" + two + "]"
                                    << "listenbrainz-json";
        QTest::newRow("submit payload")
            << "payload.json" << fx::lbSubmitPrefix() + one + "," + two + "]}"
            << "listenbrainz-json";
        QTest::newRow("API response")
            << "response.json" << fx::lbResponsePrefix() + one + "," + two + "]}}"
            << "listenbrainz-json";
    }
    void listenBrainz() {
        QFETCH(QString, name);
        QFETCH(QByteArray, json);
        QFETCH(QString, format);
        const FileImportReport r = only(import({fixture(name, json)}));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.format, format);
        QCOMPARE(r.matched, 1);
        QCOMPARE(r.unmatched, 1);
        const QList<PlayRecord> rows = plays();
        QCOMPARE(rows[0].play.started_at, 1748964167);
        QCOMPARE(rows[0].play.track_id, library_[1]);
        QCOMPARE(rows[1].title, QStringLiteral("California Dreamin'"));
    }

    void otherScrobblers_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("format");
        QTest::addColumn<qint64>("firstStart");
        QTest::newRow("Maloja") << "maloja.json" << QByteArray(fx::maloja()) << "maloja"
                                << 1760532613LL;
        QTest::newRow("Pano Scrobbler") << "panoscrobbler.jsonl" << QByteArray(fx::panoScrobbler())
                                        << "pano-scrobbler" << 1762874400LL;
        QTest::newRow("Spotify recently played")
            << "recent.json" << QByteArray(fx::spotifyRecentlyPlayed()) << "spotify-recently-played"
            << utc(2021, 10, 25, 5, 10);
        QTest::newRow("Spinitron, offsets in the data")
            << "spinitron.csv"
            << QByteArray(
                   "\"Playlist Title\",\"The Rack\"\n\"DJ Name\",\"DJ Tom\"\n\n"
                   "Date-time,Artist,Song,Release,Label\n"
                   "2024-09-05T03:03:07-0500,Nina Simone,\"Feeling Good\",\"R\",\"L\"\n"
                   "2024-09-05T02:59:33-0500,Ganglians,Jungle,\"Still Living\",\"S\"\n")
            << "spinitron-csv" << utc(2024, 9, 5, 7, 59, 33);
    }
    void otherScrobblers() {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, format);
        QFETCH(qint64, firstStart);
        const FileImportReport r = only(import({fixture(name, content)}));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.format, format);
        QCOMPARE(r.added(), 2);
        QCOMPARE(r.matched, 1);  // Nina Simone's Feeling Good is in the library
        QCOMPARE(plays().value(0).play.started_at, firstStart);
    }

    void spinitronOffsetIsKept() {
        only(import({fixture(QStringLiteral("s.csv"),
                             "Date-time,Artist,Song\n2024-09-05T03:03:07-0500,A,B\n")}));
        QCOMPARE(plays().value(0).play.utc_offset_minutes, -300);
    }

    void detectionReadsContentNotNames() {
        // A Spotify history renamed .txt, a Last.fm CSV named .json, a .scrobbler.log renamed.
        import({fixture(QStringLiteral("history.txt"), kSpotifyBasic),
                fixture(QStringLiteral("export.json"),
                        "The Beatles,Abbey Road,Come Together,19 Sep 2024 11:25\n"),
                fixture(QStringLiteral("player.log"),
                        "#AUDIOSCROBBLER/1.1\n#TZ/UTC\n"
                        "Kraftwerk\tX\tThe Model\t4\t224\tL\t1577840400\t\n")});
        QSqlQuery q(db());
        QVERIFY(q.exec(QStringLiteral("SELECT format FROM imports ORDER BY id")));
        QStringList formats;
        while (q.next())
            formats << q.value(0).toString();
        QCOMPARE(formats,
                 (QStringList{QStringLiteral("spotify-basic"), QStringLiteral("lastfm-csv"),
                              QStringLiteral("scrobbler-log")}));
    }

    void folderAndZip() {
        const QString folder = files_.filePath(QStringLiteral("export"));
        test::writeFixture(folder + QStringLiteral("/StreamingHistory0.json"), kSpotifyBasic);
        test::writeFixture(folder + QStringLiteral("/sub/.scrobbler.log"),
                           "#AUDIOSCROBBLER/1.1\n#TZ/UTC\n"
                           "Kraftwerk\tX\tThe Model\t4\t224\tL\t1577840400\t\n");
        test::writeFixture(folder + QStringLiteral("/Userdata.json"), fx::spotifyUserdata());
        test::writeFixture(folder + QStringLiteral("/README.txt"), "hello\n");
        ImportReport report = import({folder});
        QCOMPARE(report.failedFiles(), 0);
        QCOMPARE(report.total().added(), 4);
        int passedOver = 0;
        for (const FileImportReport& f : report.files)
            passedOver += f.not_history ? 1 : 0;
        QCOMPARE(passedOver, 2);

        const QString zip = test::writeZip(
            files_.filePath(QStringLiteral("my_spotify_data.zip")),
            {{QStringLiteral("Spotify Account Data/StreamingHistory_music_0.json"),
              fx::zippedMusicHistory()},
             {QStringLiteral("Spotify Account Data/StreamingHistory_podcast_0.json"),
              fx::zippedPodcastHistory()},
             {QStringLiteral("Spotify Account Data/Playlist1.json"), fx::zippedPlaylists()}});
        report = import({zip});
        QCOMPARE(report.failedFiles(), 0);
        QCOMPARE(report.total().matched, 1);
        QCOMPARE(report.files.size(), 3);
        QVERIFY(report.files[1].path.endsWith(QLatin1String("StreamingHistory_music_0.json")));
        QVERIFY(report.files[1].path.contains(QLatin1String(".zip!/")));
        QCOMPARE(test::scalar(db(), QStringLiteral("SELECT count(*) FROM plays")), 5);
    }

    void namedFileThatIsNoHistoryIsAnError() {
        const ImportReport report =
            import({fixture(QStringLiteral("notes.txt"), "just some notes\n")});
        QCOMPARE(report.failedFiles(), 1);
        QVERIFY(report.files[0].error.contains(QStringLiteral("notes.txt")));
        const ImportReport loved =
            import({fixture(QStringLiteral("loved.json"), fx::lovedTracks())});
        QVERIFY(loved.files[0].error.contains(QStringLiteral("loved tracks")));
    }

    void seedSongsAndRatings() {
        const QString folder = files_.filePath(QStringLiteral("seed"));
        // ratings first in name order: songs must still go in first
        test::writeFixture(folder + QStringLiteral("/a_ratings.csv"),
                           "user_id,song_id,rating,unix_timestamp\n"
                           "1,1,5,874965758\n1,2,3,876893171\n2,1,4,878542960\n"
                           "2,3,1,876893119\n");
        test::writeFixture(folder + QStringLiteral("/b_songs.csv"),
                           "song id,song title,release date,video release date,IMDb URL,unknown,"
                           "Pop,Rock,Jazz\n"
                           "1,Call of the Mastodon,1-Jan-95,,http://x?a%20b,0,0,1,1\n"
                           "2,\"Fear, Itself\",1-Jan-95,,\"http://x,y\",0,1,0,0\n"
                           "3,Dimensions,,,,1,0,0,0\n");
        ImportReport report = import({folder});
        QCOMPARE(report.failedFiles(), 0);
        QCOMPARE(report.files[0].format, QStringLiteral("seed-songs"));
        QCOMPARE(report.files[0].tracks_added, 3);
        QCOMPARE(report.files[1].format, QStringLiteral("seed-ratings"));
        QCOMPARE(report.files[1].unmatched, 4);
        QCOMPARE(report.files[1].profiles_added, 2);
        const QList<PlayRecord> user2 = plays(QStringLiteral("user 2"));
        QCOMPARE(user2.size(), 2);
        QCOMPARE(user2[0].play.started_at, 876893119);
        QCOMPARE(user2[0].title, QStringLiteral("Dimensions"));
        QCOMPARE(user2[0].play.rating, 1);
        QVERIFY(user2[0].play.counted);
        QCOMPARE(user2[1].title, QStringLiteral("Call of the Mastodon"));
        QSqlQuery q(db());
        QVERIFY(q.exec(QStringLiteral(
            "SELECT group_concat(g.name, ',') FROM tracks t JOIN track_genres tg ON tg.track_id = "
            "t.id JOIN genres g ON g.id = tg.genre_id WHERE t.title = 'Call of the Mastodon'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("Rock,Jazz"));
        QCOMPARE(test::scalar(db(), QStringLiteral("SELECT year FROM tracks WHERE title = "
                                                   "'Dimensions'")),
                 0);
        QCOMPARE(test::scalar(db(), QStringLiteral("SELECT year FROM tracks WHERE title = "
                                                   "'Fear, Itself'")),
                 1995);
        // again: nothing new, songs included
        report = import({folder});
        QCOMPARE(report.files[0].tracks_added, 0);
        QCOMPARE(report.files[0].duplicates, 3);
        QCOMPARE(report.files[1].added(), 0);
        QCOMPARE(report.files[1].duplicates, 4);
    }

    void albumBreaksTies() {
        test::addLibrarySongs(db(), {{QStringLiteral("Nina Simone"), QStringLiteral("Feeling Good"),
                                      QStringLiteral("Live at Montreux"), 300000}});
        only(import({fixture(QStringLiteral("l.jsonl"), fx::albumTies())}));
        const QList<PlayRecord> rows = plays();
        QCOMPARE(rows[0].album, QStringLiteral("Live at Montreux"));
        QCOMPARE(rows[1].play.track_id, library_[0]);  // no album: the first one
    }

    void profileOptionCreatesTheProfile() {
        const FileImportReport r =
            only(import({fixture(QStringLiteral("StreamingHistory0.json"), kSpotifyBasic)},
                        QStringLiteral("Sam")));
        QCOMPARE(r.profiles_added, 1);
        QCOMPARE(plays(QStringLiteral("Sam")).size(), 3);
        QCOMPARE(plays().size(), 0);  // the active profile got nothing
        QVERIFY(!ProfileStore(db()).find(QStringLiteral("Sam"))->active);
    }

    void historyLinksToAFileThatAppearsLater() {
        // Listens of a song that is not in the library yet...
        only(import({fixture(QStringLiteral("l.jsonl"), fx::radioheadBeforeTheFile())}));
        const TrackId external =
            test::scalar(db(), QStringLiteral("SELECT id FROM tracks WHERE path IS NULL"));
        QCOMPARE(plays()[2].play.previous_track_id, library_[0]);
        QCOMPARE(plays()[1].play.previous_track_id, external);
        // ...then the file arrives and the scanner (the real one) reads it.
        QTemporaryDir music;
        const QString file = music.filePath(QStringLiteral("karma.mp3"));
        QVERIFY(QFile::copy(QStringLiteral(ENCORE_TEST_DATA "/audio/clip.mp3"), file));
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
        TrackTags tags;
        tags.artist = QStringLiteral("Radiohead");
        tags.title = QStringLiteral("Karma Police (Remastered)");
        tags.album = QStringLiteral("OK Computer");
        QVERIFY(writeTrackTags(file, tags).ok());
        std::atomic<bool> cancel{false};
        QThreadPool pool;
        // the scan links history to the new file itself; a second linker run finds nothing left
        const ScanReport report = ScanJob(db(), cancel, &pool).run({music.path()});
        QCOMPARE(report.history_linked, 1);
        const Result<LinkReport> linked = ExternalTrackLinker(db()).run();
        QVERIFY2(linked.ok(), qPrintable(linked.error()));
        QCOMPARE(linked->tracks_linked, 0);
        const TrackId scanned = test::scalar(
            db(), QStringLiteral("SELECT id FROM tracks WHERE path IS NOT NULL AND artist = "
                                 "'Radiohead'"));
        const QList<PlayRecord> rows = plays();
        QCOMPARE(rows[0].play.track_id, scanned);
        QVERIFY(rows[0].has_file);
        QCOMPARE(rows[2].play.track_id, scanned);
        QCOMPARE(rows[1].play.previous_track_id, scanned);
        QCOMPARE(
            test::scalar(db(),
                         QStringLiteral("SELECT count(*) FROM tracks WHERE id = %1").arg(external)),
            0);
        QCOMPARE(PlayLog(db()).stats(rows[0].play.profile_id, scanned).value()->listen_count, 2);
        QCOMPARE(test::statsMismatch(db()), QString());
        QSqlQuery check(db());
        QVERIFY(check.exec(QStringLiteral("PRAGMA foreign_key_check")));
        QVERIFY(!check.next());
    }
};

QTEST_GUILESS_MAIN(TestImportFormats)
#include "tst_importformats.moc"
