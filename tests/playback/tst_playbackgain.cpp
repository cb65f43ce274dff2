// ReplayGain at playback: the gain an item gets in each mode, and the tags it comes from.

#include "audiofixtures.h"
#include "playback/replaygain.h"
#include "playback/replaygaintags.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace encore;

namespace {

PlaybackItem tagged(double track, std::optional<double> trackPeak, std::optional<double> album,
                    std::optional<double> albumPeak, bool inOrder) {
    PlaybackItem item = PlaybackItem::file(QStringLiteral("/music/a.flac"));
    Loudness l;
    l.track_gain_db = track;
    l.track_peak = trackPeak;
    l.album_gain_db = album;
    l.album_peak = albumPeak;
    item.loudness = l;
    item.album_in_order = inOrder;
    return item;
}

}  // namespace

class TestPlaybackGain : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void gainFollowsTheMode_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("inOrder");
        QTest::addColumn<double>("preamp");
        QTest::addColumn<bool>("clipping");
        QTest::addColumn<double>("expectedDb");
        const int off = int(ReplayGainMode::Off), track = int(ReplayGainMode::Track),
                  album = int(ReplayGainMode::Album), automatic = int(ReplayGainMode::Automatic);
        // Track -6 dB (peak 0.5), album -3 dB (peak 0.8).
        QTest::newRow("off") << off << true << 4.0 << true << 0.0;
        QTest::newRow("track") << track << true << 0.0 << true << -6.0;
        QTest::newRow("album") << album << false << 0.0 << true << -3.0;
        QTest::newRow("auto, album in order") << automatic << true << 0.0 << true << -3.0;
        QTest::newRow("auto, shuffled") << automatic << false << 0.0 << true << -6.0;
        QTest::newRow("pre-amp") << track << false << 2.5 << true << -3.5;
        // +9 dB pre-amp would raise the album's 0.8 peak past 1: capped at 1/0.8.
        QTest::newRow("clipping capped by peak")
            << album << false << 9.0 << true << 20.0 * std::log10(1.0 / 0.8);
        QTest::newRow("clipping prevention off") << album << false << 9.0 << false << 6.0;
    }
    void gainFollowsTheMode() {
        QFETCH(int, mode);
        QFETCH(bool, inOrder);
        QFETCH(double, preamp);
        QFETCH(bool, clipping);
        QFETCH(double, expectedDb);
        PlaybackSettings settings;
        settings.replaygain = ReplayGainMode(mode);
        settings.preamp_db = preamp;
        settings.prevent_clipping = clipping;
        const PlaybackItem item = tagged(-6.0, 0.5, -3.0, 0.8, inOrder);
        const double db = 20.0 * std::log10(ReplayGain::linearGain(item, settings));
        QVERIFY2(std::abs(db - expectedDb) < 1e-9, qPrintable(QString::number(db)));
    }

    void untaggedItemsPlayUnchanged() {
        PlaybackSettings settings;
        settings.replaygain = ReplayGainMode::Track;
        settings.preamp_db = 6.0;
        QCOMPARE(ReplayGain::linearGain(PlaybackItem::file(QStringLiteral("/a.flac")), settings),
                 1.0);
        // Album mode without an album gain uses the track's.
        settings.replaygain = ReplayGainMode::Album;
        settings.preamp_db = 0.0;
        const PlaybackItem item = tagged(-6.0, std::nullopt, std::nullopt, std::nullopt, true);
        QVERIFY(std::abs(20.0 * std::log10(ReplayGain::linearGain(item, settings)) + 6.0) < 1e-9);
    }

    void limiterRunsOnlyWhereAGainRaisesTheLevel() {
        PlaybackSettings settings;
        settings.replaygain = ReplayGainMode::Track;
        QVERIFY(ReplayGain::needsLimiter(1.5, settings));
        QVERIFY(!ReplayGain::needsLimiter(0.5, settings));
        QVERIFY(!ReplayGain::needsLimiter(1.0, settings));
        settings.prevent_clipping = false;
        QVERIFY(!ReplayGain::needsLimiter(1.5, settings));
    }

    void parsesGainText_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<double>("db");
        QTest::newRow("dB") << QStringLiteral("-6.00 dB") << true << -6.0;
        QTest::newRow("plus") << QStringLiteral("+1.50 dB") << true << 1.5;
        QTest::newRow("bare") << QStringLiteral(" -7.2 ") << true << -7.2;
        QTest::newRow("no space") << QStringLiteral("-3.1dB") << true << -3.1;
        QTest::newRow("garbage") << QStringLiteral("loud") << false << 0.0;
        QTest::newRow("empty") << QString() << false << 0.0;
    }
    void parsesGainText() {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(double, db);
        const std::optional<double> gain = ReplayGainTags::parseGain(text);
        QCOMPARE(gain.has_value(), ok);
        if (ok)
            QVERIFY(std::abs(*gain - db) < 1e-9);
    }

    // Tags as ffmpeg writes them: Vorbis comments in FLAC, ID3v2 TXXX frames in MP3.
    void readsTheTagsOfRealFiles_data() {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("flac") << QStringLiteral("flac");
        QTest::newRow("mp3") << QStringLiteral("mp3");
    }
    void readsTheTagsOfRealFiles() {
        QFETCH(QString, suffix);
        QTemporaryDir dir;
        const QString wav = dir.filePath(QStringLiteral("t.wav"));
        const QString file = dir.filePath(QStringLiteral("t.") + suffix);
        QVERIFY(test::makeTone(wav, 0.5, 440.0, 0.5));
        QVERIFY(test::encode(wav, file,
                             {QStringLiteral("REPLAYGAIN_TRACK_GAIN=-6.00 dB"),
                              QStringLiteral("REPLAYGAIN_TRACK_PEAK=0.501"),
                              QStringLiteral("REPLAYGAIN_ALBUM_GAIN=-3.20 dB"),
                              QStringLiteral("album=Nocturnes"), QStringLiteral("artist=Chopin")}));
        const ReplayGainTags tags = ReplayGainTags::read(file);
        QVERIFY(tags.loudness);
        QVERIFY(std::abs(tags.loudness->track_gain_db + 6.0) < 1e-9);
        QVERIFY(tags.loudness->track_peak && std::abs(*tags.loudness->track_peak - 0.501) < 1e-9);
        QVERIFY(tags.loudness->album_gain_db &&
                std::abs(*tags.loudness->album_gain_db + 3.2) < 1e-9);
        QVERIFY(!tags.loudness->album_peak);
        QVERIFY(tags.album_key.contains(QStringLiteral("Nocturnes")));

        QVERIFY(test::encode(wav, dir.filePath(QStringLiteral("plain.") + suffix)));
        QVERIFY(!ReplayGainTags::read(dir.filePath(QStringLiteral("plain.") + suffix)).loudness);
    }
};

QTEST_GUILESS_MAIN(TestPlaybackGain)
#include "tst_playbackgain.moc"
