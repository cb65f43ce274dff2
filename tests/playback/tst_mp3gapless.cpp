// The LAME/Info tag of an MP3: where the music starts and ends in the decoded samples.

#include "audiofixtures.h"
#include "playback/mp3gapless.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace encore;

class TestMp3Gapless : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // ffmpeg's libmp3lame writes 576 samples of encoder delay; with the decoder's 529 the
    // music starts 1105 samples in and lasts exactly as long as the source.
    void readsDelayAndPadding_data() {
        QTest::addColumn<qint64>("frames");
        QTest::newRow("1.5 s") << qint64(66150);
        QTest::newRow("odd length") << qint64(60017);
    }
    void readsDelayAndPadding() {
        QFETCH(qint64, frames);
        QTemporaryDir dir;
        const QString wav = dir.filePath(QStringLiteral("t.wav"));
        const QString mp3 = dir.filePath(QStringLiteral("t.mp3"));
        QVERIFY(test::makeTone(dir.filePath(QStringLiteral("long.wav")), 3.0, 440.0, 0.5));
        QVERIFY(test::cutWav(dir.filePath(QStringLiteral("long.wav")), wav, 0, frames));
        QVERIFY(test::encode(wav, mp3, {QStringLiteral("title=Tagged")}));  // behind an ID3 tag
        const std::optional<Mp3Gapless> g = Mp3Gapless::read(mp3);
        QVERIFY(g);
        QCOMPARE(g->sample_rate, test::kRate);
        QCOMPARE(g->skip_samples, qint64(576 + Mp3Gapless::kDecoderDelay));
        QCOMPARE(g->musicSamples(), frames);
    }

    void ignoresWhatIsNotATaggedMp3() {
        QTemporaryDir dir;
        const QString wav = dir.filePath(QStringLiteral("t.wav"));
        QVERIFY(test::makeTone(wav, 0.5, 440.0, 0.5));
        QVERIFY(!Mp3Gapless::read(wav));
        QVERIFY(test::encode(wav, dir.filePath(QStringLiteral("t.flac"))));
        QVERIFY(!Mp3Gapless::read(dir.filePath(QStringLiteral("t.flac"))));
        QVERIFY(!Mp3Gapless::read(dir.filePath(QStringLiteral("missing.mp3"))));
    }
};

QTEST_GUILESS_MAIN(TestMp3Gapless)
#include "tst_mp3gapless.moc"
