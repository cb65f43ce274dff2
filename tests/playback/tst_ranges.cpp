// Items that are ranges of one file (CUE sheet tracks): exactly their samples play, a start
// inside them lands where asked, and consecutive ranges of the same file join without a gap.
// A sweep makes every position of the source sound different, so a wrong offset shows.

#include "audiofixtures.h"
#include "playback/playbackengine.h"
#include "rangerender.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace encore;
using namespace encore::test;

namespace {

// Frames in `ms` milliseconds.
constexpr qint64 frames(qint64 ms) {
    return ms * kRate / 1000;
}

PlaybackItem range(const QString& path, qint64 startMs, qint64 endMs) {
    PlaybackItem item = PlaybackItem::file(path, endMs - startMs);
    item.start_ms = startMs;
    item.end_ms = endMs;
    item.album_key = QStringLiteral("Live album");
    return item;
}

// Where `b` best matches `a` (b index = a index + offset), within +-limit frames.
qint64 bestOffset(const Wav& a, qint64 aFrom, const Wav& b, qint64 limit, qint64 frames) {
    qint64 best = 0;
    double bestScore = -1e300;
    for (qint64 off = -limit; off <= limit; ++off) {
        double score = 0.0;
        for (qint64 i = 0; i < frames; ++i) {
            const qint64 j = i + off;
            if (j >= 0 && j < b.frames())
                score += double(a.at(aFrom + i, 0)) * b.at(j, 0);
        }
        if (score > bestScore) {
            bestScore = score;
            best = off;
        }
    }
    return best;
}

}  // namespace

class TestRanges : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QVERIFY(makeSweep(path("sweep.wav"), 5.0));
        QVERIFY(encode(path("sweep.wav"), path("album.flac")));
        QVERIFY(encode(path("sweep.wav"), path("album.mp3")));
        source_ = readWav(path("sweep.wav"));
        QVERIFY(source_.ok);
    }

    void playsExactlyItsRange() {
        const ItemRender r = renderItems({range(path("album.flac"), 1000, 2500)}, path("r.wav"));
        QVERIFY2(r.ok, qPrintable(r.error));
        const Wav out = readWav(path("r.wav"));
        QCOMPARE(out.frames(), frames(1500));
        QVERIFY(maxDifference(out, 0, source_, frames(1000), out.frames()) < 1e-4f);
    }

    // Track 2 of the sheet follows track 1 in the same stream: every sample once, in order,
    // and the engine says when the second one is heard.
    void consecutiveRangesJoinWithoutAGap() {
        const ItemRender r = renderItems(
            {range(path("album.flac"), 500, 1500), range(path("album.flac"), 1500, 3000),
             range(path("album.flac"), 3000, 3200)},
            path("joined.wav"));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.started, r.serials.mid(1));
        const Wav out = readWav(path("joined.wav"));
        QCOMPARE(out.frames(), frames(2700));
        QVERIFY(maxDifference(out, 0, source_, frames(500), out.frames()) < 1e-4f);
    }

    // Starting inside a range: decoded up to there when it is close, a seek when it is far
    // (past PipelineWorker::kSeekAfterNs); both land on the exact sample.
    void startsWhereAsked_data() {
        QTest::addColumn<qint64>("startMs");
        QTest::newRow("near: decoded up to it") << qint64(300);
        QTest::newRow("far: seeked") << qint64(2200);
    }
    void startsWhereAsked() {
        QFETCH(qint64, startMs);
        const ItemRender r =
            renderItems({range(path("album.flac"), 1000, 4000)}, path("start.wav"), startMs);
        QVERIFY2(r.ok, qPrintable(r.error));
        const Wav out = readWav(path("start.wav"));
        QCOMPARE(out.frames(), frames(3000 - startMs));
        QVERIFY(maxDifference(out, 0, source_, frames(1000 + startMs), out.frames()) < 1e-4f);
    }

    // An MP3's range counts from its first real sample (after the encoder delay).
    void mp3RangesCountFromTheMusic() {
        const ItemRender r = renderItems({range(path("album.mp3"), 1000, 2000)}, path("mp3.wav"));
        QVERIFY2(r.ok, qPrintable(r.error));
        const Wav out = readWav(path("mp3.wav"));
        QCOMPARE(out.frames(), frames(1000));
        QCOMPARE(bestOffset(source_, frames(1000) + 1500, out, 3000, 20000), qint64(1500));
    }

    // A seek within a range, on the clocked sink in real time: the position lands where
    // asked (within the 50 ms the engine promises, plus the time that ran since).
    void seeksWithinARange() {
        PlaybackEngine engine(AudioOutput::clocked());
        QElapsedTimer clock;
        clock.start();
        QList<std::pair<qint64, qint64>> reports;  // (ms since start, position)
        QObject::connect(&engine, &PlaybackEngine::positionChanged, &engine,
                         [&](quint64, qint64 ms) {
                             reports.append({clock.elapsed(), ms});
                         });
        QSignalSpy ended(&engine, &PlaybackEngine::itemEnded);
        const quint64 serial = engine.load(range(path("album.flac"), 1000, 3000), 0, true);
        QTRY_VERIFY_WITH_TIMEOUT(!reports.isEmpty() && reports.last().second > 200, 5000);
        const qint64 seekedAt = clock.elapsed();
        engine.seek(1500);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 5000);
        QCOMPARE(ended[0][0].toULongLong(), serial);
        int after = 0;
        for (const auto& [at, position] : reports) {
            QVERIFY(position <= 2000);  // never past the range's end
            if (at < seekedAt || position < 1450)
                continue;  // before the seek took effect
            ++after;
            QVERIFY2(position >= 1500 - 50 && position <= 1500 + (at - seekedAt) + 50,
                     qPrintable(QStringLiteral("%1 ms, %2 ms after the seek")
                                    .arg(position)
                                    .arg(at - seekedAt)));
        }
        QVERIFY(after >= 3);
    }

private:
    QString path(const QString& name) const { return dir_.filePath(name); }
    QString path(const char* name) const { return path(QString::fromLatin1(name)); }

    QTemporaryDir dir_;
    Wav source_;
};

QTEST_GUILESS_MAIN(TestRanges)
#include "tst_ranges.moc"
