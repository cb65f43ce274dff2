// ListenTracker: player events to listens, driven by a ManualClock (no sleeps), logged through
// the real PlayLog so sessions and incognito are checked end to end.
#include "listens/listentracker.h"
#include "listens/manualclock.h"
#include "listenstestsupport.h"
#include "store/playlog.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QtTest>

using namespace encore;

namespace {

constexpr qint64 kStart = 1'700'000'000'000;  // 2023-11-14, unix ms
constexpr qint64 kMinute = 60'000;

}  // namespace

class TestListenTracker : public QObject {
    Q_OBJECT

    QList<Play> listens_;
    std::unique_ptr<ManualClock> clock_;
    std::unique_ptr<ListenTracker> tracker_;

private Q_SLOTS:
    void init() {
        listens_.clear();
        clock_ = std::make_unique<ManualClock>(kStart, 60);
        tracker_ = std::make_unique<ListenTracker>(*clock_);
        connect(tracker_.get(), &ListenTracker::listenEnded, this,
                [this](const Play& play) { listens_.append(play); });
    }

    void wholeTrackIsAFinishedPlay() {
        tracker_->start(7, 200'000, true);
        clock_->advance(200'000);
        tracker_->finish();
        QCOMPARE(listens_.size(), 1);
        const Play& p = listens_[0];
        QCOMPARE(p.track_id, TrackId(7));
        QCOMPARE(p.started_at, kStart / 1000);
        QCOMPARE(p.utc_offset_minutes, 60);
        QCOMPARE(p.ms_played, 200'000);
        QCOMPARE(p.duration_ms, 200'000);
        QCOMPARE(p.end_reason, EndReason::Finished);
        QVERIFY(p.counted);
        QCOMPARE(p.shuffle, std::optional<bool>(true));
        QVERIFY(!tracker_->hasOpenListen());
    }

    void lateEndOfMediaDoesNotOvercount() {
        // the player reports the end one tick after the last sample
        tracker_->start(7, 1000, false);
        clock_->advance(1500);
        tracker_->finish();
        QCOMPARE(listens_.size(), 1);
        QCOMPARE(listens_[0].ms_played, 1000);
    }

    void pausesDoNotCount() {
        tracker_->start(1, 200'000, false);
        clock_->advance(50'000);
        tracker_->pause();
        clock_->advance(10 * kMinute);  // paused: not heard
        QCOMPARE(tracker_->heardMs(), 50'000);
        tracker_->resume();
        clock_->advance(49'999);
        tracker_->changeTrackByUser();
        QCOMPARE(listens_.size(), 1);
        QCOMPARE(listens_[0].ms_played, 99'999);
        QCOMPARE(listens_[0].end_reason, EndReason::Skipped);  // 1 ms short of half
        QVERIFY(!listens_[0].counted);
    }

    void forwardSeekSkipsTheJumpedPart() {
        tracker_->start(1, 200'000, false);
        clock_->advance(10'000);
        tracker_->seek(150'000);
        clock_->advance(10'000);
        QCOMPARE(tracker_->positionMs(), 160'000);
        tracker_->changeTrackByUser();
        QCOMPARE(listens_.size(), 1);
        QCOMPARE(listens_[0].ms_played, 20'000);
        QCOMPARE(listens_[0].end_reason, EndReason::Skipped);  // 40 s were left
    }

    void backwardSeekHearsAgain() {
        tracker_->start(1, 200'000, false);
        clock_->advance(60'000);
        tracker_->seek(0);
        clock_->advance(40'000);
        tracker_->stop();
        QCOMPARE(listens_.size(), 1);
        QCOMPARE(listens_[0].ms_played, 100'000);  // 60 s + 40 s heard again
        QVERIFY(listens_[0].counted);
        QCOMPARE(listens_[0].end_reason, EndReason::Stopped);
    }

    void browsingIsNotASkip() {
        tracker_->start(1, 200'000, false);
        clock_->advance(4'000);
        tracker_->start(2, 200'000, false);  // the user picked another track
        QCOMPARE(listens_.size(), 1);
        QCOMPARE(listens_[0].end_reason, EndReason::Stopped);
        QVERIFY(!listens_[0].counted);
        QVERIFY(tracker_->hasOpenListen());
    }

    void changeNearTheEndIsNotASkip() {
        tracker_->start(1, 200'000, false);
        clock_->advance(10'000);
        tracker_->seek(185'000);
        clock_->advance(10'000);  // 5 s left
        tracker_->changeTrackByUser();
        QCOMPARE(listens_[0].end_reason, EndReason::Stopped);
    }

    void shortTrackNeedsAllOfIt() {
        tracker_->start(1, 30'000, false);
        clock_->advance(29'990);  // the player's end-of-media comes a little early
        tracker_->finish();
        QVERIFY(listens_[0].counted);  // nothing was jumped: all of it was heard
        QCOMPARE(listens_[0].ms_played, 30'000);

        tracker_->start(2, 30'000, false);
        clock_->advance(1'000);
        tracker_->seek(2'000);  // jumped 1 s
        clock_->advance(28'000);
        tracker_->finish();
        QVERIFY(!listens_[1].counted);
        QCOMPARE(listens_[1].ms_played, 29'000);
    }

    void lengthLearnedAfterStart() {
        tracker_->start(1, 0, false);
        tracker_->setDuration(20'000);
        clock_->advance(15'000);
        tracker_->changeTrackByUser();
        QVERIFY(!listens_[0].counted);  // 20 s track: 100% needed, 30 s fallback not used
        QCOMPARE(listens_[0].duration_ms, 20'000);
    }

    void errorIsLogged() {
        tracker_->start(1, 200'000, false);
        tracker_->fail();  // nothing heard, but the failure is worth knowing
        QCOMPARE(listens_.size(), 1);
        QCOMPARE(listens_[0].end_reason, EndReason::Error);
    }

    void nothingHeardIsNotLogged() {
        tracker_->start(1, 200'000, false);
        tracker_->changeTrackByUser();
        QVERIFY(listens_.isEmpty());
    }

    void incognitoLogsNothing() {
        tracker_->setIncognito(true);
        tracker_->start(1, 200'000, false);
        clock_->advance(200'000);
        tracker_->finish();
        QVERIFY(listens_.isEmpty());

        // A listen that was incognito for a moment stays unlogged.
        tracker_->setIncognito(false);
        tracker_->start(2, 200'000, false);
        clock_->advance(50'000);
        tracker_->setIncognito(true);
        tracker_->setIncognito(false);
        clock_->advance(150'000);
        tracker_->finish();
        QVERIFY(listens_.isEmpty());

        // Off again: logged.
        tracker_->start(3, 200'000, false);
        clock_->advance(200'000);
        tracker_->finish();
        QCOMPARE(listens_.size(), 1);
        QCOMPARE(listens_[0].track_id, TrackId(3));
        QVERIFY(!tracker_->incognito());
    }

    void sessionsEndAfterThirtyMinutesWithoutPlayback() {
        test::TempDatabase temp;
        ScopedConnection connection(temp.database, QStringLiteral("tracker"));
        const QList<TrackId> ids =
            test::addLibrarySongs(connection.db(), {{QStringLiteral("A"), QStringLiteral("One")},
                                                    {QStringLiteral("A"), QStringLiteral("Two")},
                                                    {QStringLiteral("A"), QStringLiteral("Three")},
                                                    {QStringLiteral("A"), QStringLiteral("Four")}});
        PlayLog log(connection.db());
        connect(tracker_.get(), &ListenTracker::listenEnded, this,
                [&log](const Play& play) { QVERIFY2(log.append(play).ok(), "append failed"); });
        auto playWhole = [&](TrackId id) {
            tracker_->start(id, 200'000, false);
            clock_->advance(200'000);
            tracker_->finish();
        };
        playWhole(ids[0]);
        clock_->advance(30 * kMinute);  // exactly 30 minutes of silence: same session
        playWhole(ids[1]);
        // Paused for 31 minutes in the middle of a track: the next listen starts a new session.
        tracker_->start(ids[2], 200'000, false);
        clock_->advance(100'000);
        tracker_->pause();
        clock_->advance(31 * kMinute);
        tracker_->resume();
        clock_->advance(100'000);
        tracker_->finish();
        playWhole(ids[3]);

        PlayQuery query;
        query.newest_first = false;
        const QList<PlayRecord> plays = log.plays(query).value();
        QCOMPARE(plays.size(), 4);
        QCOMPARE(plays[1].play.session_id, plays[0].play.session_id);
        QCOMPARE(plays[1].play.previous_track_id, ids[0]);
        QCOMPARE(plays[2].play.session_id, plays[0].play.session_id);
        QVERIFY(plays[3].play.session_id != plays[0].play.session_id);
        QCOMPARE(plays[3].play.session_id, plays[3].play.started_at);
        QCOMPARE(plays[3].play.previous_track_id, TrackId(0));
        QCOMPARE(plays[0].play.previous_track_id, TrackId(0));
    }
};

QTEST_GUILESS_MAIN(TestListenTracker)
#include "tst_listentracker.moc"
