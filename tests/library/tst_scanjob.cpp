#include "fixturelibrary.h"
#include "library/scanjob.h"
#include "listens/import/historyimporter.h"
#include "scanfixture.h"
#include "store/trackstore.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QThreadPool>
#include <QtTest>

#include <unistd.h>

using namespace encore;

namespace {

// The shared scan fixture, with what only these tests ask of it.
struct Fixture : test::ScanFixture {
    qint64 totalChanges() {
        QSqlQuery q(connection.db());
        q.exec(QStringLiteral("SELECT total_changes()"));
        q.next();
        return q.value(0).toLongLong();
    }

    bool problemListed(const ScanReport& report, const QString& relative, const QString& words) {
        for (const ScanProblem& p : report.problems) {
            if (p.path == path(relative) && p.reason.contains(words))
                return true;
        }
        return false;
    }
};

}  // namespace

class TestScanJob : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsEveryFormatWithTags_data() {
        QTest::addColumn<QString>("extension");
        QTest::addColumn<QString>("codec");
        QTest::newRow("mp3") << QStringLiteral("mp3") << QStringLiteral("MP3");
        QTest::newRow("flac") << QStringLiteral("flac") << QStringLiteral("FLAC");
        QTest::newRow("ogg") << QStringLiteral("ogg") << QStringLiteral("Vorbis");
        QTest::newRow("opus") << QStringLiteral("opus") << QStringLiteral("Opus");
        QTest::newRow("m4a") << QStringLiteral("m4a") << QStringLiteral("AAC");
        QTest::newRow("wav") << QStringLiteral("wav") << QStringLiteral("WAV");
    }
    void readsEveryFormatWithTags() {
        QFETCH(QString, extension);
        QFETCH(QString, codec);
        Fixture f;
        TrackTags t =
            test::tags(QStringLiteral("Björk"), QStringLiteral("Homogenic"), QStringLiteral("Jóga"),
                       3, {QStringLiteral("Electronic"), QStringLiteral("Art Pop")});
        t.album_artist = QStringLiteral("Björk");
        t.year = 1997;
        t.disc_no = 1;
        const QString rel = QStringLiteral("Björk/Homogenic/03 Jóga.") + extension;
        QVERIFY(test::makeTaggedFile(f.path(rel), t));

        const ScanReport report = f.scan();
        QVERIFY2(report.fatal_error.isEmpty(), qPrintable(report.fatal_error));
        QCOMPARE(report.added, 1);
        QCOMPARE(report.errors, 0);
        const Track track = f.trackAt(rel);
        QCOMPARE(track.tags.title, QStringLiteral("Jóga"));
        QCOMPARE(track.tags.artist, QStringLiteral("Björk"));
        QCOMPARE(track.tags.album, QStringLiteral("Homogenic"));
        QCOMPARE(track.tags.album_artist, QStringLiteral("Björk"));
        QCOMPARE(track.tags.genres,
                 (QStringList{QStringLiteral("Electronic"), QStringLiteral("Art Pop")}));
        QCOMPARE(track.tags.track_no, 3);
        QCOMPARE(track.tags.year, 1997);
        QCOMPARE(track.tags.codec, codec);
        QVERIFY2(track.tags.duration_ms > 900 && track.tags.duration_ms < 1200,
                 qPrintable(QString::number(track.tags.duration_ms)));
        if (extension != QLatin1String("m4a"))  // TagLib reads MP4's sample entry, which says 2
            QCOMPARE(track.tags.channels, 1);
        QVERIFY(track.tags.sample_rate > 0);
        QVERIFY(track.available);

        QSqlQuery q(f.connection.db());
        QVERIFY(
            q.exec(QStringLiteral("SELECT g.name FROM track_genres tg JOIN genres g ON "
                                  "g.id = tg.genre_id ORDER BY tg.position")));
        QStringList genres;
        while (q.next())
            genres << q.value(0).toString();
        QCOMPARE(genres, (QStringList{QStringLiteral("Electronic"), QStringLiteral("Art Pop")}));
    }

    void numericGenresAreNamed() {
        Fixture f;
        QVERIFY(test::makeTaggedFile(f.path(QStringLiteral("a.flac")),
                                     test::tags(QStringLiteral("A"), QStringLiteral("B"),
                                                QStringLiteral("C"), 1, {QStringLiteral("(17)")})));
        QVERIFY(
            test::makeTaggedFile(f.path(QStringLiteral("b.ogg")),
                                 test::tags(QStringLiteral("A"), QStringLiteral("B"),
                                            QStringLiteral("D"), 2, {QStringLiteral("8;Rock")})));
        QCOMPARE(f.scan().added, 2);
        QCOMPARE(f.trackAt(QStringLiteral("a.flac")).tags.genres,
                 QStringList{QStringLiteral("Rock")});
        QCOMPARE(f.trackAt(QStringLiteral("b.ogg")).tags.genres,
                 (QStringList{QStringLiteral("Jazz"), QStringLiteral("Rock")}));
    }

    void rescanOfUnchangedLibraryReadsAndWritesNothing() {
        Fixture f;
        for (int i = 1; i <= 5; ++i)
            QVERIFY(test::makeTaggedFile(f.path(QStringLiteral("A/B/%1.mp3").arg(i)),
                                         test::tags(QStringLiteral("A"), QStringLiteral("B"),
                                                    QStringLiteral("Song %1").arg(i), i)));
        QCOMPARE(f.scan().added, 5);
        const qint64 before = f.totalChanges();
        const ScanReport again = f.scan();
        QCOMPARE(again.unchanged, 5);
        QCOMPARE(again.files_read, 0);  // no file was opened
        QCOMPARE(again.added + again.updated + again.moved + again.removed, 0);
        QCOMPARE(f.totalChanges(), before);  // and nothing was written
    }

    void rescanSeesAddModifyDelete() {
        Fixture f;
        QVERIFY(test::makeTaggedFile(
            f.path(QStringLiteral("keep.mp3")),
            test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("Keep"), 1)));
        QVERIFY(test::makeTaggedFile(
            f.path(QStringLiteral("edit.flac")),
            test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("Old title"), 2)));
        QVERIFY(test::makeTaggedFile(
            f.path(QStringLiteral("gone.ogg")),
            test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("Gone"), 3)));
        QCOMPARE(f.scan().added, 3);
        const TrackId editedId = f.trackAt(QStringLiteral("edit.flac")).id;
        const TrackId goneId = f.trackAt(QStringLiteral("gone.ogg")).id;

        QTest::qWait(20);  // mtime granularity: make sure the edit changes it
        QVERIFY(test::makeTaggedFile(f.path(QStringLiteral("edit.flac")),
                                     test::tags(QStringLiteral("A"), QStringLiteral("B"),
                                                QStringLiteral("New title, longer"), 2)));
        QVERIFY(QFile::remove(f.path(QStringLiteral("gone.ogg"))));
        QVERIFY(test::makeTaggedFile(
            f.path(QStringLiteral("new.opus")),
            test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("New"), 4)));

        const ScanReport report = f.scan();
        QCOMPARE(report.added, 1);
        QCOMPARE(report.updated, 1);
        QCOMPARE(report.removed, 1);
        QCOMPARE(report.unchanged, 1);
        const Track edited = f.trackAt(QStringLiteral("edit.flac"));
        QCOMPARE(edited.id, editedId);
        QCOMPARE(edited.tags.title, QStringLiteral("New title, longer"));
        const Result<Track> gone = f.store().track(goneId);
        QVERIFY(gone.ok());  // never deleted: its history stays attached
        QVERIFY(!gone->available);
        QCOMPARE(f.store().countTracks(false).value(), 3);

        // the file comes back unchanged: restored, same id
        QVERIFY(test::makeTaggedFile(
            f.path(QStringLiteral("gone2.ogg")),
            test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("Gone"), 3)));
        const ScanReport back = f.scan();
        QCOMPARE(back.moved, 1);
        QCOMPARE(f.trackAt(QStringLiteral("gone2.ogg")).id, goneId);
        QVERIFY(f.trackAt(QStringLiteral("gone2.ogg")).available);
    }

    // The watcher may report a folder and a new one under it at once (Other and
    // Other/Record/1.ogg): each file is read and written once, not twice (UNIQUE path).
    void overlappingFoldersAreWalkedOnce() {
        Fixture f;
        QVERIFY(test::makeTaggedFile(
            f.path(QStringLiteral("A/1.mp3")),
            test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("One"), 1)));
        QCOMPARE(f.scan().added, 1);
        QVERIFY(test::makeTaggedFile(
            f.path(QStringLiteral("Other/Record/1.ogg")),
            test::tags(QStringLiteral("O"), QStringLiteral("R"), QStringLiteral("Uno"), 1)));
        ScanJob job(f.connection.db(), f.cancel, &f.pool);
        const ScanReport report =
            job.run({f.music.path()}, {f.path(QStringLiteral("Other/Record")), f.music.path(),
                                       f.path(QStringLiteral("Other")), f.music.path()});
        QVERIFY2(report.fatal_error.isEmpty(), qPrintable(report.fatal_error));
        QCOMPARE(report.added, 1);
        QCOMPARE(report.files_seen, 2);
        QCOMPARE(f.store().countTracks(false).value(), 2);
    }

    void movedFolderKeepsTrackIds() {
        Fixture f;
        QVERIFY(test::makeTaggedFile(f.path(QStringLiteral("Old/Album/1.mp3")),
                                     test::tags(QStringLiteral("Artist"), QStringLiteral("Album"),
                                                QStringLiteral("One"), 1)));
        QVERIFY(test::makeTaggedFile(f.path(QStringLiteral("Old/Album/2.flac")),
                                     test::tags(QStringLiteral("Artist"), QStringLiteral("Album"),
                                                QStringLiteral("Two"), 2)));
        QVERIFY(f.scan().added == 2);
        const TrackId one = f.trackAt(QStringLiteral("Old/Album/1.mp3")).id;
        const TrackId two = f.trackAt(QStringLiteral("Old/Album/2.flac")).id;

        QVERIFY(QDir().mkpath(f.path(QStringLiteral("New"))));
        QVERIFY(QDir().rename(f.path(QStringLiteral("Old/Album")),
                              f.path(QStringLiteral("New/Renamed"))));
        const ScanReport report = f.scan();
        QCOMPARE(report.moved, 2);
        QCOMPARE(report.added, 0);
        QCOMPARE(report.removed, 0);
        QCOMPARE(f.trackAt(QStringLiteral("New/Renamed/1.mp3")).id, one);
        QCOMPARE(f.trackAt(QStringLiteral("New/Renamed/2.flac")).id, two);
        QCOMPARE(f.store().countTracks(true).value(), 2);
    }

    void renamedUntaggedFileKeepsId() {
        Fixture f;
        QVERIFY(QFile::copy(test::clipPath(QStringLiteral("mp3")),
                            f.path(QStringLiteral("a/Untitled.mp3"))) ||
                (QDir().mkpath(f.path(QStringLiteral("a"))) &&
                 QFile::copy(test::clipPath(QStringLiteral("mp3")),
                             f.path(QStringLiteral("a/Untitled.mp3")))));
        QCOMPARE(f.scan().added, 1);
        const TrackId id = f.trackAt(QStringLiteral("a/Untitled.mp3")).id;
        QVERIFY(QDir().mkpath(f.path(QStringLiteral("b"))));
        QVERIFY(QFile::rename(f.path(QStringLiteral("a/Untitled.mp3")),
                              f.path(QStringLiteral("b/Untitled.mp3"))));
        QCOMPARE(f.scan().moved, 1);
        QCOMPARE(f.trackAt(QStringLiteral("b/Untitled.mp3")).id, id);
    }

    void ignoresHiddenNonAudioAndPlaylists() {
        Fixture f;
        QVERIFY(test::makeTaggedFile(
            f.path(QStringLiteral("song.mp3")),
            test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"))));
        QVERIFY(test::makeTaggedFile(
            f.path(QStringLiteral(".hidden.mp3")),
            test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("Hidden"))));
        QVERIFY(test::makeTaggedFile(
            f.path(QStringLiteral(".hiddendir/x.mp3")),
            test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("X"))));
        QVERIFY(test::writeBytes(f.path(QStringLiteral("list.m3u")), "song.mp3\n"));
        QVERIFY(test::writeBytes(f.path(QStringLiteral("cover.jpg")), QByteArray(100, 'j')));
        QVERIFY(test::writeBytes(f.path(QStringLiteral("notes.txt")), "hello"));
        const ScanReport report = f.scan();
        QCOMPARE(report.added, 1);
        QCOMPARE(report.errors, 0);
        QCOMPARE(report.files_seen, 1);
    }

    void badFilesAreListedAndNotReopened() {
        Fixture f;
        QVERIFY(test::writeBytes(f.path(QStringLiteral("empty.mp3")), QByteArray()));
        QVERIFY(test::writeBytes(f.path(QStringLiteral("garbage.flac")), QByteArray(5000, '\x07')));
        QFile clip(test::clipPath(QStringLiteral("ogg")));
        QVERIFY(clip.open(QIODevice::ReadOnly));
        QVERIFY(test::writeBytes(f.path(QStringLiteral("truncated.ogg")), clip.read(60)));
        QVERIFY(test::makeTaggedFile(
            f.path(QStringLiteral("good.mp3")),
            test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("Good"))));

        const ScanReport report = f.scan();
        QCOMPARE(report.added, 1);
        QCOMPARE(report.errors, 3);
        QVERIFY(f.problemListed(report, QStringLiteral("empty.mp3"), QStringLiteral("empty file")));
        QVERIFY(f.problemListed(report, QStringLiteral("garbage.flac"),
                                QStringLiteral("not a readable")));
        QVERIFY(f.problemListed(report, QStringLiteral("truncated.ogg"),
                                QStringLiteral("not a readable")));

        const ScanReport again = f.scan();
        QCOMPARE(again.files_read, 0);
        QCOMPARE(again.errors, 3);  // still reported, without opening them
        QCOMPARE(again.unchanged, 1);
    }

    void absurdTagValuesAreTamed() {
        Fixture f;
        TrackTags t = test::tags(QString(100000, QLatin1Char('a')), QStringLiteral("B"),
                                 QStringLiteral("T\x01\x02itle"), 0);
        t.year = 1;
        QVERIFY(test::makeTaggedFile(f.path(QStringLiteral("weird.flac")), t));
        QCOMPARE(f.scan().added, 1);
        const Track track = f.trackAt(QStringLiteral("weird.flac"));
        QCOMPARE(track.tags.artist.size(), 512);
        QCOMPARE(track.tags.title, QStringLiteral("T itle"));
        QCOMPARE(track.tags.year, 0);
    }

    void symlinkLoopsEndAndLinkedFoldersAreWalkedOnce() {
        Fixture f;
        QVERIFY(test::makeTaggedFile(
            f.path(QStringLiteral("real/song.mp3")),
            test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"))));
        QCOMPARE(::symlink(f.path(QStringLiteral("real")).toUtf8().constData(),
                           f.path(QStringLiteral("real/loop")).toUtf8().constData()),
                 0);
        QCOMPARE(::symlink("/nonexistent/target.mp3",
                           f.path(QStringLiteral("dangling.mp3")).toUtf8().constData()),
                 0);
        const ScanReport report = f.scan();
        QCOMPARE(report.added, 1);
        QCOMPARE(report.files_seen, 1);
        QVERIFY(f.problemListed(report, QStringLiteral("dangling.mp3"),
                                QStringLiteral("points to nothing")));
    }

    void nonUtf8FileNameIsReported() {
        Fixture f;
        const QByteArray name = QFile::encodeName(f.music.path()) + "/caf\xe9.mp3";  // Latin-1 é
        QFile::copy(test::clipPath(QStringLiteral("mp3")), f.path(QStringLiteral("tmp.mp3")));
        QCOMPARE(::rename(QFile::encodeName(f.path(QStringLiteral("tmp.mp3"))).constData(),
                          name.constData()),
                 0);
        const ScanReport report = f.scan();
        ::unlink(name.constData());  // QTemporaryDir cannot remove a name it cannot decode
        QCOMPARE(report.added, 0);
        QCOMPARE(report.errors, 1);
        QVERIFY(report.problems.value(0).reason.contains(QStringLiteral("UTF-8")));
    }

    void unreachableRootLeavesTracksAlone() {
        Fixture f;
        QTemporaryDir other;
        QVERIFY(test::makeTaggedFile(
            other.filePath(QStringLiteral("x.mp3")),
            test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"))));
        {
            ScanJob job(f.connection.db(), f.cancel, &f.pool);
            QCOMPARE(job.run({other.path()}).added, 1);
        }
        const QString root = other.path();
        QVERIFY(other.remove());  // like an unmounted drive
        ScanJob job(f.connection.db(), f.cancel, &f.pool);
        const ScanReport report = job.run({root});
        QCOMPARE(report.removed, 0);
        QCOMPARE(report.errors, 1);
        QVERIFY(report.problems.value(0).reason.contains(QStringLiteral("not reachable")));
        QCOMPARE(f.store().countTracks(false).value(), 1);
    }

    void folderVanishingMidScanIsReportedAndTheScanGoesOn() {
        Fixture f;
        constexpr int kPerFolder = 600;  // more than a parse window: reading is under way
        QVERIFY(QDir(f.music.path()).mkpath(QStringLiteral("Gone")));
        QVERIFY(QDir(f.music.path()).mkpath(QStringLiteral("Kept")));
        const QString seed = f.path(QStringLiteral("Kept/seed.ogg"));
        QVERIFY(test::makeTaggedFile(
            seed, test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("S"))));
        for (int i = 1; i < kPerFolder; ++i)
            QVERIFY(QFile::copy(seed, f.path(QStringLiteral("Kept/copy-%1.ogg").arg(i))));
        for (int i = 0; i < kPerFolder; ++i)
            QVERIFY(QFile::copy(seed, f.path(QStringLiteral("Gone/copy-%1.ogg").arg(i))));
        ScanJob job(f.connection.db(), f.cancel, &f.pool);
        bool removed = false;
        job.setProgressCallback([&](const ScanProgress& p) {
            if (p.phase == ScanProgress::Phase::Reading && !removed)
                removed = QDir(f.path(QStringLiteral("Gone"))).removeRecursively();
        });
        const ScanReport report = job.run({f.music.path()});
        QVERIFY(removed);
        QVERIFY(!report.cancelled);
        // Every file is either in the library or listed as a problem, and at least one vanished.
        QCOMPARE(report.added + report.errors, 2 * kPerFolder);
        QVERIFY(report.errors > 0);
        QVERIFY(report.added >= kPerFolder);  // all of Kept
        QVERIFY(!report.problems.isEmpty());
        QVERIFY2(report.problems.first().path.contains(QStringLiteral("/Gone/")),
                 qPrintable(report.problems.first().path));
        QCOMPARE(report.problems.first().reason,
                 QStringLiteral("the file was removed or moved during the scan"));
        // The next scan marks what was read from the vanished folder unavailable, and no more.
        const ScanReport next = f.scan();
        QCOMPARE(next.removed, report.added - kPerFolder);
        QCOMPARE(f.store().countTracks(false).value(), kPerFolder);
    }

    void cancelStopsAndKeepsWhatWasWritten() {
        Fixture f;
        // more than two parse windows, so the cancel lands while files are being read
        constexpr int kFiles = 1200;
        QVERIFY(test::makeTaggedFile(
            f.path(QStringLiteral("seed.ogg")),
            test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("S"))));
        for (int i = 1; i < kFiles; ++i)
            QVERIFY(QFile::copy(f.path(QStringLiteral("seed.ogg")),
                                f.path(QStringLiteral("copy-%1.ogg").arg(i))));
        ScanJob job(f.connection.db(), f.cancel, &f.pool);
        job.setProgressCallback([&](const ScanProgress& p) {
            if (p.phase == ScanProgress::Phase::Reading)
                f.cancel.store(true);
        });
        const ScanReport report = job.run({f.music.path()});
        QVERIFY(report.cancelled);
        QCOMPARE(report.removed, 0);
        QVERIFY2(report.added > 0 && report.added < kFiles,
                 qPrintable(QString::number(report.added)));
        QCOMPARE(f.store().countTracks(false).value(), report.added);  // what was read was kept
        f.cancel.store(false);
        const ScanReport resumed = f.scan();
        QCOMPARE(resumed.added + report.added, kFiles);
    }

    void importedHistoryFindsItsFileLater() {
        Fixture f;
        // a Spotify export listened to "Nina Simone - Feeling Good" before the file existed
        QTemporaryDir exportDir;
        const QString exportFile = exportDir.filePath(QStringLiteral("StreamingHistory0.json"));
        QVERIFY(test::writeBytes(exportFile, R"([
            {"endTime": "2024-03-01 20:15", "artistName": "Nina Simone",
             "trackName": "Feeling Good", "msPlayed": 170000}])"));
        HistoryImporter importer(f.connection.db());
        ImportOptions options;
        options.profile = QStringLiteral("default");
        const ImportReport imported = importer.importPaths({exportFile}, options);
        QCOMPARE(imported.files.size(), 1);
        QVERIFY2(imported.files[0].error.isEmpty(), qPrintable(imported.files[0].error));
        QCOMPARE(imported.files[0].unmatched, 1);

        QVERIFY(test::makeTaggedFile(
            f.path(QStringLiteral("Nina Simone/Feeling Good.mp3")),
            test::tags(QStringLiteral("Nina Simone"), QStringLiteral("I Put a Spell on You"),
                       QStringLiteral("Feeling Good (Remastered 2013)"), 7)));
        const ScanReport report = f.scan();
        QCOMPARE(report.added, 1);
        QCOMPARE(report.history_linked, 1);
        const TrackId id = f.trackAt(QStringLiteral("Nina Simone/Feeling Good.mp3")).id;
        QSqlQuery q(f.connection.db());
        QVERIFY(q.exec(QStringLiteral("SELECT track_id FROM plays")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), id);  // the play now belongs to the file
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM tracks WHERE path IS NULL")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);  // the external stand-in was merged away
    }

    void cancelDuringWalkWritesNothing() {
        Fixture f;
        QVERIFY(test::makeTaggedFile(
            f.path(QStringLiteral("a/x.mp3")),
            test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"))));
        ScanJob job(f.connection.db(), f.cancel, &f.pool);
        job.setProgressCallback([&](const ScanProgress&) { f.cancel.store(true); });
        const ScanReport report = job.run({f.music.path()});
        QVERIFY(report.cancelled);
        QCOMPARE(report.added, 0);
        QCOMPARE(f.store().countTracks(true).value(), 0);
    }
};

QTEST_GUILESS_MAIN(TestScanJob)
#include "tst_scanjob.moc"
