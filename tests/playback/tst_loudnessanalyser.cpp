// EBU R128 measures of real decoded files beside ffmpeg's ebur128 filter on the same files,
// and the background measuring of a scanned library: stored, resumed, played with.

#include "audiofixtures.h"
#include "library/libraryindexloader.h"
#include "library/loudnessworker.h"
#include "library/scanjob.h"
#include "loudness/loudnessanalyser.h"
#include "store/database.h"
#include "testsupport.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QThreadPool>
#include <QtTest>

#include <cmath>

using namespace encore;

namespace {

// ffmpeg's integrated loudness of a file (its ebur128 filter's summary), NaN on failure.
double ffmpegLufs(const QString& path) {
    QProcess ffmpeg;
    ffmpeg.setProcessChannelMode(QProcess::MergedChannels);
    ffmpeg.start(QStringLiteral(ENCORE_FFMPEG),
                 {QStringLiteral("-nostats"), QStringLiteral("-hide_banner"), QStringLiteral("-i"),
                  path, QStringLiteral("-filter_complex"), QStringLiteral("ebur128"),
                  QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")});
    if (!ffmpeg.waitForFinished(60000) || ffmpeg.exitCode() != 0)
        return std::nan("");
    const QString out = QString::fromUtf8(ffmpeg.readAll());
    const int summary = out.lastIndexOf(QLatin1String("Integrated loudness:"));
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("I:\\s+(-?[0-9.]+) LUFS")).match(out, summary);
    return summary >= 0 && m.hasMatch() ? m.captured(1).toDouble() : std::nan("");
}

qint64 scalar(const QSqlDatabase& db, const QString& sql) {
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

bool sox(const QStringList& arguments) {
    return test::runTool(QStringLiteral("sox"), arguments);
}

// A generated sound: sox synth arguments, at a rate and channel count.
bool synth(const QString& wav, int rate, int channels, double seconds, const QStringList& what) {
    QStringList args{QStringLiteral("-n"),      QStringLiteral("-r"),
                     QString::number(rate),     QStringLiteral("-c"),
                     QString::number(channels), QStringLiteral("-b"),
                     QStringLiteral("16"),      wav,
                     QStringLiteral("synth"),   QString::number(seconds)};
    return sox(args + what);
}

}  // namespace

class TestLoudnessAnalyser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void measuresAsFfmpegDoes_data() {
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<int>("rate");
        QTest::addColumn<int>("channels");
        QTest::addColumn<QStringList>("sound");
        const QStringList sine{QStringLiteral("sine"), QStringLiteral("1000"),
                               QStringLiteral("vol"), QStringLiteral("0.1")};
        const QStringList pink{QStringLiteral("pinknoise"), QStringLiteral("vol"),
                               QStringLiteral("0.4")};
        const QStringList loud{QStringLiteral("sine"), QStringLiteral("220"), QStringLiteral("vol"),
                               QStringLiteral("0.9")};
        QTest::newRow("1 kHz sine, FLAC 44.1 kHz stereo")
            << QStringLiteral("flac") << 44100 << 2 << sine;
        QTest::newRow("pink noise, FLAC 48 kHz stereo")
            << QStringLiteral("flac") << 48000 << 2 << pink;
        QTest::newRow("pink noise, MP3 44.1 kHz stereo")
            << QStringLiteral("mp3") << 44100 << 2 << pink;
        QTest::newRow("loud 220 Hz sine, MP3 48 kHz")
            << QStringLiteral("mp3") << 48000 << 2 << loud;
        QTest::newRow("1 kHz sine, mono FLAC") << QStringLiteral("flac") << 44100 << 1 << sine;
        QTest::newRow("pink noise, Ogg Vorbis") << QStringLiteral("ogg") << 44100 << 2 << pink;
    }
    void measuresAsFfmpegDoes() {
        QFETCH(QString, suffix);
        QFETCH(int, rate);
        QFETCH(int, channels);
        QFETCH(QStringList, sound);
        QTemporaryDir dir;
        const QString wav = dir.filePath(QStringLiteral("s.wav"));
        const QString file = dir.filePath(QStringLiteral("s.") + suffix);
        QVERIFY(synth(wav, rate, channels, 12.0, sound));
        QVERIFY(test::encode(wav, file));
        const double reference = ffmpegLufs(file);
        QVERIFY2(std::isfinite(reference), "ffmpeg's ebur128 gave no integrated loudness");
        const Result<LoudnessMeasure> measure = LoudnessAnalyser::analyse(file);
        QVERIFY2(measure.ok(), qPrintable(measure.ok() ? QString() : measure.error()));
        qInfo("%s: Encore %.2f LUFS, ffmpeg %.2f LUFS", qPrintable(QFileInfo(file).fileName()),
              measure->integrated_lufs, reference);
        QVERIFY2(
            std::abs(measure->integrated_lufs - reference) <= 0.1,
            qPrintable(QStringLiteral("%1 vs %2").arg(measure->integrated_lufs).arg(reference)));
        QVERIFY(std::abs(measure->track_gain_db - (-18.0 - measure->integrated_lufs)) < 1e-9);
        QVERIFY2(std::abs(measure->duration_ms - 12000) < 100,
                 qPrintable(QString::number(measure->duration_ms)));
    }

    void thePeakIsTheLoudestSample() {
        QTemporaryDir dir;
        const QString wav = dir.filePath(QStringLiteral("t.wav"));
        const QString flac = dir.filePath(QStringLiteral("t.flac"));
        QVERIFY(test::makeTone(wav, 3.0, 441.0, 0.5));
        QVERIFY(test::encode(wav, flac));
        const Result<LoudnessMeasure> measure = LoudnessAnalyser::analyse(flac);
        QVERIFY(measure.ok());
        QVERIFY2(std::abs(measure->peak - 0.5) < 0.01, qPrintable(QString::number(measure->peak)));
    }

    // Album gain: the tracks measured together, as ffmpeg measures them played back to back.
    void anAlbumIsMeasuredAsItsTracksTogether() {
        QTemporaryDir dir;
        const QString quiet = dir.filePath(QStringLiteral("quiet.wav"));
        const QString loud = dir.filePath(QStringLiteral("loud.wav"));
        const QString both = dir.filePath(QStringLiteral("both.wav"));
        // Long tracks: the few 400 ms blocks that straddle the join in the concatenation are
        // not blocks of either track on its own (the album gain's definition, as rsgain's).
        QVERIFY(synth(quiet, 44100, 2, 40.0,
                      {QStringLiteral("pinknoise"), QStringLiteral("vol"), QStringLiteral("0.1")}));
        QVERIFY(synth(loud, 44100, 2, 25.0,
                      {QStringLiteral("sine"), QStringLiteral("500"), QStringLiteral("vol"),
                       QStringLiteral("0.4")}));
        QVERIFY(sox({quiet, loud, both}));
        const QString a = dir.filePath(QStringLiteral("1.flac"));
        const QString b = dir.filePath(QStringLiteral("2.flac"));
        QVERIFY(test::encode(quiet, a));
        QVERIFY(test::encode(loud, b));
        AlbumLoudness album;
        const Result<LoudnessMeasure> first = LoudnessAnalyser::analyse(a, nullptr, &album);
        const Result<LoudnessMeasure> second = LoudnessAnalyser::analyse(b, nullptr, &album);
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(album.tracks(), 2);
        const std::optional<LoudnessMeasure> whole = album.result();
        QVERIFY(whole);
        const double reference = ffmpegLufs(both);
        qInfo("album: Encore %.2f LUFS, ffmpeg on the concatenation %.2f LUFS",
              whole->integrated_lufs, reference);
        QVERIFY(std::abs(whole->integrated_lufs - reference) <= 0.1);
        QVERIFY(whole->integrated_lufs > first->integrated_lufs + 1.0);  // not one track's
        QVERIFY(whole->integrated_lufs <=
                second->integrated_lufs + 0.01);  // gating drops the quiet
        QCOMPARE(whole->peak, std::max(first->peak, second->peak));
    }

    void badFilesAreNamedWithTheReason_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("create");
        QTest::newRow("empty") << QStringLiteral("empty.flac") << QByteArray() << true;
        QTest::newRow("text named .mp3")
            << QStringLiteral("notes.mp3") << QByteArray("shopping list\nmilk\n") << true;
        QTest::newRow("missing") << QStringLiteral("gone.ogg") << QByteArray() << false;
    }
    void badFilesAreNamedWithTheReason() {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(bool, create);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        if (create) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        }
        const Result<LoudnessMeasure> measure = LoudnessAnalyser::analyse(path);
        QVERIFY(!measure.ok());
        QVERIFY2(measure.error().contains(name), qPrintable(measure.error()));
        qInfo("%s", qPrintable(measure.error()));
    }

    void aCancelStopsTheMeasure() {
        QTemporaryDir dir;
        const QString wav = dir.filePath(QStringLiteral("long.wav"));
        const QString flac = dir.filePath(QStringLiteral("long.flac"));
        QVERIFY(test::makeTone(wav, 600.0, 300.0, 0.3));
        QVERIFY(test::encode(wav, flac));
        std::atomic<bool> cancel{false};
        QThread* canceller = QThread::create([&cancel] {
            QThread::msleep(30);
            cancel.store(true);
        });
        canceller->start();
        QElapsedTimer timer;
        timer.start();
        const Result<LoudnessMeasure> measure = LoudnessAnalyser::analyse(flac, &cancel);
        canceller->wait();
        delete canceller;
        QVERIFY(!measure.ok());
        QVERIFY2(measure.error().contains(QLatin1String("cancelled")), qPrintable(measure.error()));
        QVERIFY2(timer.elapsed() < 1000, "the measure went on after the cancel");
    }

    // The background job on a scanned library: untagged files measured and stored, tagged ones
    // left alone, an undecodable one recorded and not tried again, the index playing with the
    // measures, and a cancelled run resumed by the next.
    void theLibraryIsMeasuredInTheBackgroundAndResumes() {
        QTemporaryDir music, sources;
        const QString wav = sources.filePath(QStringLiteral("n.wav"));
        QVERIFY(synth(wav, 44100, 2, 4.0,
                      {QStringLiteral("pinknoise"), QStringLiteral("vol"), QStringLiteral("0.3")}));
        QStringList untagged;
        for (int n = 1; n <= 6; ++n) {
            const QString path = music.filePath(QStringLiteral("Album/%1.flac").arg(n));
            QDir().mkpath(QFileInfo(path).path());
            QVERIFY(test::encode(wav, path,
                                 {QStringLiteral("album=Noise"), QStringLiteral("artist=Sox"),
                                  QStringLiteral("track=%1").arg(n)}));
            untagged << path;
        }
        QVERIFY(test::encode(wav, music.filePath(QStringLiteral("tagged.flac")),
                             {QStringLiteral("REPLAYGAIN_TRACK_GAIN=-1.00 dB")}));
        // Read by the scanner (TagLib reads its header) but not decodable: its frames are noise.
        QFile good(untagged.first());
        QVERIFY(good.open(QIODevice::ReadOnly));
        QByteArray bytes = good.readAll();
        quint32 seed = 1;
        for (qsizetype i = 8192; i < bytes.size(); ++i) {
            seed = seed * 1664525u + 1013904223u;
            bytes[i] = char(seed >> 24);
        }
        QVERIFY(writeFile(music.filePath(QStringLiteral("broken.flac")), bytes));

        test::TempDatabase temp;
        ScopedConnection connection(temp.database, QStringLiteral("test"));
        {
            std::atomic<bool> cancel{false};
            QThreadPool pool;
            ScanJob job(connection.db(), cancel, &pool);
            const ScanReport report = job.run({music.path()});
            QVERIFY2(report.fatal_error.isEmpty(), qPrintable(report.fatal_error));
            QCOMPARE(report.added, 8);
        }
        QThread thread;
        auto* worker = new LoudnessWorker(temp.database);
        worker->moveToThread(&thread);
        connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
        thread.start(QThread::IdlePriority);
        QSignalSpy finished(worker, &LoudnessWorker::finished);
        QSignalSpy progress(worker, &LoudnessWorker::progress);
        QSignalSpy measured(worker, &LoudnessWorker::measured);

        // Cancelled at once: nothing measured, nothing half stored.
        const quint64 first = worker->queueRun();
        worker->cancel();
        QMetaObject::invokeMethod(worker, [worker, first] { worker->run(first); });
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(finished.at(0).at(0).value<LoudnessReport>().cancelled);
        const auto stored = [&] {
            return scalar(connection.db(),
                          QStringLiteral("SELECT count(*) FROM loudness_analysis"));
        };
        QCOMPARE(stored(), qint64(0));

        const quint64 second = worker->queueRun();
        QMetaObject::invokeMethod(worker, [worker, second] { worker->run(second); });
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
        const LoudnessReport report = finished.at(1).at(0).value<LoudnessReport>();
        QVERIFY2(report.fatal_error.isEmpty(), qPrintable(report.fatal_error));
        QCOMPARE(report.measured, 6);
        QCOMPARE(report.failed, 1);
        QVERIFY(report.problems.first().first.endsWith(QLatin1String("broken.flac")));
        QVERIFY(!progress.isEmpty());
        QVERIFY(!measured.isEmpty());
        QCOMPARE(stored(), qint64(7));
        QCOMPARE(
            scalar(connection.db(), QStringLiteral("SELECT count(*) FROM loudness_analysis WHERE "
                                                   "album_gain IS NOT NULL AND error IS NULL")),
            qint64(6));

        // Played with: the index has the measured gain of every untagged file.
        const auto index = LibraryIndexLoader::load(connection.db());
        QVERIFY(index.ok());
        const double reference = ffmpegLufs(untagged.first());
        int withGain = 0;
        for (int row = 0; row < index.value()->size(); ++row) {
            const TrackInfo info = index.value()->info(row);
            if (!untagged.contains(info.path))
                continue;
            QVERIFY(info.loudness);
            QVERIFY2(std::abs(info.loudness->track_gain_db - (-18.0 - reference)) < 0.12,
                     qPrintable(QString::number(info.loudness->track_gain_db)));
            QVERIFY(info.loudness->album_gain_db);
            ++withGain;
        }
        QCOMPARE(withGain, 6);

        // Nothing left to do: the next run measures nothing and tries the broken file no more.
        const quint64 third = worker->queueRun();
        QMetaObject::invokeMethod(worker, [worker, third] { worker->run(third); });
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 60000);
        const LoudnessReport again = finished.at(2).at(0).value<LoudnessReport>();
        QCOMPARE(again.measured + again.failed, 0);

        // A file that changes is measured again, with its album (whose gain it changes).
        QTest::qWait(20);
        QVERIFY(synth(wav, 44100, 2, 4.0,
                      {QStringLiteral("sine"), QStringLiteral("800"), QStringLiteral("vol"),
                       QStringLiteral("0.5")}));
        QVERIFY(test::encode(wav, untagged.last(),
                             {QStringLiteral("album=Noise"), QStringLiteral("artist=Sox"),
                              QStringLiteral("track=6")}));
        {
            std::atomic<bool> cancel{false};
            QThreadPool pool;
            ScanJob job(connection.db(), cancel, &pool);
            QCOMPARE(job.run({music.path()}).updated, 1);
        }
        const quint64 fourth = worker->queueRun();
        QMetaObject::invokeMethod(worker, [worker, fourth] { worker->run(fourth); });
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, 60000);
        QCOMPARE(finished.at(3).at(0).value<LoudnessReport>().measured, 6);
        thread.quit();
        thread.wait();
    }
};

QTEST_GUILESS_MAIN(TestLoudnessAnalyser)
#include "tst_loudnessanalyser.moc"
