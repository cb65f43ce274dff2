// Gapless joins and crossfades, measured on the samples the real pipeline writes: a tone cut
// in two and played back to back must come out whole.

#include "audiofixtures.h"
#include "playback/renderer.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace encore;
using namespace encore::test;

namespace {

constexpr qint64 kToneFrames = 3 * kRate;
constexpr qint64 kSplit = 60017;  // not on a frame or buffer boundary
constexpr qint64 kOneMs = kRate / 1000;
constexpr qint64 kMp3Frame = 1152;

}  // namespace

class TestGapless : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QVERIFY(makeTone(path("tone.wav"), 3.0, 440.0, 0.5));
        QVERIFY(cutWav(path("tone.wav"), path("a.wav"), 0, kSplit));
        QVERIFY(cutWav(path("tone.wav"), path("b.wav"), kSplit));
        tone_ = readWav(path("tone.wav"));
        QVERIFY(tone_.ok);
        QCOMPARE(tone_.frames(), kToneFrames);
    }

    // Both parts, back to back: all their samples (within one decoder frame), and no silence
    // at the join. FLAC is lossless, so its output is the tone itself.
    void joinsTwoHalvesOfOneTone_data() {
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<qint64>("tolerance");
        QTest::newRow("flac") << QStringLiteral("flac") << qint64(0);
        QTest::newRow("mp3 (LAME delay and padding)") << QStringLiteral("mp3") << kMp3Frame;
    }
    void joinsTwoHalvesOfOneTone() {
        QFETCH(QString, suffix);
        QFETCH(qint64, tolerance);
        const QString a = path("a." + suffix);
        const QString b = path("b." + suffix);
        QVERIFY(encode(path("a.wav"), a));
        QVERIFY(encode(path("b.wav"), b));
        const QString out = path("joined-" + suffix + ".wav");
        const Result<RenderResult> rendered = Renderer::render({a, b}, out, {});
        QVERIFY2(rendered.ok(), qPrintable(rendered.error()));
        const Wav wav = readWav(out);
        QVERIFY(wav.ok);
        QCOMPARE(wav.rate, kRate);
        QCOMPARE(wav.channels, 2);
        QVERIFY2(std::abs(wav.frames() - kToneFrames) <= tolerance,
                 qPrintable(
                     QStringLiteral("%1 frames, %2 expected").arg(wav.frames()).arg(kToneFrames)));
        const qint64 silence = longestSilence(wav, kSplit - 50 * kOneMs, kSplit + 50 * kOneMs);
        QVERIFY2(silence <= kOneMs, qPrintable(QStringLiteral("%1 silent frames").arg(silence)));
        if (tolerance == 0)
            QVERIFY(maxDifference(wav, 0, tone_, 0, kToneFrames) < 1e-4f);
    }

    // Two songs of different albums fade into each other over the crossfade: the output is
    // shorter by its length, and the level holds through the fade (equal power).
    void crossfadesSongsOfDifferentAlbums() {
        QVERIFY(makeTone(path("low.wav"), 2.0, 440.0, 0.4));
        QVERIFY(makeTone(path("high.wav"), 2.0, 660.0, 0.4));
        const QString low = path("low.flac");
        const QString high = path("high.flac");
        QVERIFY(encode(path("low.wav"), low, {QStringLiteral("album=First")}));
        QVERIFY(encode(path("high.wav"), high, {QStringLiteral("album=Second")}));
        RenderOptions options;
        options.crossfade_ms = 500;
        const QString out = path("faded.wav");
        const Result<RenderResult> rendered = Renderer::render({low, high}, out, options);
        QVERIFY2(rendered.ok(), qPrintable(rendered.error()));
        const Wav wav = readWav(out);
        constexpr qint64 kFade = kRate / 2;
        QCOMPARE(wav.frames(), 4 * kRate - kFade);
        const double steady = rmsDb(wav, kRate / 2, kRate);
        const qint64 mid = 2 * kRate - kFade / 2;
        const double middle = rmsDb(wav, mid - kFade / 8, mid + kFade / 8);
        QVERIFY2(
            std::abs(middle - steady) < 1.5,
            qPrintable(QStringLiteral("%1 dB mid-fade, %2 dB before").arg(middle).arg(steady)));
        QVERIFY(longestSilence(wav, 0, wav.frames()) <= kOneMs);
    }

    void neverCrossfadesWithinAnAlbum() {
        QVERIFY(makeTone(path("one.wav"), 1.0, 440.0, 0.4));
        QVERIFY(makeTone(path("two.wav"), 1.0, 550.0, 0.4));
        const QStringList album{QStringLiteral("album=Same"), QStringLiteral("artist=Band")};
        QVERIFY(encode(path("one.wav"), path("one.flac"), album));
        QVERIFY(encode(path("two.wav"), path("two.flac"), album));
        RenderOptions options;
        options.crossfade_ms = 500;
        const QString out = path("album.wav");
        const Result<RenderResult> rendered =
            Renderer::render({path("one.flac"), path("two.flac")}, out, options);
        QVERIFY2(rendered.ok(), qPrintable(rendered.error()));
        QCOMPARE(readWav(out).frames(), 2 * kRate);
    }

private:
    QString path(const QString& name) const { return dir_.filePath(name); }
    QString path(const char* name) const { return path(QString::fromLatin1(name)); }

    QTemporaryDir dir_;
    Wav tone_;
};

QTEST_GUILESS_MAIN(TestGapless)
#include "tst_gapless.moc"
