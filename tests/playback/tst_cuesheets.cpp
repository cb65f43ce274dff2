// CUE sheets from the rippers people use (EAC, foobar2000, XLD) in the encodings they write
// them in, read by libcue; a real scan of a generated album file with its sheet giving one
// library track per TRACK with its own text and times; rescans, broken sheets falling back to
// the whole file with a problem, and each track rendered through the engine from the library
// with exactly its samples (boundaries within 1/75 s, consecutive tracks without a gap).

#include "audiofixtures.h"
#include "library/cuesheet.h"
#include "library/libraryindex.h"
#include "library/libraryindexloader.h"
#include "library/scanjob.h"
#include "rangerender.h"
#include "store/database.h"
#include "store/trackstore.h"
#include "testsupport.h"

#include <QFile>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

using namespace encore;
using namespace encore::test;

namespace {

// The album: three tones back to back, 1.60 s, 1.20 s and 1.00 s (CUE frames: 00:01:45 and
// 00:02:60 are where the second and third start).
constexpr double kLengthsS[] = {1.6, 1.2, 1.0};
constexpr double kTonesHz[] = {440.0, 660.0, 880.0};
constexpr qint64 kStartsMs[] = {0, 1600, 2800};
constexpr qint64 kTotalMs = 3800;
constexpr qint64 kFrameTolerance = kRate / 75;  // 1/75 s, one CUE frame

// An Exact Audio Copy sheet (CRLF, REMs, FLAGS, a pregap), written for the WAV the rip made.
QByteArray eacSheet(const QString& fileName, const QByteArray& extraTrack = {}) {
    QByteArray s =
        "REM GENRE \"Post-Rock\"\r\n"
        "REM DATE 2004\r\n"
        "REM DISCID 2A0B3C04\r\n"
        "REM COMMENT \"ExactAudioCopy v1.6\"\r\n"
        "REM REPLAYGAIN_ALBUM_GAIN -4.20 dB\r\n"
        "REM REPLAYGAIN_ALBUM_PEAK 0.912000\r\n"
        "CATALOG 0724384260927\r\n"
        "PERFORMER \"Sheet Artist\"\r\n"
        "TITLE \"Sheet Album\"\r\n"
        "FILE \"" +
        fileName.toUtf8() +
        "\" WAVE\r\n"
        "  TRACK 01 AUDIO\r\n"
        "    TITLE \"Opening\"\r\n"
        "    PERFORMER \"Sheet Artist\"\r\n"
        "    REM REPLAYGAIN_TRACK_GAIN -3.50 dB\r\n"
        "    REM REPLAYGAIN_TRACK_PEAK 0.800000\r\n"
        "    INDEX 01 00:00:00\r\n"
        "  TRACK 02 AUDIO\r\n"
        "    TITLE \"Middle\"\r\n"
        "    PERFORMER \"Guest Singer\"\r\n"
        "    FLAGS DCP\r\n"
        "    INDEX 00 00:01:30\r\n"
        "    INDEX 01 00:01:45\r\n"
        "  TRACK 03 AUDIO\r\n"
        "    TITLE \"Closing\"\r\n"
        "    PERFORMER \"Sheet Artist\"\r\n"
        "    INDEX 01 00:02:60\r\n";
    return s + extraTrack;
}

ScanReport scan(const QSqlDatabase& db, const QString& root) {
    std::atomic<bool> cancel{false};
    QThreadPool pool;
    ScanJob job(db, cancel, &pool);
    return job.run({root});
}

QList<Track> tracksIn(const QSqlDatabase& db) {
    Result<QList<Track>> tracks = TrackStore(db).tracks({});
    if (!tracks)
        qWarning("%s", qPrintable(tracks.error()));
    QList<Track> list = tracks ? tracks.value() : QList<Track>{};
    std::sort(list.begin(), list.end(),
              [](const Track& a, const Track& b) { return a.tags.track_no < b.tags.track_no; });
    return list;
}

bool write(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

QString problemsText(const ScanReport& report) {
    QStringList lines;
    for (const ScanProblem& p : report.problems)
        lines << p.path + QStringLiteral(": ") + p.reason;
    return lines.join(QLatin1Char('\n'));
}

}  // namespace

class TestCueSheets : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        qputenv("GST_PLUGIN_FEATURE_RANK", "tsdemux:NONE");  // see tst_render
        QVERIFY(sources_.isValid() && music_.isValid());
        QStringList parts;
        for (int i = 0; i < 3; ++i) {
            parts << sources_.filePath(QStringLiteral("part%1.wav").arg(i + 1));
            QVERIFY(makeTone(parts.last(), kLengthsS[i], kTonesHz[i], 0.4));
        }
        album_wav_ = sources_.filePath(QStringLiteral("album.wav"));
        QVERIFY(runTool(QStringLiteral("sox"), parts + QStringList{album_wav_}));
        album_ = music_.filePath(QStringLiteral("Sheet Album.flac"));
        QVERIFY(encode(album_wav_, album_,
                       {QStringLiteral("album=File Album"), QStringLiteral("artist=File Artist"),
                        QStringLiteral("genre=Jazz"), QStringLiteral("date=1999")}));
        sheet_ = music_.filePath(QStringLiteral("Sheet Album.cue"));
    }

    void init() { QVERIFY(write(sheet_, eacSheet(QStringLiteral("Sheet Album.wav")))); }

    // Sheets as the rippers write them: the text (in each encoding), the album's REMs, where
    // each track starts and ends, and a FILE found although the rip was converted since.
    void readsTheSheetsRippersWrite_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QString>("secondTitle");
        const QString middle = QStringLiteral("Café “Noir” – Größe");
        const QString eac = QString::fromUtf8(eacSheet(QStringLiteral("Sheet Album.wav")))
                                .replace(QStringLiteral("\"Middle\""),
                                         QLatin1Char('"') + middle + QLatin1Char('"'));
        QTest::newRow("EAC, UTF-8 with a byte-order mark")
            << QByteArray("\xEF\xBB\xBF") + eac.toUtf8() << QStringLiteral("UTF-8") << middle;
        QTest::newRow("foobar2000, UTF-8, LF")
            << QString(eac).replace(QStringLiteral("\r\n"), QStringLiteral("\n")).toUtf8()
            << QStringLiteral("UTF-8") << middle;
        QStringEncoder cp1252("windows-1252");
        QVERIFY(cp1252.isValid());
        const QByteArray ansi = cp1252(eac);
        QVERIFY(!cp1252.hasError());
        QTest::newRow("EAC, Windows-1252 (ANSI)")
            << ansi << QStringLiteral("Windows-1252") << middle;
        QStringEncoder utf16(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
        QTest::newRow("UTF-16 with a byte-order mark")
            << QByteArray(utf16(eac)) << QStringLiteral("UTF-16") << middle;
    }
    void readsTheSheetsRippersWrite() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, encoding);
        QFETCH(QString, secondTitle);
        const Result<CueSheet> sheet = parseCueSheet(bytes, sheet_);
        QVERIFY2(sheet.ok(), qPrintable(sheet.error()));
        QCOMPARE(sheet->encoding, encoding);
        QCOMPARE(sheet->title, QStringLiteral("Sheet Album"));
        QCOMPARE(sheet->performer, QStringLiteral("Sheet Artist"));
        QCOMPARE(sheet->genre, QStringLiteral("Post-Rock"));
        QCOMPARE(sheet->year, 2004);
        QVERIFY(sheet->rg_album_gain && qFuzzyCompare(*sheet->rg_album_gain, -4.2));
        QCOMPARE(sheet->tracks.size(), 3);
        QCOMPARE(sheet->audioFiles(), QStringList{album_});  // "*.wav" now a FLAC
        const QStringList titles{sheet->tracks[0].title, sheet->tracks[1].title,
                                 sheet->tracks[2].title};
        QCOMPARE(titles,
                 (QStringList{QStringLiteral("Opening"), secondTitle, QStringLiteral("Closing")}));
        QCOMPARE(sheet->tracks[1].performer, QStringLiteral("Guest Singer"));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(sheet->tracks[i].number, i + 1);
            QCOMPARE(sheet->tracks[i].start_ms, kStartsMs[i]);  // INDEX 01, not the pregap
            QCOMPARE(sheet->tracks[i].end_ms, i < 2 ? kStartsMs[i + 1] : -1);
        }
        QVERIFY(sheet->tracks[0].rg_track_gain &&
                qFuzzyCompare(*sheet->tracks[0].rg_track_gain, -3.5));
        QVERIFY(!sheet->tracks[1].rg_track_gain);
    }

    // A sheet per file of the disc (one FILE per track): each track is its whole file.
    void aFilePerTrackSheet() {
        QTemporaryDir dir;
        for (const char* name : {"01.flac", "02.flac"})
            QVERIFY(write(dir.filePath(QLatin1String(name)), "not read here"));
        const QByteArray bytes =
            "FILE \"01.flac\" WAVE\n  TRACK 01 AUDIO\n    TITLE \"One\"\n    INDEX 01 00:00:00\n"
            "FILE \"02.flac\" WAVE\n  TRACK 02 AUDIO\n    TITLE \"Two\"\n    INDEX 00 00:00:00\n"
            "    INDEX 01 00:00:32\n";
        const Result<CueSheet> sheet = parseCueSheet(bytes, dir.filePath(QStringLiteral("d.cue")));
        QVERIFY2(sheet.ok(), qPrintable(sheet.error()));
        QCOMPARE(sheet->tracks.size(), 2);
        QCOMPARE(sheet->tracks[0].audio_path, dir.filePath(QStringLiteral("01.flac")));
        QCOMPARE(sheet->tracks[0].end_ms, -1);  // the next track is in another file
        QCOMPARE(sheet->tracks[1].audio_path, dir.filePath(QStringLiteral("02.flac")));
        QCOMPARE(sheet->tracks[1].start_ms, 427);  // 32 frames
    }

    // What is wrong is said, with the sheet's name; nothing is half-read.
    void brokenSheetsAreNamed_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not CUE syntax") << QByteArray(
                                               "TITLE \"Nothing\"\nFILE \"Sheet Album.flac\" "
                                               "WAVE\n")
                                        << QStringLiteral("could not be parsed");
        // libcue reads past a bad line; what is then missing is named
        QTest::newRow("a bad INDEX") << QByteArray(
                                            "FILE \"Sheet Album.flac\" WAVE\n  TRACK "
                                            "01 AUDIO\n    INDEX 01 banana\n")
                                     << QStringLiteral("has track 1 without an INDEX 01");
        QTest::newRow("only a data track")
            << QByteArray(
                   "FILE \"Sheet Album.flac\" BINARY\n  TRACK 01 MODE1/2352\n    INDEX 01 "
                   "00:00:00\n")
            << QStringLiteral("no audio tracks");
        QTest::newRow("audio file not there")
            << eacSheet(QStringLiteral("Elsewhere.wav")) << QStringLiteral("\"Elsewhere.wav\"");
        QTest::newRow("tracks out of order")
            << QByteArray(
                   "FILE \"Sheet Album.flac\" WAVE\n  TRACK 01 AUDIO\n    INDEX 01 "
                   "00:02:00\n  TRACK 02 AUDIO\n    INDEX 01 00:01:00\n")
            << QStringLiteral("track 2 starting at or before track 1");
        QTest::newRow("binary") << QByteArray("\x00\x01\x02FILE", 7) << QStringLiteral("not text");
    }
    void brokenSheetsAreNamed() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const Result<CueSheet> sheet = parseCueSheet(bytes, sheet_);
        QVERIFY(!sheet.ok());
        QVERIFY2(sheet.error().contains(sheet_) && sheet.error().contains(reason) &&
                     sheet.error().contains(QStringLiteral("whole files")),
                 qPrintable(sheet.error()));
    }

    // A real scan: one library track per TRACK, with the sheet's text over the file's tags,
    // its own range and length, the sheet's gains; the whole file is not a track of its own.
    // A rescan reads nothing; a changed sheet is read again.
    void aScanListsTheSheetsTracks() {
        TempDatabase temp;
        ScopedConnection connection(temp.database, QStringLiteral("test"));
        const ScanReport report = scan(connection.db(), music_.path());
        QVERIFY2(report.fatal_error.isEmpty(), qPrintable(report.fatal_error));
        QVERIFY2(report.problems.isEmpty(), qPrintable(problemsText(report)));
        QCOMPARE(report.added, 3);
        const QList<Track> tracks = tracksIn(connection.db());
        QCOMPARE(tracks.size(), 3);
        const QStringList titles{QStringLiteral("Opening"), QStringLiteral("Middle"),
                                 QStringLiteral("Closing")};
        for (int i = 0; i < 3; ++i) {
            const Track& t = tracks[i];
            QVERIFY(t.range);
            QCOMPARE(t.range->audio_path, album_);
            QCOMPARE(t.range->sheet_path, sheet_);
            QCOMPARE(t.path, album_ + QStringLiteral("#0%1").arg(i + 1));
            QCOMPARE(t.tags.title, titles[i]);
            QCOMPARE(t.tags.album, QStringLiteral("Sheet Album"));
            QCOMPARE(t.tags.album_artist, QStringLiteral("Sheet Artist"));
            QCOMPARE(t.tags.artist,
                     i == 1 ? QStringLiteral("Guest Singer") : QStringLiteral("Sheet Artist"));
            QCOMPARE(t.tags.genres, QStringList{QStringLiteral("Post-Rock")});
            QCOMPARE(t.tags.year, 2004);
            QCOMPARE(t.tags.track_no, i + 1);
            QCOMPARE(t.tags.codec, QStringLiteral("FLAC"));
            QCOMPARE(t.range->start_ms, kStartsMs[i]);
            QCOMPARE(t.range->end_ms, i < 2 ? kStartsMs[i + 1] : -1);
            const qint64 expected = qint64(kLengthsS[i] * 1000);
            QVERIFY2(std::abs(t.tags.duration_ms - expected) <= 14,
                     qPrintable(QString::number(t.tags.duration_ms)));
            QVERIFY(t.tags.replaygain && t.tags.replaygain->album_gain_db);
            QCOMPARE(*t.tags.replaygain->album_gain_db, -4.2);
        }
        QCOMPARE(tracks[0].tags.replaygain->track_gain_db, -3.5);

        const ScanReport again = scan(connection.db(), music_.path());
        QCOMPARE(again.unchanged, 3);
        QCOMPARE(again.added + again.updated + again.removed + again.files_read, 0);

        // The sheet edited later (a fourth track split off the last one's end).
        QTest::qWait(20);  // a later mtime
        QVERIFY(write(sheet_, eacSheet(QStringLiteral("Sheet Album.wav"),
                                       "  TRACK 04 AUDIO\r\n    TITLE \"Hidden\"\r\n    INDEX 01 "
                                       "00:03:30\r\n")));
        const ScanReport edited = scan(connection.db(), music_.path());
        QVERIFY2(edited.problems.isEmpty(), qPrintable(problemsText(edited)));
        QCOMPARE(edited.updated, 3);
        QCOMPARE(edited.added, 1);
        const QList<Track> four = tracksIn(connection.db());
        QCOMPARE(four.size(), 4);
        QCOMPARE(four[2].range->end_ms, 3400);
        QCOMPARE(four[3].tags.title, QStringLiteral("Hidden"));
        QCOMPARE(four[0].id, tracks[0].id);  // the same tracks, their history kept
    }

    // A sheet that does not fit its file, or does not parse, leaves the file a whole track
    // and says why in the scan report; removing the sheet does the same without a problem.
    void aBrokenSheetFallsBackToTheWholeFile_data() {
        QTest::addColumn<QByteArray>("sheet");
        QTest::addColumn<QString>("problem");
        QTest::newRow("a track past the end")
            << eacSheet(QStringLiteral("Sheet Album.wav"),
                        "  TRACK 04 AUDIO\r\n    INDEX 01 00:09:00\r\n")
            << QStringLiteral("starts track 4 at 9.00 s, past the end");
        QTest::newRow("not CUE syntax") << QByteArray("FILE \"Sheet Album.flac\" WAVE\nTRACK ?\n")
                                        << QStringLiteral("could not be parsed");
        QTest::newRow("removed") << QByteArray() << QString();
    }
    void aBrokenSheetFallsBackToTheWholeFile() {
        QFETCH(QByteArray, sheet);
        QFETCH(QString, problem);
        TempDatabase temp;
        ScopedConnection connection(temp.database, QStringLiteral("test"));
        QCOMPARE(scan(connection.db(), music_.path()).added, 3);
        QTest::qWait(20);
        if (sheet.isEmpty())
            QVERIFY(QFile::remove(sheet_));
        else
            QVERIFY(write(sheet_, sheet));
        const ScanReport report = scan(connection.db(), music_.path());
        QVERIFY2(report.fatal_error.isEmpty(), qPrintable(report.fatal_error));
        if (problem.isEmpty()) {
            QVERIFY2(report.problems.isEmpty(), qPrintable(problemsText(report)));
        } else {
            QCOMPARE(report.problems.size(), 1);
            QCOMPARE(report.problems[0].path, sheet_);
            QVERIFY2(report.problems[0].reason.contains(problem),
                     qPrintable(report.problems[0].reason));
        }
        const QList<Track> tracks = tracksIn(connection.db());
        QCOMPARE(tracks.size(), 1);
        QCOMPARE(tracks[0].path, album_);
        QVERIFY(!tracks[0].range);
        QCOMPARE(tracks[0].tags.album, QStringLiteral("File Album"));
        QCOMPARE(report.removed, 3);  // the sheet's tracks, kept unavailable with their history
    }

    // From the library to the speakers: each track's item plays exactly its samples of the
    // file (a boundary within 1/75 s would already pass; these are sample-exact), and the
    // three in a row are the whole file without a gap.
    void eachTrackPlaysItsOwnRange() {
        TempDatabase temp;
        ScopedConnection connection(temp.database, QStringLiteral("test"));
        QCOMPARE(scan(connection.db(), music_.path()).added, 3);
        const Result<std::shared_ptr<const LibraryIndex>> index =
            LibraryIndexLoader::load(connection.db());
        QVERIFY2(index.ok(), qPrintable(index.error()));
        QCOMPARE(index.value()->size(), 3);
        QList<PlaybackItem> items;
        for (int row = 0; row < 3; ++row) {
            const TrackInfo info = index.value()->info(row);
            PlaybackItem item = PlaybackItem::file(info.path, info.duration_ms);
            item.start_ms = info.start_ms;
            item.end_ms = info.end_ms;
            item.album_key = info.album;
            item.track_id = info.id;
            items << item;
        }
        std::sort(items.begin(), items.end(), [](const PlaybackItem& a, const PlaybackItem& b) {
            return a.start_ms < b.start_ms;
        });
        QCOMPARE(items[0].path, album_);
        const Wav source = readWav(album_wav_);
        QVERIFY(source.ok);
        QCOMPARE(source.frames(), kTotalMs * kRate / 1000);

        for (int i = 0; i < 3; ++i) {
            const QString out = sources_.filePath(QStringLiteral("track%1.wav").arg(i + 1));
            const ItemRender r = renderItems({items[i]}, out);
            QVERIFY2(r.ok, qPrintable(r.error));
            const Wav wav = readWav(out);
            const qint64 expected = qint64(kLengthsS[i] * kRate + 0.5);
            QVERIFY2(std::abs(wav.frames() - expected) <= kFrameTolerance,
                     qPrintable(QStringLiteral("track %1: %2 frames, %3 expected")
                                    .arg(i + 1)
                                    .arg(wav.frames())
                                    .arg(expected)));
            const qint64 from = kStartsMs[i] * kRate / 1000;
            QVERIFY2(
                maxDifference(wav, 0, source, from, wav.frames() - 1) < 1e-3f,
                qPrintable(QStringLiteral("track %1 is not its range of the file").arg(i + 1)));
        }
        const QString whole = sources_.filePath(QStringLiteral("album-render.wav"));
        const ItemRender r = renderItems(items, whole);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.started, r.serials.mid(1));  // each following track is said when heard
        const Wav joined = readWav(whole);
        QCOMPARE(joined.frames(), source.frames());
        QVERIFY(maxDifference(joined, 0, source, 0, source.frames()) < 1e-3f);
        QVERIFY(longestSilence(joined, 0, joined.frames()) < kRate / 1000);
    }

private:
    QTemporaryDir sources_;
    QTemporaryDir music_;
    QString album_wav_;
    QString album_;
    QString sheet_;
};

QTEST_GUILESS_MAIN(TestCueSheets)
#include "tst_cuesheets.moc"
