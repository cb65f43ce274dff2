// The app's player on the real GStreamer engine, driven by the PlaybackController, on the
// clocked sink in real time (no sound device here): gapless hand-over with one listen per
// track, queue changes and seeks near the end, bad files, crossfade on skips, and the play
// rules fed by the pipeline's own position, down to the plays table.

#include "engine.h"
#include "listens/listentracker.h"
#include "playback/audiofixtures.h"
#include "playback/gstplayer.h"
#include "playback/listenwiring.h"
#include "playback/playbackcontroller.h"
#include "playback/playbackengine.h"
#include "playback/playqueue.h"
#include "settings/playbacksection.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace encore;

namespace {

constexpr int kPlayTimeoutMs = 15000;

// Generated tones on disk and a library snapshot over them (ids 1, 2, ...).
struct Tones {
    QTemporaryDir dir;
    QList<Track> tracks;
    std::shared_ptr<const LibraryIndex> index;

    // One file per length (ms); `album` per file (empty: "Album N", all different).
    bool make(const QList<int>& lengthsMs, const QStringList& albums = {}) {
        for (int i = 0; i < lengthsMs.size(); ++i) {
            const QString wav = dir.filePath(QStringLiteral("%1.wav").arg(i + 1));
            const QString flac = dir.filePath(QStringLiteral("%1.flac").arg(i + 1));
            if (!test::makeTone(wav, lengthsMs[i] / 1000.0, 330.0 + 110.0 * i, 0.3) ||
                !test::encode(wav, flac))
                return false;
            const QString album = albums.value(i, QStringLiteral("Album %1").arg(i + 1));
            Track t =
                test::makeTrack(i + 1, QStringLiteral("Tone %1").arg(i + 1),
                                QStringLiteral("Artist"), album, {}, 2000, lengthsMs[i], i + 1);
            t.path = flac;
            tracks << t;
        }
        index = LibraryIndex::build(tracks);
        return true;
    }
    QString path(int id) const { return tracks[id - 1].path; }
};

// Listening events by name, in order.
struct Events {
    QStringList names;
    QList<qint64> positions;
    QObject context;
    explicit Events(ListeningEvents* e) {
        QObject::connect(e, &ListeningEvents::started, &context,
                         [this](TrackId id, qint64, bool, qint64) {
                             names << QStringLiteral("started %1").arg(id);
                         });
        QObject::connect(e, &ListeningEvents::ended, &context,
                         [this] { names << QStringLiteral("ended"); });
        QObject::connect(e, &ListeningEvents::userChangedTrack, &context,
                         [this] { names << QStringLiteral("user"); });
        QObject::connect(e, &ListeningEvents::stopped, &context,
                         [this] { names << QStringLiteral("stopped"); });
        QObject::connect(e, &ListeningEvents::failed, &context,
                         [this] { names << QStringLiteral("failed"); });
        QObject::connect(e, &ListeningEvents::seeked, &context,
                         [this] { names << QStringLiteral("seeked"); });
        QObject::connect(e, &ListeningEvents::position, &context,
                         [this](qint64 ms) { positions << ms; });
    }
};

struct Session {
    PlayQueue queue;
    GstPlayer* player;
    std::unique_ptr<PlaybackController> controller;
    std::unique_ptr<Events> events;

    Session(const Tones& tones, AudioOutput output, PlaybackSettings settings = {}) {
        auto p = std::make_unique<GstPlayer>(std::move(output), settings);
        player = p.get();
        controller = std::make_unique<PlaybackController>(std::move(p), &queue);
        controller->setLibrary(tones.index);
        events = std::make_unique<Events>(controller->events());
    }
    bool waitStopped() {
        return QTest::qWaitFor([this] { return controller->state() == Player::State::Stopped; },
                               kPlayTimeoutMs);
    }
};

// Scans `folder` with the engine and loads the snapshot the player reads.
Result<std::shared_ptr<const LibraryIndex>> scanAndLoad(Engine& engine, const QString& folder) {
    QSignalSpy scanned(&engine, &Engine::scanFinished);
    engine.scan({folder});
    if (!scanned.wait(30000))
        return Error{QStringLiteral("the scan of %1 did not finish").arg(folder)};
    QFutureWatcher<Result<std::shared_ptr<const LibraryIndex>>> loaded;
    QSignalSpy ready(&loaded, &QFutureWatcherBase::finished);
    loaded.setFuture(engine.loadLibraryIndex());
    if (!ready.wait(10000))
        return Error{QStringLiteral("the library did not load")};
    return loaded.result();
}

QStringList plays(const Database& database) {
    ScopedConnection c(database, QStringLiteral("test-plays"));
    QSqlQuery q(c.db());
    q.exec(
        QStringLiteral("SELECT t.title, p.end_reason, p.counted, p.ms_played FROM plays p "
                       "JOIN tracks t ON t.id = p.track_id ORDER BY p.id"));
    QStringList rows;
    while (q.next())
        rows << QStringLiteral("%1|%2|%3|%4")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                         q.value(3).toString());
    return rows;
}

}  // namespace

class TestGstPlayer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        qputenv("GST_PLUGIN_FEATURE_RANK", "tsdemux:NONE");  // see tst_render
        settings_ = std::make_unique<test::IsolatedSettings>();
    }

    // The play rules hear the real pipeline: a track played to its end on the clocked sink
    // (standing in for a listener) is one play in the log; with nobody listening, none.
    void logsWhatThePipelinePlays_data() {
        QTest::addColumn<bool>("listener");
        QTest::newRow("simulated listener") << true;
        QTest::newRow("nobody") << false;
    }
    void logsWhatThePipelinePlays() {
        QFETCH(bool, listener);
        test::TempDatabase temp;
        Engine engine(temp.database);
        QVERIFY(engine.start().ok());
        QTemporaryDir music;
        const QString wav = music.filePath(QStringLiteral("tone.wav"));
        const QString flac = music.filePath(QStringLiteral("tone.flac"));
        QVERIFY(test::makeTone(wav, 2.5, 440.0, 0.3));
        QVERIFY(test::encode(wav, flac,
                             {QStringLiteral("title=Long tone"), QStringLiteral("artist=Sine")}));
        QFile::remove(wav);
        const Result<std::shared_ptr<const LibraryIndex>> index = scanAndLoad(engine, music.path());
        QVERIFY2(index.ok(), qPrintable(index.error()));
        QCOMPARE(index.value()->size(), 1);

        PlayQueue queue;
        auto owned =
            std::make_unique<GstPlayer>(AudioOutput::clocked(listener), PlaybackSettings{});
        GstPlayer* player = owned.get();
        PlaybackController controller(std::move(owned), &queue);
        controller.setLibrary(index.value());
        connectListenTracker(controller.events(), engine.listenTracker(), player);
        Events events(controller.events());
        QSignalSpy listens(engine.listenTracker(), &ListenTracker::listenEnded);
        QTRY_COMPARE(player->reachesOutput(), listener);
        QCOMPARE(player->outputDescription().startsWith(QStringLiteral("No sound output")),
                 !listener);

        controller.playContext({index.value()->id(0)}, 0);
        QVERIFY(QTest::qWaitFor([&] { return events.names.contains(QStringLiteral("ended")); },
                                kPlayTimeoutMs));
        QVERIFY(!events.positions.isEmpty());
        QVERIFY2(*std::max_element(events.positions.begin(), events.positions.end()) >= 2300,
                 "the pipeline's position reached the end");
        if (!listener) {
            QCOMPARE(listens.count(), 0);
            return;
        }
        QTRY_COMPARE(listens.count(), 1);
        QTRY_COMPARE(plays(temp.database).size(), 1);
        const QStringList row = plays(temp.database).first().split(QLatin1Char('|'));
        QCOMPARE(row.mid(0, 3), (QStringList{QStringLiteral("Long tone"),
                                             QStringLiteral("finished"), QStringLiteral("1")}));
        const int heard = row[3].toInt();
        QVERIFY2(heard >= 2200 && heard <= 3200, qPrintable(row[3]));
    }

    // A CUE album (one FLAC, three tracks in its sheet) scanned into the library and played
    // through: each of its tracks is a listen of its own in the log, with its own title and
    // about its own length heard, and the player follows the tracks in one stream.
    void aCueAlbumIsOneListenPerTrack() {
        test::TempDatabase temp;
        Engine engine(temp.database);
        QVERIFY(engine.start().ok());
        QTemporaryDir music;
        QStringList parts;
        for (int i = 0; i < 3; ++i) {
            parts << music.filePath(QStringLiteral("part%1.wav").arg(i));
            QVERIFY(test::makeTone(parts.last(), 1.4, 330.0 + 110.0 * i, 0.3));
        }
        const QString wav = music.filePath(QStringLiteral("whole.wav"));
        QVERIFY(test::runTool(QStringLiteral("sox"), parts + QStringList{wav}));
        QVERIFY(test::encode(wav, music.filePath(QStringLiteral("Live.flac"))));
        for (const QString& part : parts + QStringList{wav})
            QFile::remove(part);
        QFile sheet(music.filePath(QStringLiteral("Live.cue")));
        QVERIFY(sheet.open(QIODevice::WriteOnly));
        sheet.write(
            "PERFORMER \"Band\"\nTITLE \"Live\"\nFILE \"Live.flac\" WAVE\n"
            "  TRACK 01 AUDIO\n    TITLE \"First\"\n    INDEX 01 00:00:00\n"
            "  TRACK 02 AUDIO\n    TITLE \"Second\"\n    INDEX 01 00:01:30\n"
            "  TRACK 03 AUDIO\n    TITLE \"Third\"\n    INDEX 01 00:02:60\n");
        sheet.close();
        const Result<std::shared_ptr<const LibraryIndex>> index = scanAndLoad(engine, music.path());
        QVERIFY2(index.ok(), qPrintable(index.error()));
        QCOMPARE(index.value()->size(), 3);
        std::vector<TrackId> album;
        for (const QString& title : {"First", "Second", "Third"}) {
            for (int row = 0; row < 3; ++row) {
                if (index.value()->title(row) == title)
                    album.push_back(index.value()->id(row));
            }
        }
        QCOMPARE(album.size(), size_t(3));

        PlayQueue queue;
        auto owned = std::make_unique<GstPlayer>(AudioOutput::clocked(true), PlaybackSettings{});
        GstPlayer* player = owned.get();
        PlaybackController controller(std::move(owned), &queue);
        controller.setLibrary(index.value());
        connectListenTracker(controller.events(), engine.listenTracker(), player);
        QSignalSpy listens(engine.listenTracker(), &ListenTracker::listenEnded);
        QSignalSpy ended(player, &Player::endOfMedia);
        controller.playContext(album, 0);
        QVERIFY(QTest::qWaitFor([&] { return ended.count() == 1; }, kPlayTimeoutMs));
        QTRY_COMPARE(listens.count(), 3);
        QTRY_COMPARE(plays(temp.database).size(), 3);
        const QStringList rows = plays(temp.database);
        const qint64 lengths[] = {1400, 1400, 1400};  // INDEX 00:01:30 = 1.4 s, 00:02:60 = 2.8 s
        for (int i = 0; i < 3; ++i) {
            const QStringList row = rows[i].split(QLatin1Char('|'));
            QCOMPARE(row.mid(0, 3), (QStringList{QStringList{"First", "Second", "Third"}[i],
                                                 QStringLiteral("finished"), QStringLiteral("1")}));
            const int heard = row[3].toInt();
            QVERIFY2(std::abs(heard - lengths[i]) <= 400, qPrintable(rows[i]));
        }
    }

    // Three tracks in a row: the player moves on by itself, each listen closes and the next
    // opens exactly once, and nothing is reloaded between them.
    void joinsTracksWithoutReloading() {
        Tones tones;
        QVERIFY(tones.make({1200, 1200, 1200}));
        Session s(tones, AudioOutput::clocked(true));
        QSignalSpy advanced(s.player, &Player::advancedToNext);
        QSignalSpy ended(s.player, &Player::endOfMedia);
        s.controller->playContext({1, 2, 3}, 0);
        QVERIFY(QTest::qWaitFor([&] { return ended.count() == 1; }, kPlayTimeoutMs));
        QVERIFY(s.waitStopped());
        QCOMPARE(s.events->names,
                 (QStringList{"started 1", "ended", "started 2", "ended", "started 3", "ended"}));
        QCOMPARE(advanced.count(), 2);
        QCOMPARE(advanced[0][0].value<PlaybackItem>().path, tones.path(2));
    }

    // "Play next" while the end of a track is near, after the pipeline was given what came
    // next: the new choice plays, the old one waits its turn.
    void aQueueChangeNearTheEndIsHonoured() {
        Tones tones;
        QVERIFY(tones.make({2000, 1000, 1000}));
        Session s(tones, AudioOutput::clocked(true));
        // Every item the engine says is heard; the withdrawn one must not be among them.
        QSignalSpy heard(s.player->engine(), &PlaybackEngine::itemStarted);
        QSignalSpy advanced(s.player, &Player::advancedToNext);
        s.controller->playContext({1, 2}, 0);
        QVERIFY(QTest::qWaitFor([&] { return s.player->position() >= 1500; }, kPlayTimeoutMs));
        s.controller->enqueue({3}, true);
        QVERIFY(QTest::qWaitFor([&] { return s.events->names.count(QStringLiteral("ended")) == 3; },
                                kPlayTimeoutMs));
        QCOMPARE(s.events->names,
                 (QStringList{"started 1", "ended", "started 3", "ended", "started 2", "ended"}));
        QCOMPARE(advanced.count(), 2);
        QCOMPARE(heard.count(), advanced.count());
    }

    // A seek back near the end (the next track already handed over) stays in this track.
    void aSeekNearTheEndStaysInTheTrack() {
        Tones tones;
        QVERIFY(tones.make({2000, 1000}));
        Session s(tones, AudioOutput::clocked(true));
        QSignalSpy heard(s.player->engine(), &PlaybackEngine::itemStarted);
        s.controller->playContext({1, 2}, 0);
        QVERIFY(QTest::qWaitFor([&] { return s.player->position() >= 1600; }, kPlayTimeoutMs));
        s.controller->seek(300);
        QSignalSpy positions(s.controller.get(), &PlaybackController::positionChanged);
        QVERIFY(QTest::qWaitFor([&] { return s.events->names.count(QStringLiteral("ended")) == 2; },
                                kPlayTimeoutMs));
        QCOMPARE(s.events->names,
                 (QStringList{"started 1", "seeked", "ended", "started 2", "ended"}));
        QCOMPARE(heard.count(), 1);  // track 2, once: no stream but track 1's was seeked
        QVERIFY(positions.count() > 5);
        // Track 1 played on from 300 ms: its positions after the seek start there.
        QVERIFY2(positions[0][0].toLongLong() >= 250 && positions[0][0].toLongLong() < 900,
                 qPrintable(positions[0][0].toString()));
    }

    void badFilesAreNamedAndPlaybackMovesOn_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("says");
        QTest::newRow("not audio")
            << QStringLiteral("garbage") << QStringLiteral("format is not recognised");
        QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("is gone");
        QTest::newRow("missing plugin")
            << QStringLiteral("mpegts") << QStringLiteral("gstreamer1.0-plugins-bad");
    }
    void badFilesAreNamedAndPlaybackMovesOn() {
        QFETCH(QString, kind);
        QFETCH(QString, says);
        Tones tones;
        QVERIFY(tones.make({1000, 1000, 1000}));
        // Track 2 is made bad.
        QString bad = tones.path(2);
        QFile::remove(bad);
        if (kind == QLatin1String("garbage")) {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(50000, '\x07'));
        } else if (kind == QLatin1String("mpegts")) {
            QVERIFY(test::runTool(
                QStringLiteral("ffmpeg"),
                {QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y"),
                 QStringLiteral("-i"), tones.dir.filePath(QStringLiteral("2.wav")),
                 QStringLiteral("-c:a"), QStringLiteral("mp2"), QStringLiteral("-f"),
                 QStringLiteral("mpegts"), bad}));
        }
        Session s(tones, AudioOutput::clocked(true));
        QSignalSpy messages(s.controller.get(), &PlaybackController::message);
        s.controller->playContext({1, 2, 3}, 0);
        const bool done = QTest::qWaitFor(
            [&] { return s.events->names.count(QStringLiteral("ended")) == 2; }, kPlayTimeoutMs);
        QVERIFY2(done, qPrintable(s.events->names.join(QStringLiteral(", "))));
        QCOMPARE(messages.count(), 1);
        const QString text = messages[0][0].toString();
        QVERIFY2(text.contains(bad) && text.contains(says), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Skipped to the next track")));
        QCOMPARE(s.events->names, (QStringList{"started 1", "ended", "started 3", "ended"}));
    }

    // With crossfades on skips asked for, Next fades: the listen moves to the new track at
    // once, and it plays to its end.
    void nextFadesWhenAsked() {
        Tones tones;
        QVERIFY(tones.make({3000, 1500}));
        PlaybackSettings settings;
        settings.crossfade_ms = 800;
        settings.crossfade_on_skip = true;
        Session s(tones, AudioOutput::clocked(true), settings);
        QSignalSpy ended(s.player, &Player::endOfMedia);
        s.controller->playContext({1, 2}, 0);
        QVERIFY(QTest::qWaitFor([&] { return s.player->position() >= 500; }, kPlayTimeoutMs));
        s.controller->next();
        QCOMPARE(s.controller->current()->id, 2);
        QCOMPARE(s.player->state(), Player::State::Playing);
        QVERIFY(QTest::qWaitFor([&] { return ended.count() == 1; }, kPlayTimeoutMs));
        QCOMPARE(s.events->names, (QStringList{"started 1", "user", "started 2", "ended"}));
    }

    // Settings > Playback keeps what it shows and hands it to the player.
    void settingsAreKeptAndApplied() {
        Tones tones;
        QVERIFY(tones.make({1000}));
        QSettings().setValue(QStringLiteral("playback/outputDevice"), QStringLiteral("usb-dac"));
        GstPlayer player(AudioOutput::clocked(), PlaybackSettings{});
        PlaybackSection section(player);
        QCOMPARE(section.deviceBox()->count(), 2);  // the default, and the remembered one
        QVERIFY(section.deviceBox()->currentText().contains(QStringLiteral("not connected")));
        QVERIFY(!section.crossfadeBox()->isChecked());  // off by default
        QVERIFY(!section.crossfadeSecondsBox()->isEnabled());
        section.crossfadeBox()->setChecked(true);
        section.crossfadeSecondsBox()->setValue(4.5);
        section.replayGainBox()->setCurrentIndex(
            section.replayGainBox()->findData(int(ReplayGainMode::Album)));
        section.preampBox()->setValue(-2.0);
        section.clippingBox()->setChecked(false);
        const PlaybackSettings stored = PlaybackSettings::load(QSettings());
        QCOMPARE(stored.crossfade_ms, 4500);
        QVERIFY(!stored.crossfade_on_skip);
        QCOMPARE(stored.replaygain, ReplayGainMode::Album);
        QCOMPARE(stored.preamp_db, -2.0);
        QVERIFY(!stored.prevent_clipping);
        QCOMPARE(stored.output_device, QStringLiteral("usb-dac"));
        QVERIFY(stored == section.settings());
        QSettings().remove(QStringLiteral("playback"));
    }

private:
    std::unique_ptr<test::IsolatedSettings> settings_;
};

QTEST_MAIN(TestGstPlayer)
#include "tst_gstplayer.moc"
