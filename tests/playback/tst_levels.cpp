// Loudness at playback, measured on the rendered samples: ReplayGain track and album gains
// from the tags, and clipping prevention.

#include "audiofixtures.h"
#include "playback/renderer.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace encore;
using namespace encore::test;

namespace {

double renderedRms(const QString& file, const QString& out, ReplayGainMode mode) {
    RenderOptions options;
    options.replaygain = mode;
    const Result<RenderResult> rendered = Renderer::render({file}, out, options);
    if (!rendered) {
        qWarning("%s", qPrintable(rendered.error()));
        return 0.0;
    }
    const Wav wav = readWav(out);
    return rmsDb(wav, wav.frames() / 4, wav.frames() * 3 / 4);
}

}  // namespace

class TestLevels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QVERIFY(makeTone(path("tone.wav"), 2.0, 440.0, 0.5));
        QVERIFY(makeTone(path("loud.wav"), 1.0, 440.0, 0.9));
    }

    // -6.00 dB of track gain: 6.0 +- 0.1 dB quieter than with ReplayGain off; album mode
    // takes the album's -3.00 dB instead.
    void tagsLevelTheTrackOrTheAlbum_data() {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("flac") << QStringLiteral("flac");
        QTest::newRow("mp3") << QStringLiteral("mp3");
    }
    void tagsLevelTheTrackOrTheAlbum() {
        QFETCH(QString, suffix);
        const QString file = path("tagged." + suffix);
        QVERIFY(encode(path("tone.wav"), file,
                       {QStringLiteral("REPLAYGAIN_TRACK_GAIN=-6.00 dB"),
                        QStringLiteral("REPLAYGAIN_TRACK_PEAK=0.5"),
                        QStringLiteral("REPLAYGAIN_ALBUM_GAIN=-3.00 dB"),
                        QStringLiteral("REPLAYGAIN_ALBUM_PEAK=0.5")}));
        const double off = renderedRms(file, path("off.wav"), ReplayGainMode::Off);
        const double track = renderedRms(file, path("track.wav"), ReplayGainMode::Track);
        const double album = renderedRms(file, path("album.wav"), ReplayGainMode::Album);
        QVERIFY2(std::abs(off - track - 6.0) <= 0.1,
                 qPrintable(QStringLiteral("off %1 dB, track %2 dB").arg(off).arg(track)));
        QVERIFY2(std::abs(off - album - 3.0) <= 0.1,
                 qPrintable(QStringLiteral("off %1 dB, album %2 dB").arg(off).arg(album)));
    }

    // A gain that would push a 0.9 peak past full scale: capped by the tagged peak, and the
    // limiter catches it where no peak is tagged. Without prevention it clips.
    void clippingPreventionHoldsPeaksUnderFullScale_data() {
        QTest::addColumn<bool>("peakTagged");
        QTest::addColumn<bool>("prevent");
        QTest::newRow("peak tagged") << true << true;
        QTest::newRow("no peak tagged") << false << true;
        QTest::newRow("prevention off") << false << false;
    }
    void clippingPreventionHoldsPeaksUnderFullScale() {
        QFETCH(bool, peakTagged);
        QFETCH(bool, prevent);
        QStringList tags{QStringLiteral("REPLAYGAIN_TRACK_GAIN=+6.00 dB")};
        if (peakTagged)
            tags << QStringLiteral("REPLAYGAIN_TRACK_PEAK=0.9");
        const QString file = path(QStringLiteral("loud-%1.flac").arg(peakTagged));
        QVERIFY(encode(path("loud.wav"), file, tags));
        RenderOptions options;
        options.replaygain = ReplayGainMode::Track;
        options.prevent_clipping = prevent;
        const QString out = path(QStringLiteral("loud-%1-%2.wav").arg(peakTagged).arg(prevent));
        const Result<RenderResult> rendered = Renderer::render({file}, out, options);
        QVERIFY2(rendered.ok(), qPrintable(rendered.error()));
        const float top = peak(readWav(out));
        if (prevent)
            QVERIFY2(top < 1.0f, qPrintable(QString::number(top)));
        else
            QVERIFY2(top > 1.5f, qPrintable(QString::number(top)));  // 0.9 * 2: clipped
    }

private:
    QString path(const QString& name) const { return dir_.filePath(name); }
    QString path(const char* name) const { return path(QString::fromLatin1(name)); }

    QTemporaryDir dir_;
};

QTEST_GUILESS_MAIN(TestLevels)
#include "tst_levels.moc"
