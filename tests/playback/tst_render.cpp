// encore-cli render: every format GStreamer decodes here plays, the output's rate, what
// happens to files that cannot be played (named, left out, exit code 2), usage errors.

#include "audiofixtures.h"
#include "clitestsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace encore;
using namespace encore::test;

class TestRender : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        // A demuxer that may be installed elsewhere is made unusable, so that the
        // missing-plugin case holds on every machine (rank none: never picked).
        qputenv("GST_PLUGIN_FEATURE_RANK", "tsdemux:NONE");
        QVERIFY(dir_.isValid());
    }

    void playsEveryFormatOfTheFixtures_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("rate");
        const struct {
            const char* name;
            int rate;
        } clips[] = {{"clip.flac", 8000}, {"clip.m4a", 22050},  {"clip.mp3", 22050},
                     {"clip.ogg", 22050}, {"clip.opus", 48000}, {"clip.wav", 8000}};
        for (const auto& clip : clips)
            QTest::newRow(clip.name)
                << QStringLiteral(ENCORE_TEST_DATA "/audio/") + clip.name << clip.rate;
    }
    void playsEveryFormatOfTheFixtures() {
        QFETCH(QString, file);
        QFETCH(int, rate);
        const QString out = dir_.filePath(QFileInfo(file).fileName() + ".wav");
        const CliRun run = runCli({QStringLiteral("render"), file, QStringLiteral("--out"), out});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("rendered 1 of 1")));
        const Wav wav = readWav(out);
        QVERIFY(wav.ok);
        QCOMPARE(wav.rate, rate);  // one source: its own rate
        QCOMPARE(wav.channels, 2);
        QVERIFY2(std::abs(wav.frames() - rate) < rate / 20,
                 qPrintable(QString::number(wav.frames())));
        QVERIFY(rmsDb(wav, 0, wav.frames()) > -40.0);  // sound, not silence
    }

    void mixedRatesRenderAt44100() {
        QVERIFY(makeTone(dir_.filePath(QStringLiteral("48k.wav")), 0.5, 440.0, 0.5, 48000));
        const QString out = dir_.filePath(QStringLiteral("mixed.wav"));
        const CliRun run = runCli(
            {QStringLiteral("render"), dir_.filePath(QStringLiteral("48k.wav")),
             QStringLiteral(ENCORE_TEST_DATA "/audio/clip.flac"), QStringLiteral("--out"), out});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(readWav(out).rate, 44100);
    }

    // What cannot be played is named, with the reason, and the rest renders (exit code 2).
    void leavesOutWhatCannotBePlayed_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("says");
        QTest::newRow("not audio")
            << QStringLiteral("garbage") << QStringLiteral("format is not recognised");
        QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("is gone");
        QTest::newRow("missing plugin")
            << QStringLiteral("mpegts") << QStringLiteral("gstreamer1.0-plugins-bad");
    }
    void leavesOutWhatCannotBePlayed() {
        QFETCH(QString, kind);
        QFETCH(QString, says);
        QString bad = dir_.filePath(kind + QStringLiteral(".flac"));
        if (kind == QLatin1String("garbage")) {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(50000, '\x07'));
        } else if (kind == QLatin1String("mpegts")) {
            bad = dir_.filePath(QStringLiteral("radio.ts"));
            QVERIFY(
                runTool(QStringLiteral("ffmpeg"),
                        {QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y"),
                         QStringLiteral("-i"), QStringLiteral(ENCORE_TEST_DATA "/audio/clip.wav"),
                         QStringLiteral("-c:a"), QStringLiteral("mp2"), bad}));
        }
        const QString out = dir_.filePath(kind + QStringLiteral(".wav"));
        const CliRun run = runCli(
            {QStringLiteral("render"), QStringLiteral(ENCORE_TEST_DATA "/audio/clip.flac"), bad,
             QStringLiteral(ENCORE_TEST_DATA "/audio/clip.wav"), QStringLiteral("--out"), out});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(bad), qPrintable(run.err));
        QVERIFY2(run.err.contains(says), qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("rendered 2 of 3")));
        const Wav wav = readWav(out);
        QCOMPARE(wav.rate, 8000);                                // both clips' rate
        QVERIFY(std::abs(wav.frames() - 2 * 8000) < 8000 / 10);  // both clips, nothing else
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("arguments");
        const QString clip = QStringLiteral(ENCORE_TEST_DATA "/audio/clip.flac");
        const QString out = QStringLiteral("/tmp/encore-render-usage.wav");
        QTest::newRow("no out") << QStringList{clip};
        QTest::newRow("no files") << QStringList{QStringLiteral("--out"), out};
        QTest::newRow("bad mode") << QStringList{clip, QStringLiteral("--out"), out,
                                                 QStringLiteral("--replaygain"),
                                                 QStringLiteral("loud")};
        QTest::newRow("bad crossfade")
            << QStringList{clip, QStringLiteral("--out"), out, QStringLiteral("--crossfade"),
                           QStringLiteral("-5")};
    }
    void usageErrors() {
        QFETCH(QStringList, arguments);
        const CliRun run = runCli(QStringList{QStringLiteral("render")} + arguments);
        QCOMPARE(run.code, 1);
        QVERIFY(run.err.contains(QStringLiteral("render --help")));
    }

    void nothingPlayableIsARuntimeError() {
        const CliRun run =
            runCli({QStringLiteral("render"), dir_.filePath(QStringLiteral("no.flac")),
                    QStringLiteral("--out"), dir_.filePath(QStringLiteral("x.wav"))});
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.contains(QStringLiteral("is gone")));
    }

private:
    QTemporaryDir dir_;
};

QTEST_GUILESS_MAIN(TestRender)
#include "tst_render.moc"
