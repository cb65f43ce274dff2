// Bad input: malformed JSON and CSV, Latin-1 text, truncated files, times out of range,
// missing fields, oversized records and a huge file streamed in bounded memory. Every refused
// file names itself and the line, leaves nothing behind, and earlier data stays intact.
#include "listens/import/historyimporter.h"
#include "listenstestsupport.h"
#include "store/playlog.h"
#include "testsupport.h"

#include <QtTest>

#include <sys/resource.h>

using namespace encore;

namespace {

QByteArray spotifyRecord(int i, const QString& end = QStringLiteral("2021-03-11 17:34")) {
    return QStringLiteral(
               "{\n    \"endTime\" : \"%1\",\n    \"artistName\" : \"Artist %2\",\n"
               "    \"trackName\" : \"Song %2\",\n    \"msPlayed\" : %3\n  }")
        .arg(end)
        .arg(i)
        .arg(100000 + i)
        .toUtf8();
}

QByteArray spotifyFile(int count) {
    QByteArray out = "[\n  ";
    for (int i = 0; i < count; ++i)
        out += (i ? ",\n  " : "") + spotifyRecord(i);
    return out + "\n]\n";
}

long peakRssKb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

}  // namespace

class TestImportErrors : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TempDatabase> temp_;
    std::unique_ptr<ScopedConnection> connection_;
    QTemporaryDir files_;

    QSqlDatabase db() { return connection_->db(); }
    QString fixture(const QString& name, const QByteArray& bytes) {
        return test::writeFixture(files_.filePath(name), bytes);
    }
    ImportReport import(const QStringList& paths, bool skipInvalid = false, qint64 now = 0) {
        ImportOptions options;
        options.skip_invalid = skipInvalid;
        options.time_zone = QTimeZone("UTC");
        options.now_seconds = now;
        return HistoryImporter(db()).importPaths(paths, options);
    }
    qint64 count(const char* table) {
        return test::scalar(db(),
                            QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
    }

private Q_SLOTS:
    void init() {
        temp_ = std::make_unique<test::TempDatabase>();
        connection_ = std::make_unique<ScopedConnection>(temp_->database, QStringLiteral("err"));
    }
    void cleanup() {
        connection_.reset();
        temp_.reset();
    }

    // Each bad file is imported after a good one: the good one stays, the bad one leaves no
    // play, no track, no import row.
    void badFileLeavesNothing_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("messageHas");
        const QByteArray good3 = spotifyFile(3);
        QByteArray missingComma = good3;
        missingComma.replace(
            "},\n  {\n    \"endTime\" : \"2021-03-11 17:34\",\n    \"artistName\" "
            ": \"Artist 2\"",
            "}\n  {\n    \"endTime\" : \"2021-03-11 17:34\",\n    \"artistName\" "
            ": \"Artist 2\"");
        QTest::newRow("malformed JSON: a missing comma")
            << "StreamingHistory1.json" << missingComma
            << QStringList{"StreamingHistory1.json", "line 14", "record 2"};
        QByteArray badLiteral = good3;
        badLiteral.replace("\"msPlayed\" : 100001", "\"msPlayed\" : 10x001");
        QTest::newRow("malformed JSON inside a record")
            << "StreamingHistory1.json" << badLiteral
            << QStringList{"StreamingHistory1.json", "line 12", "malformed JSON"};
        QTest::newRow("truncated JSON") << "StreamingHistory1.json" << good3.left(good3.size() - 40)
                                        << QStringList{"StreamingHistory1.json", "truncated"};
        QTest::newRow("truncated JSON lines")
            << "listens.jsonl"
            << QByteArray(
                   "{\"listened_at\": 1700000000, \"track_metadata\": {\"artist_name\": "
                   "\"A\", \"track_name\": \"B\"}}\n{\"listened_at\": 1700000100, "
                   "\"track_metadata\": {\"artist_na")
            << QStringList{"listens.jsonl", "truncated"};
        QTest::newRow("JSON that is not UTF-8")
            << "StreamingHistory1.json"
            << QByteArray(
                   "[{\"endTime\": \"2021-03-11 17:34\", \"artistName\": \"Beyonc\xe9\", "
                   "\"trackName\": \"Halo\", \"msPlayed\": 1000}]")
            << QStringList{"StreamingHistory1.json", "line 1", "UTF-8"};
        QTest::newRow("Latin-1 CSV")
            << "lastfm.csv"
            << QByteArray(
                   "artist,album,track,date\nMuse,Origin,Uprising,19 Sep 2024 11:25\n"
                   "Beyonc\xe9,I Am,Halo,19 Sep 2024 11:30\n")
            << QStringList{"lastfm.csv", "line 3", "UTF-8", "Latin-1"};
        QTest::newRow("malformed CSV: a quote never closed")
            << "lastfm.csv"
            << QByteArray(
                   "artist,album,track,date\nMuse,Origin,Uprising,19 Sep 2024 11:25\n"
                   "\"Muse,Origin,Hysteria,19 Sep 2024 11:30\nMuse,Origin,Time,19 Sep "
                   "2024 11:35\n")
            << QStringList{"lastfm.csv", "line 3", "never closed"};
        QTest::newRow("CSV without a header")
            << "librefm_no_header.csv" << QByteArray("Never,Gonna,Give,You,Up\nNever,Gonna,Let\n")
            << QStringList{"librefm_no_header.csv", "header"};
        QTest::newRow("missing field: msPlayed")
            << "StreamingHistory1.json"
            << QByteArray("[" + spotifyRecord(1) +
                          ",\n{\"endTime\": \"2021-03-11 17:40\", "
                          "\"artistName\": \"A\", \"trackName\": \"B\"}]")
            << QStringList{"StreamingHistory1.json", "line 7", "record 2", "msPlayed",
                           "--skip-invalid"};
        QTest::newRow("missing field: listened_at")
            << "listens.jsonl"
            << QByteArray("{\"track_metadata\": {\"artist_name\": \"A\", \"track_name\": \"B\"}}\n")
            << QStringList{"listens.jsonl", "line 1", "listened_at"};
        QTest::newRow("empty title")
            << "listens.jsonl"
            << QByteArray(
                   "{\"listened_at\": 1700000000, \"track_metadata\": {\"artist_name\": "
                   "\"A\", \"track_name\": \"\"}}\n")
            << QStringList{"listens.jsonl", "line 1", "track_name"};
        QTest::newRow("before 1990")
            << "listens.jsonl"
            << QByteArray(
                   "{\"listened_at\": 599999999, \"track_metadata\": {\"artist_name\": "
                   "\"A\", \"track_name\": \"B\"}}\n")
            << QStringList{"listens.jsonl", "line 1", "1989-01-05", "before 1990"};
        QTest::newRow("bad timestamp")
            << "lastfm.csv"
            << QByteArray("artist,album,track,date\nMuse,Origin,Uprising,yesterday\n")
            << QStringList{"lastfm.csv", "line 2", "yesterday"};
        QTest::newRow("seed ratings without songs")
            << "ratings.csv"
            << QByteArray("user_id,song_id,rating,unix_timestamp\n1,99,5,874965758\n")
            << QStringList{"ratings.csv", "line 2", "song 99", "songs.csv"};
        QTest::newRow("a record over 4 MB")
            << "StreamingHistory1.json"
            << QByteArray(
                   "[{\"endTime\": \"2021-03-11 17:34\", \"artistName\": \"A\", "
                   "\"trackName\": \"" +
                   QByteArray(5 * 1024 * 1024, 'x') + "\", \"msPlayed\": 1}]")
            << QStringList{"StreamingHistory1.json", "line 1", "larger than 4 MB"};
        QTest::newRow("a line over 1 MB")
            << "lastfm.csv" << QByteArray("artist,album,track,date\n" + QByteArray(2 << 20, 'y'))
            << QStringList{"lastfm.csv", "line 2", "longer than 1 MB"};
    }
    void badFileLeavesNothing() {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QStringList, messageHas);
        const ImportReport first =
            import({fixture(QStringLiteral("StreamingHistory0.json"), spotifyFile(5))});
        QVERIFY(first.ok());
        const qint64 plays = count("plays"), tracks = count("tracks"), imports = count("imports");
        QCOMPARE(plays, 5);

        const ImportReport bad = import({fixture(name, content)});
        QCOMPARE(bad.files.size(), 1);
        const QString error = bad.files[0].error;
        QVERIFY2(!error.isEmpty(), "the bad file was accepted");
        for (const QString& part : messageHas)
            QVERIFY2(error.contains(part), qPrintable(error + QStringLiteral("\n lacks: ") + part));
        QCOMPARE(count("plays"), plays);
        QCOMPARE(count("tracks"), tracks);
        QCOMPARE(count("imports"), imports);
        QCOMPARE(count("profiles"), 1);
        QCOMPARE(test::statsMismatch(db()), QString());
    }

    void futureTimesAreRefused() {
        const qint64 now = 1'800'000'000;
        const QString file = fixture(
            QStringLiteral("listens.jsonl"),
            QStringLiteral("{\"listened_at\": %1, \"track_metadata\": {\"artist_name\": \"A\", "
                           "\"track_name\": \"B\"}}\n{\"listened_at\": %2, \"track_metadata\": "
                           "{\"artist_name\": \"A\", \"track_name\": \"C\"}}\n")
                .arg(now - 3600)
                .arg(now + 2 * 86400)
                .toUtf8());
        const ImportReport report = import({file}, false, now);
        QVERIFY(report.files[0].error.contains(QStringLiteral("in the future")));
        QVERIFY(report.files[0].error.contains(QStringLiteral("line 2")));
        QCOMPARE(count("plays"), 0);
    }

    void skipInvalidImportsTheRest() {
        const QByteArray mixed =
            "{\"listened_at\": 1748967954, \"track_metadata\": {\"artist_name\": \"The Mamas & The "
            "Papas\", \"track_name\": \"California Dreamin'\"}}\n"
            "{\"listened_at\": 1748967955, \"track_metadata\": {\"artist_name\": \"\", "
            "\"track_name\": \"Some Track\"}}\n"
            "{\"listened_at\": 1748967957, \"track_metadata\": {\"artist_name\": \"Some Artist\", "
            "\"track_name\": \"\"}}\n"
            "{\"listened_at\": 12, \"track_metadata\": {\"artist_name\": \"Old\", "
            "\"track_name\": \"Song\"}}\n";
        const QString file = fixture(QStringLiteral("listenbrainz_mixed_validity.jsonl"), mixed);
        QVERIFY(!import({file}).ok());  // strict by default
        QCOMPARE(count("plays"), 0);
        const ImportReport report = import({file}, true);
        QVERIFY(report.ok());
        const FileImportReport& r = report.files[0];
        QCOMPARE(r.added(), 2);  // an empty artist is kept: the listen still happened
        QCOMPARE(r.invalid, 2);
        QCOMPARE(r.warnings.size(), 2);
        QVERIFY(r.warnings[0].contains(QStringLiteral("line 3")));
        QVERIFY(r.warnings[1].contains(QStringLiteral("line 4")));
        QCOMPARE(test::scalar(db(), QStringLiteral("SELECT skipped FROM imports")), 2);
    }

    void oneBadFileInAFolderLeavesTheOthers() {
        const QString folder = files_.filePath(QStringLiteral("export"));
        test::writeFixture(folder + QStringLiteral("/StreamingHistory0.json"), spotifyFile(4));
        const QByteArray good = spotifyFile(4);
        test::writeFixture(folder + QStringLiteral("/StreamingHistory1.json"),
                           good.left(good.size() / 2));
        test::writeFixture(folder + QStringLiteral("/StreamingHistory2.json"),
                           "[" + spotifyRecord(9, QStringLiteral("2022-01-01 10:00")) + "]");
        const ImportReport report = import({folder});
        QCOMPARE(report.failedFiles(), 1);
        QVERIFY(report.files[1].error.contains(QStringLiteral("StreamingHistory1.json")));
        QCOMPARE(report.total().added(), 5);
        QCOMPARE(count("plays"), 5);
        QCOMPARE(count("imports"), 2);
    }

    void hugeFileIsStreamedInBoundedMemory() {
        // ~260 MB of JSON: 16,000 records with large runs of whitespace between them. Reading
        // it whole would cost far more than the 64 MB of headroom allowed here.
        constexpr int kRecords = 16000;
        const QByteArray padding(16 * 1024, ' ');
        const QString path = files_.filePath(QStringLiteral("StreamingHistory_big.json"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("[\n");
            for (int i = 0; i < kRecords; ++i) {
                const qint64 end = 1'600'000'000 + qint64(i) * 300;
                file.write(
                    (i ? ",\n" : "") + padding + "\n" +
                    spotifyRecord(i % 500, QDateTime::fromSecsSinceEpoch(end, Qt::UTC)
                                               .toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
            }
            file.write("\n]\n");
        }
        QVERIFY2(QFileInfo(path).size() > 250LL * 1024 * 1024,
                 qPrintable(QString::number(QFileInfo(path).size())));
        const long before = peakRssKb();
        const ImportReport report = import({path});
        const long grownMb = (peakRssKb() - before) / 1024;
        QVERIFY2(report.ok(), qPrintable(report.files.value(0).error));
        QCOMPARE(report.total().added(), kRecords);
        QVERIFY2(grownMb < 64,
                 qPrintable(QStringLiteral("peak memory grew by %1 MB").arg(grownMb)));
        QFile::remove(path);
    }
};

QTEST_GUILESS_MAIN(TestImportErrors)
#include "tst_importerrors.moc"
