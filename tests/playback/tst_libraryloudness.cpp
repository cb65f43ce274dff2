// Loudness from the library to the player: ReplayGain tags read by a real scan into the
// database, Encore's R128 measures of untagged files, the index the player reads them from,
// and libraries scanned before schema 5 reading their tags once more.

#include "audiofixtures.h"
#include "library/libraryindex.h"
#include "library/libraryindexloader.h"
#include "library/scanjob.h"
#include "store/database.h"
#include "store/trackstore.h"
#include "testsupport.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

#include <cmath>

using namespace encore;

namespace {

struct Library {
    QTemporaryDir music;
    QTemporaryDir sources;  // the tone the files are encoded from, outside the library
    QString wav = sources.filePath(QStringLiteral("tone.wav"));

    Library() {
        if (!test::makeTone(wav, 0.5, 440.0, 0.5))
            qFatal("sox could not make a tone");
    }
    QString add(const QString& name, const QStringList& tags) const {
        const QString path = music.filePath(name);
        QDir().mkpath(QFileInfo(path).path());
        return test::encode(wav, path, tags) ? path : QString();
    }
    QString folder() const { return music.path(); }
};

ScanReport scan(const QSqlDatabase& db, const QString& root) {
    std::atomic<bool> cancel{false};
    QThreadPool pool;
    ScanJob job(db, cancel, &pool);
    return job.run({root});
}

std::shared_ptr<const LibraryIndex> load(const QSqlDatabase& db) {
    Result<std::shared_ptr<const LibraryIndex>> index = LibraryIndexLoader::load(db);
    if (!index) {
        qWarning("%s", qPrintable(index.error()));
        return nullptr;
    }
    return index.value();
}

std::optional<Loudness> loudnessOf(const LibraryIndex& index, const QString& path) {
    for (int row = 0; row < index.size(); ++row) {
        if (index.path(row) == path)
            return index.info(row).loudness;
    }
    qWarning("%s is not in the index", qPrintable(path));
    return std::nullopt;
}

bool near(const std::optional<double>& value, double expected, double tolerance) {
    return value && std::abs(*value - expected) <= tolerance;
}

qint64 trackIdOf(const QSqlDatabase& db, const QString& path) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM tracks WHERE path = ?"));
    q.addBindValue(path);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

// An R128 measure as the analyser stores it, for the file as it is now or as it was.
bool storeMeasure(const QSqlDatabase& db, const QString& path, double gain, double peak,
                  qint64 mtimeShift = 0) {
    const QFileInfo info(path);
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO loudness_analysis(track_id, size, mtime_ms, integrated_lufs, track_gain, "
        "track_peak, analysed_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(trackIdOf(db, path));
    q.addBindValue(info.size());
    q.addBindValue(info.lastModified().toMSecsSinceEpoch() + mtimeShift);
    q.addBindValue(-18.0 - gain);
    q.addBindValue(gain);
    q.addBindValue(peak);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!q.exec()) {
        qWarning("%s", qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

}  // namespace

class TestLibraryLoudness : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aScanStoresTheReplayGainTagsAndThePlayerGetsThem_data() {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("flac (Vorbis comments)") << QStringLiteral("flac");
        QTest::newRow("mp3 (ID3v2 TXXX)") << QStringLiteral("mp3");
        QTest::newRow("ogg (Vorbis comments)") << QStringLiteral("ogg");
    }
    void aScanStoresTheReplayGainTagsAndThePlayerGetsThem() {
        QFETCH(QString, suffix);
        Library library;
        const QString tagged = library.add(
            QStringLiteral("tagged.") + suffix,
            {QStringLiteral("REPLAYGAIN_TRACK_GAIN=-6.48 dB"),
             QStringLiteral("REPLAYGAIN_TRACK_PEAK=0.988831"),
             QStringLiteral("REPLAYGAIN_ALBUM_GAIN=-7.10 dB"),
             QStringLiteral("REPLAYGAIN_ALBUM_PEAK=1.011"), QStringLiteral("title=Tagged")});
        const QString plain = library.add(QStringLiteral("plain.") + suffix, {});
        QVERIFY(!tagged.isEmpty() && !plain.isEmpty());
        test::TempDatabase temp;
        ScopedConnection connection(temp.database, QStringLiteral("test"));
        const ScanReport report = scan(connection.db(), library.folder());
        QVERIFY2(report.fatal_error.isEmpty(), qPrintable(report.fatal_error));
        QCOMPARE(report.added, 2);

        QSqlQuery q(connection.db());
        QVERIFY(
            q.exec(QStringLiteral("SELECT rg_track_gain, rg_track_peak, rg_album_gain, "
                                  "rg_album_peak FROM tracks WHERE title = 'Tagged'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toDouble(), -6.48);
        QCOMPARE(q.value(1).toDouble(), 0.988831);
        QCOMPARE(q.value(2).toDouble(), -7.10);
        QCOMPARE(q.value(3).toDouble(), 1.011);

        const auto index = load(connection.db());
        QVERIFY(index);
        const std::optional<Loudness> l = loudnessOf(*index, tagged);
        QVERIFY(l);
        QVERIFY2(std::abs(l->track_gain_db + 6.48) < 0.006,
                 qPrintable(QString::number(l->track_gain_db)));
        QVERIFY(near(l->track_peak, 0.988831, 1.0 / 6000));
        QVERIFY(near(l->album_gain_db, -7.10, 0.006));
        QVERIFY(near(l->album_peak, 1.011, 1.0 / 6000));
        QVERIFY(!loudnessOf(*index, plain));  // untagged and not measured: played unchanged
    }

    void implausibleTagsAreIgnored() {
        Library library;
        const QString path = library.add(QStringLiteral("odd.flac"),
                                         {QStringLiteral("REPLAYGAIN_TRACK_GAIN=+999 dB"),
                                          QStringLiteral("REPLAYGAIN_TRACK_PEAK=0.5")});
        const QString text = library.add(QStringLiteral("text.flac"),
                                         {QStringLiteral("REPLAYGAIN_TRACK_GAIN=loud")});
        QVERIFY(!path.isEmpty() && !text.isEmpty());
        test::TempDatabase temp;
        ScopedConnection connection(temp.database, QStringLiteral("test"));
        QCOMPARE(scan(connection.db(), library.folder()).added, 2);
        QSqlQuery q(connection.db());
        QVERIFY(
            q.exec(QStringLiteral("SELECT count(*) FROM tracks WHERE rg_track_gain IS NULL "
                                  "AND rg_track_peak IS NULL")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2);
    }

    void retaggedFilesAreReadAgain() {
        Library library;
        const QString path = library.add(QStringLiteral("a.flac"),
                                         {QStringLiteral("REPLAYGAIN_TRACK_GAIN=-3.00 dB")});
        test::TempDatabase temp;
        ScopedConnection connection(temp.database, QStringLiteral("test"));
        QCOMPARE(scan(connection.db(), library.folder()).added, 1);
        QTest::qWait(20);  // a later modification time
        QVERIFY(
            !library
                 .add(QStringLiteral("a.flac"), {QStringLiteral("REPLAYGAIN_TRACK_GAIN=-9.25 dB")})
                 .isEmpty());
        QCOMPARE(scan(connection.db(), library.folder()).updated, 1);
        const auto index = load(connection.db());
        QVERIFY(index);
        const std::optional<Loudness> l = loudnessOf(*index, path);
        QVERIFY(l && std::abs(l->track_gain_db + 9.25) < 0.006);
    }

    // Encore's own measure plays an untagged file; a tag wins over it, and a measure of the
    // file as it was before it changed is not used.
    void measuresAreUsedForTheFileAsMeasuredAndTagsWin() {
        Library library;
        const QString measured = library.add(QStringLiteral("measured.flac"), {});
        const QString stale = library.add(QStringLiteral("stale.flac"), {});
        const QString tagged = library.add(QStringLiteral("tagged.flac"),
                                           {QStringLiteral("REPLAYGAIN_TRACK_GAIN=-2.00 dB")});
        test::TempDatabase temp;
        ScopedConnection connection(temp.database, QStringLiteral("test"));
        QCOMPARE(scan(connection.db(), library.folder()).added, 3);
        QVERIFY(storeMeasure(connection.db(), measured, -4.5, 0.7));
        QVERIFY(storeMeasure(connection.db(), stale, -4.5, 0.7, -60000));
        QVERIFY(storeMeasure(connection.db(), tagged, -8.0, 0.9));
        const auto index = load(connection.db());
        QVERIFY(index);
        const std::optional<Loudness> m = loudnessOf(*index, measured);
        QVERIFY(m && std::abs(m->track_gain_db + 4.5) < 0.006);
        QVERIFY(near(m->track_peak, 0.7, 1.0 / 6000));
        QVERIFY(!m->album_gain_db);
        QVERIFY(!loudnessOf(*index, stale));
        const std::optional<Loudness> t = loudnessOf(*index, tagged);
        QVERIFY(t && std::abs(t->track_gain_db + 2.0) < 0.006);
    }

    // A library scanned by a build without loudness columns: the upgrade makes the next scan
    // read its files again, so their tags arrive without the user doing anything.
    void aLibraryFromSchemaFourReadsItsTagsOnTheNextScan() {
        Library library;
        const QString path = library.add(
            QStringLiteral("old.flac"),
            {QStringLiteral("REPLAYGAIN_TRACK_GAIN=-5.50 dB"), QStringLiteral("title=Old")});
        QVERIFY(!path.isEmpty());
        QTemporaryDir dir;
        Database database(dir.filePath(QStringLiteral("old.sqlite")));
        QVERIFY(database.migrateTo(4).ok());
        {
            ScopedConnection connection(database, QStringLiteral("old"));
            QSqlQuery q(connection.db());
            q.prepare(QStringLiteral("INSERT INTO folders(path, added_at) VALUES (?, 0)"));
            q.addBindValue(library.folder());
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            const qint64 folder = q.lastInsertId().toLongLong();
            const QFileInfo info(path);
            q.prepare(QStringLiteral(
                "INSERT INTO tracks(track_key, folder_id, path, size, mtime_ms, title, artist, "
                "album, album_artist, genres, duration_ms, codec, has_cover, match_key, added_at, "
                "last_seen_at, available) VALUES ('k', ?, ?, ?, ?, 'Old', '', '', '', '', 500, "
                "'FLAC', 0, '', 0, 0, 1)"));
            q.addBindValue(folder);
            q.addBindValue(path);
            q.addBindValue(info.size());
            q.addBindValue(info.lastModified().toMSecsSinceEpoch());
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        QVERIFY(database.migrate().ok());
        ScopedConnection connection(database, QStringLiteral("new"));
        const ScanReport report = scan(connection.db(), library.folder());
        QVERIFY2(report.fatal_error.isEmpty(), qPrintable(report.fatal_error));
        QCOMPARE(report.added, 0);
        QCOMPARE(report.updated, 1);
        QSqlQuery q(connection.db());
        QVERIFY(q.exec(QStringLiteral("SELECT rg_track_gain FROM tracks WHERE title = 'Old'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toDouble(), -5.5);
    }
};

QTEST_GUILESS_MAIN(TestLibraryLoudness)
#include "tst_libraryloudness.moc"
