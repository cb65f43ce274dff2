#include "browse/trackdrag.h"
#include "playback/clockedplayer.h"
#include "playback/playbackcontroller.h"
#include "playback/playbackorder.h"
#include "playback/playbacksessionsettings.h"
#include "playback/playqueue.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QtTest>

#include <set>

using namespace encore;

namespace {

// Files on disk (the clocked player checks they exist) with a library index over them.
struct Fixture {
    QTemporaryDir dir;
    std::shared_ptr<const LibraryIndex> index;
    qint64 now = 0;

    explicit Fixture(int n, const QList<int>& missing = {}) {
        QList<Track> tracks;
        for (int i = 1; i <= n; ++i) {
            Track t = test::makeTrack(i, QStringLiteral("Song %1").arg(i), QStringLiteral("Artist"),
                                      QStringLiteral("Album"), {}, 2000, 10000 * i, i);
            t.path = dir.filePath(QStringLiteral("%1.mp3").arg(i));
            if (!missing.contains(i)) {
                QFile f(t.path);
                f.open(QIODevice::WriteOnly);
                f.write("x");
            }
            tracks << t;
        }
        index = LibraryIndex::build(tracks);
    }

    std::unique_ptr<ClockedPlayer> player() {
        auto p = std::make_unique<ClockedPlayer>();
        p->setTimeSource([this] { return now; });
        p->setTickInterval(0);  // the test polls
        return p;
    }
};

// Every listening event as a short string, positions left out.
struct Recorder {
    QStringList events;
    QObject context;  // the connections end with the recorder
    explicit Recorder(ListeningEvents* e) {
        QObject::connect(e, &ListeningEvents::started, &context,
                         [this](TrackId id, qint64 duration, bool shuffle, qint64 position) {
                             events << QStringLiteral("started %1 %2 %3 %4")
                                           .arg(id)
                                           .arg(duration)
                                           .arg(shuffle ? 1 : 0)
                                           .arg(position);
                         });
        QObject::connect(e, &ListeningEvents::paused, &context,
                         [this] { events << QStringLiteral("paused"); });
        QObject::connect(e, &ListeningEvents::resumed, &context,
                         [this] { events << QStringLiteral("resumed"); });
        QObject::connect(e, &ListeningEvents::seeked, &context, [this](qint64 from, qint64 to) {
            events << QStringLiteral("seeked %1 %2").arg(from).arg(to);
        });
        QObject::connect(e, &ListeningEvents::ended, &context,
                         [this] { events << QStringLiteral("ended"); });
        QObject::connect(e, &ListeningEvents::userChangedTrack, &context,
                         [this] { events << QStringLiteral("user"); });
        QObject::connect(e, &ListeningEvents::stopped, &context,
                         [this] { events << QStringLiteral("stopped"); });
        QObject::connect(e, &ListeningEvents::failed, &context,
                         [this] { events << QStringLiteral("failed"); });
    }
};

// A controller over a fixture, its player driven by the fixture's clock.
struct Session {
    Fixture& fx;
    PlayQueue queue;
    ClockedPlayer* player;
    std::unique_ptr<PlaybackController> controller;
    std::unique_ptr<Recorder> recorder;

    explicit Session(Fixture& f) : fx(f) {
        auto p = fx.player();
        player = p.get();
        controller = std::make_unique<PlaybackController>(std::move(p), &queue);
        controller->setLibrary(fx.index);
        recorder = std::make_unique<Recorder>(controller->events());
    }
    void advance(qint64 ms) {
        fx.now += ms;
        player->poll();
    }
    QStringList& events() { return recorder->events; }
};

std::vector<TrackId> ids(std::initializer_list<TrackId> list) {
    return std::vector<TrackId>(list);
}

}  // namespace

class TestPlayback : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { settings_ = std::make_unique<test::IsolatedSettings>(); }

    void clockedPlayerKeepsTime() {
        Fixture fx(1);
        auto player = fx.player();
        QSignalSpy ended(player.get(), &Player::endOfMedia);
        QSignalSpy states(player.get(), &Player::stateChanged);
        player->load(fx.index->path(0), 10000);
        QCOMPARE(player->duration(), 10000);
        player->play();
        QCOMPARE(player->state(), Player::State::Playing);
        fx.now += 3000;
        QCOMPARE(player->position(), 3000);
        player->pause();
        fx.now += 5000;
        QCOMPARE(player->position(), 3000);  // paused time does not count
        player->play();
        fx.now += 2000;
        QCOMPARE(player->position(), 5000);
        player->setPosition(9000);
        fx.now += 500;
        player->poll();
        QCOMPARE(ended.count(), 0);
        fx.now += 1000;
        player->poll();
        QCOMPARE(ended.count(), 1);
        QCOMPARE(player->state(), Player::State::Stopped);
        QCOMPARE(player->position(), 10000);
        player->poll();
        QCOMPARE(ended.count(), 1);   // ends once
        QCOMPARE(states.count(), 4);  // playing, paused, playing, stopped
    }

    void clockedPlayerTicksByItself() {
        Fixture fx(1);
        ClockedPlayer player;  // real clock and timer
        player.setTickInterval(10);
        QSignalSpy ended(&player, &Player::endOfMedia);
        player.load(fx.index->path(0), 50);
        player.play();
        QTRY_COMPARE(ended.count(), 1);
    }

    void clockedPlayerReportsAMissingFileLater() {
        Fixture fx(1);
        auto player = fx.player();
        QSignalSpy errors(player.get(), &Player::errorOccurred);
        player->load(QStringLiteral("/nonexistent/encore/gone.mp3"), 1000);
        QCOMPARE(errors.count(), 0);  // never from inside the call
        player->play();
        QCOMPARE(player->state(), Player::State::Stopped);
        QTRY_COMPARE(errors.count(), 1);
        QVERIFY(errors[0][0].toString().contains(QStringLiteral("/nonexistent/encore/gone.mp3")));
        QVERIFY(errors[0][0].toString().contains(QStringLiteral("is gone")));
    }

    void orderWalksTheList() {
        PlaybackOrder order;
        order.setTracks(ids({1, 2, 3}), 1);
        QCOMPARE(*order.current(), 2);
        QCOMPARE(order.upcoming(5), ids({3}));
        QCOMPARE(*order.next(false), 3);
        QVERIFY(!order.hasNext());
        QVERIFY(!order.next(false));
        QCOMPARE(*order.previous(), 2);
        QCOMPARE(*order.previous(), 1);
        QVERIFY(!order.previous());
    }

    void orderRepeats_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("byUser");
        QTest::addColumn<TrackId>("afterLast");
        QTest::newRow("all, natural end") << int(RepeatMode::All) << false << TrackId(1);
        QTest::newRow("all, next") << int(RepeatMode::All) << true << TrackId(1);
        QTest::newRow("one, natural end") << int(RepeatMode::One) << false << TrackId(3);
        QTest::newRow("one, next") << int(RepeatMode::One) << true << TrackId(1);
        QTest::newRow("off") << int(RepeatMode::Off) << false << TrackId(0);
    }
    void orderRepeats() {
        QFETCH(int, mode);
        QFETCH(bool, byUser);
        QFETCH(TrackId, afterLast);
        PlaybackOrder order;
        order.setRepeat(RepeatMode(mode));
        order.setTracks(ids({1, 2, 3}), 2);
        const std::optional<TrackId> next = order.next(byUser);
        QCOMPARE(next.value_or(0), afterLast);
    }

    void shufflePlaysEveryTrackOncePerRound() {
        PlaybackOrder order;
        order.setSeed(7);
        order.setShuffle(true);
        std::vector<TrackId> tracks;
        for (TrackId id = 1; id <= 50; ++id)
            tracks.push_back(id);
        order.setTracks(tracks, 9);
        QCOMPARE(*order.current(), 10);  // the picked track plays first
        std::set<TrackId> seen{10};
        std::vector<TrackId> played{10};
        while (std::optional<TrackId> id = order.next(false)) {
            seen.insert(*id);
            played.push_back(*id);
        }
        QCOMPARE(int(seen.size()), 50);
        QCOMPARE(int(played.size()), 50);
        std::vector<TrackId> sorted = played;
        std::sort(sorted.begin(), sorted.end());
        QVERIFY(played != sorted);  // shuffled
        // Turning shuffle off continues in list order from the current track.
        order.setShuffle(false);
        QCOMPARE(*order.next(true), played.back() + 1);
    }

    void queuePassesTheModelTester() {
        PlayQueue queue;
        QAbstractItemModelTester tester(&queue,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Fixture fx(6);
        queue.setResolver([&fx](TrackId id) -> std::optional<TrackInfo> {
            const int row = fx.index->rowOf(id);
            return row >= 0 ? std::optional<TrackInfo>(fx.index->info(row)) : std::nullopt;
        });
        queue.append({fx.index->info(0), fx.index->info(1), fx.index->info(2)});
        queue.insert(0, {fx.index->info(3)});
        QCOMPARE(queue.at(0).id, 4);
        QVERIFY(queue.moveRows({}, 0, 1, {}, 3));  // 4 after 2: 1 2 4 3
        QCOMPARE(queue.at(2).id, 4);
        queue.moveRowsTo({0, 3}, 2);  // 1 and 3 before 4: 2 1 3 4
        QList<TrackId> order;
        for (int i = 0; i < queue.size(); ++i)
            order << queue.at(i).id;
        QCOMPARE(order, QList<TrackId>({2, 1, 3, 4}));
        queue.removeRowsAt({0, 3});
        QCOMPARE(queue.size(), 2);
        QCOMPARE(queue.totalDurationMs(), 10000 + 30000);
        QCOMPARE(queue.takeFirst()->id, 1);

        std::unique_ptr<QMimeData> drop(TrackDrag::encode({5, 999, 6}));
        QVERIFY(queue.canDropMimeData(drop.get(), Qt::CopyAction, 0, 0, {}));
        QVERIFY(queue.dropMimeData(drop.get(), Qt::CopyAction, 0, 0, {}));
        order.clear();
        for (int i = 0; i < queue.size(); ++i)
            order << queue.at(i).id;
        QCOMPARE(order, QList<TrackId>({5, 6, 3}));  // unknown ids are skipped
        std::unique_ptr<QMimeData> rows(queue.mimeData({queue.index(2, 0)}));
        QVERIFY(!queue.dropMimeData(rows.get(), Qt::MoveAction, 0, 0, {}));  // moved, not copied
        QCOMPARE(queue.at(0).id, 3);
        QCOMPARE(queue.index(0, PlayQueue::Duration).data().toString(), QStringLiteral("0:30"));
        queue.clear();
        QVERIFY(queue.isEmpty());
    }

    void reportsTheListeningEventsInOrder() {
        Fixture fx(3);
        Session s(fx);
        s.controller->playContext(ids({1, 2, 3}), 0);
        QCOMPARE(s.controller->current()->id, 1);
        s.advance(4000);
        s.controller->pause();
        s.advance(60000);
        s.controller->play();
        s.advance(1000);
        s.controller->seek(8000);
        s.advance(2500);  // past the 10 s end of track 1
        QCOMPARE(s.controller->current()->id, 2);
        s.advance(3000);
        s.controller->next();
        QCOMPARE(s.events(),
                 QStringList({QStringLiteral("started 1 10000 0 0"), QStringLiteral("paused"),
                              QStringLiteral("resumed"), QStringLiteral("seeked 5000 8000"),
                              QStringLiteral("ended"), QStringLiteral("started 2 20000 0 0"),
                              QStringLiteral("user"), QStringLiteral("started 3 30000 0 0")}));
        s.advance(31000);  // the last track ends: nothing follows
        QCOMPARE(s.events().last(), QStringLiteral("ended"));
        QCOMPARE(s.controller->state(), Player::State::Stopped);
    }

    void nextOnTheLastTrackStops() {
        Fixture fx(2);
        Session s(fx);
        s.controller->playContext(ids({1, 2}), 1);
        s.advance(6000);
        s.controller->next();
        QCOMPARE(s.events(),
                 QStringList({QStringLiteral("started 2 20000 0 0"), QStringLiteral("stopped")}));
        QCOMPARE(s.controller->state(), Player::State::Stopped);
    }

    void queuedTracksPlayFirst() {
        Fixture fx(5);
        Session s(fx);
        s.controller->playContext(ids({1, 2, 3}), 0);
        s.controller->enqueue({5, 4}, false);
        s.controller->enqueue({3}, true);
        QCOMPARE(s.queue.size(), 3);
        s.controller->next();
        QCOMPARE(s.controller->current()->id, 3);
        s.controller->next();
        QCOMPARE(s.controller->current()->id, 5);
        s.advance(50001);
        QCOMPARE(s.controller->current()->id, 4);
        QVERIFY(s.queue.isEmpty());
        s.controller->next();
        QCOMPARE(s.controller->current()->id, 2);  // back to the list
        s.controller->enqueue({1}, false);
        s.controller->playQueued(0);
        QCOMPARE(s.controller->current()->id, 1);
        QVERIFY(s.queue.isEmpty());
    }

    void previousRestartsOrGoesBack() {
        Fixture fx(3);
        Session s(fx);
        s.controller->playContext(ids({1, 2, 3}), 1);
        s.advance(5000);
        s.controller->previous();  // 5 s in: restart
        QCOMPARE(s.controller->current()->id, 2);
        QCOMPARE(s.player->position(), 0);
        s.advance(1000);
        s.controller->previous();  // 1 s in: the one before
        QCOMPARE(s.controller->current()->id, 1);
        QCOMPARE(s.events().mid(1),
                 QStringList({QStringLiteral("seeked 5000 0"), QStringLiteral("user"),
                              QStringLiteral("started 1 10000 0 0")}));
    }

    void repeatOneReplaysAtTheEnd() {
        Fixture fx(2);
        Session s(fx);
        s.controller->setRepeat(RepeatMode::One);
        s.controller->playContext(ids({1, 2}), 0);
        s.advance(10001);
        QCOMPARE(s.controller->current()->id, 1);
        QCOMPARE(s.events(),
                 QStringList({QStringLiteral("started 1 10000 0 0"), QStringLiteral("ended"),
                              QStringLiteral("started 1 10000 0 0")}));
        s.controller->next();  // the listener moves on
        QCOMPARE(s.controller->current()->id, 2);
    }

    void shuffleIsReported() {
        Fixture fx(3);
        Session s(fx);
        QSignalSpy shuffle(s.controller.get(), &PlaybackController::shuffleChanged);
        s.controller->setShuffle(true);
        QCOMPARE(shuffle.count(), 1);
        s.controller->playContext(ids({1, 2, 3}), 2);
        QCOMPARE(s.events(), QStringList({QStringLiteral("started 3 30000 1 0")}));
    }

    void aMissingFileIsSkippedWithAMessage() {
        Fixture fx(3, {2});
        Session s(fx);
        QSignalSpy messages(s.controller.get(), &PlaybackController::message);
        s.controller->playContext(ids({1, 2, 3}), 0);
        s.advance(10001);
        QCOMPARE(s.controller->current()->id, 2);
        QTRY_COMPARE(messages.count(), 1);
        QVERIFY(messages[0][0].toString().contains(QStringLiteral("2.mp3 is gone")));
        QVERIFY(messages[0][0].toString().contains(QStringLiteral("Skipped to the next track")));
        QCOMPARE(s.controller->current()->id, 3);
        QCOMPARE(s.events(),
                 QStringList({QStringLiteral("started 1 10000 0 0"), QStringLiteral("ended"),
                              QStringLiteral("started 3 30000 0 0")}));
    }

    void stopsAfterErrorsInARow() {
        Fixture fx(8, {1, 2, 3, 4, 5, 6, 7, 8});
        Session s(fx);
        QSignalSpy messages(s.controller.get(), &PlaybackController::message);
        s.controller->playContext(ids({1, 2, 3, 4, 5, 6, 7, 8}), 0);
        QTRY_COMPARE(messages.count(), PlaybackController::kMaxConsecutiveErrors);
        QVERIFY(messages.last()[0].toString().contains(QStringLiteral("Playback stopped")));
        QCOMPARE(s.controller->current()->id, PlaybackController::kMaxConsecutiveErrors);
        QTest::qWait(50);  // nothing else is tried
        QCOMPARE(messages.count(), PlaybackController::kMaxConsecutiveErrors);
        QVERIFY(s.events().isEmpty());  // nothing was heard, nothing to log
    }

    void quittingStopsTheOpenListen() {
        Fixture fx(1);
        QStringList events;
        {
            Session s(fx);
            s.controller->playContext(ids({1}), 0);
            s.advance(2000);
            QObject::connect(s.controller->events(), &ListeningEvents::stopped,
                             [&events] { events << QStringLiteral("stopped"); });
            s.controller.reset();
        }
        QCOMPARE(events, QStringList{QStringLiteral("stopped")});
    }

    // Queue, list, cued track, shuffle and repeat come back after a restart; nothing is
    // logged until Play, and tracks the library lost are left out.
    void sessionComesBackAfterARestart() {
        Fixture fx(6);
        {
            Session s(fx);
            s.controller->playContext(ids({1, 2, 3, 4}), 1);
            s.controller->enqueue({5, 3}, false);
            s.controller->setRepeat(RepeatMode::All);
            PlaybackSession session = s.controller->session();
            QCOMPARE(session.current, 2);
            QCOMPARE(session.queue, (QList<TrackId>{5, 3}));
            QCOMPARE(session.context, (QList<TrackId>{2, 3, 4}));
            session.queue.append(99);  // gone from the library since
            QSettings settings;
            savePlaybackSession(settings, session);
            s.controller->stop();
        }
        Session s(fx);
        QSignalSpy cued(s.controller.get(), &PlaybackController::currentChanged);
        s.controller->restore(loadPlaybackSession(QSettings()));
        QCOMPARE(cued.count(), 1);
        QCOMPARE(s.controller->current()->id, 2);
        QCOMPARE(s.controller->state(), Player::State::Stopped);
        QCOMPARE(s.controller->repeat(), RepeatMode::All);
        QCOMPARE(s.queue.size(), 2);
        QCOMPARE(s.queue.at(0).id, 5);
        QVERIFY(s.events().isEmpty());  // cued is not a listen
        s.controller->play();
        QCOMPARE(s.controller->current()->id, 2);
        QCOMPARE(s.controller->state(), Player::State::Playing);
        s.controller->next();
        QCOMPARE(s.controller->current()->id, 5);  // the queue first
        s.controller->next();
        s.controller->next();
        QCOMPARE(s.controller->current()->id, 3);  // then the list, from where it was
        // A second restore while something plays changes nothing.
        PlaybackSession other;
        other.current = 6;
        s.controller->restore(other);
        QCOMPARE(s.controller->current()->id, 3);
    }

private:
    std::unique_ptr<test::IsolatedSettings> settings_;
};

QTEST_MAIN(TestPlayback)
#include "tst_playback.moc"
