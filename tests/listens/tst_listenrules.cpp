// The play and skip rules of issue 3, edge by edge.
#include "listens/listenrules.h"

#include <QtTest>

using namespace encore;

Q_DECLARE_METATYPE(encore::EndCause)
Q_DECLARE_METATYPE(encore::EndReason)

class TestListenRules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void threshold_data() {
        QTest::addColumn<qint64>("durationMs");
        QTest::addColumn<qint64>("heardMs");
        QTest::addColumn<bool>("play");
        // min(half, 240 s)
        QTest::newRow("10 min: 240 s caps, just under") << 600'000LL << 239'999LL << false;
        QTest::newRow("10 min: 240 s caps, exactly") << 600'000LL << 240'000LL << true;
        QTest::newRow("8 min: half equals the cap") << 480'000LL << 240'000LL << true;
        QTest::newRow("5 min: half, just under") << 300'000LL << 149'999LL << false;
        QTest::newRow("5 min: half, exactly") << 300'000LL << 150'000LL << true;
        QTest::newRow("odd length rounds half up") << 301'001LL << 150'500LL << false;
        QTest::newRow("odd length, half reached") << 301'001LL << 150'501LL << true;
        QTest::newRow("31 s: half applies") << 31'000LL << 15'500LL << true;
        QTest::newRow("31 s: just under half") << 31'000LL << 15'499LL << false;
        // tracks of 30 s or less need 100%
        QTest::newRow("30 s: all but 1 ms") << 30'000LL << 29'999LL << false;
        QTest::newRow("30 s: all of it") << 30'000LL << 30'000LL << true;
        QTest::newRow("10 s: half is not enough") << 10'000LL << 5'000LL << false;
        QTest::newRow("10 s: all of it") << 10'000LL << 10'000LL << true;
        // nobody knows the length: Spotify's and Last.fm's 30 s
        QTest::newRow("unknown length, 29 s") << 0LL << 29'999LL << false;
        QTest::newRow("unknown length, 30 s") << 0LL << 30'000LL << true;
    }
    void threshold() {
        QFETCH(qint64, durationMs);
        QFETCH(qint64, heardMs);
        QFETCH(bool, play);
        QCOMPARE(ListenRules::isPlay(heardMs, durationMs), play);
    }

    void classify_data() {
        QTest::addColumn<qint64>("heardMs");
        QTest::addColumn<qint64>("positionMs");
        QTest::addColumn<qint64>("durationMs");
        QTest::addColumn<EndCause>("cause");
        QTest::addColumn<EndReason>("reason");
        QTest::addColumn<bool>("counted");
        QTest::addColumn<bool>("logged");
        const qint64 d = 200'000;
        QTest::newRow("browsing: under 5 s") << 4'000LL << 4'000LL << d << EndCause::UserChange
                                             << EndReason::Stopped << false << true;
        QTest::newRow("browsing: exactly 5 s is not a skip")
            << 5'000LL << 5'000LL << d << EndCause::UserChange << EndReason::Stopped << false
            << true;
        QTest::newRow("skip: just over 5 s") << 5'001LL << 5'001LL << d << EndCause::UserChange
                                             << EndReason::Skipped << false << true;
        QTest::newRow("skip: just before the threshold")
            << 99'999LL << 99'999LL << d << EndCause::UserChange << EndReason::Skipped << false
            << true;
        QTest::newRow("threshold reached: a play, never a skip")
            << 100'000LL << 100'000LL << d << EndCause::UserChange << EndReason::Stopped << true
            << true;
        QTest::newRow("5 s left is not a skip") << 6'000LL << 195'000LL << d << EndCause::UserChange
                                                << EndReason::Stopped << false << true;
        QTest::newRow("5.001 s left is a skip") << 6'000LL << 194'999LL << d << EndCause::UserChange
                                                << EndReason::Skipped << false << true;
        QTest::newRow("stop is not a skip")
            << 60'000LL << 60'000LL << d << EndCause::Stop << EndReason::Stopped << false << true;
        QTest::newRow("finished and played")
            << d << d << d << EndCause::Finished << EndReason::Finished << true << true;
        QTest::newRow("finished after seeking to the end")
            << 20'000LL << d << d << EndCause::Finished << EndReason::Finished << false << true;
        QTest::newRow("error") << 3'000LL << 3'000LL << d << EndCause::Error << EndReason::Error
                               << false << true;
        QTest::newRow("error before any sound is logged")
            << 0LL << 0LL << d << EndCause::Error << EndReason::Error << false << true;
        QTest::newRow("nothing heard, nothing logged")
            << 0LL << 0LL << d << EndCause::UserChange << EndReason::Stopped << false << false;
        QTest::newRow("unknown length: skip after 20 s")
            << 20'000LL << 20'000LL << 0LL << EndCause::UserChange << EndReason::Skipped << false
            << true;
    }
    void classify() {
        QFETCH(qint64, heardMs);
        QFETCH(qint64, positionMs);
        QFETCH(qint64, durationMs);
        QFETCH(EndCause, cause);
        QFETCH(EndReason, reason);
        QFETCH(bool, counted);
        QFETCH(bool, logged);
        const ListenOutcome outcome = ListenRules::classify(heardMs, positionMs, durationMs, cause);
        QCOMPARE(outcome.reason, reason);
        QCOMPARE(outcome.counted, counted);
        QCOMPARE(outcome.logged, logged);
    }

    void neverBothPlayAndSkip() {
        const EndCause causes[] = {EndCause::Finished, EndCause::UserChange, EndCause::Stop,
                                   EndCause::Error, EndCause::Unknown};
        int skips = 0;
        int plays = 0;
        for (qint64 duration : {0LL, 10'000LL, 30'000LL, 31'000LL, 200'000LL, 900'000LL}) {
            for (qint64 heard = 0; heard <= 1'000'000; heard += 1'000) {
                for (EndCause cause : causes) {
                    const ListenOutcome o = ListenRules::classify(heard, heard, duration, cause);
                    QVERIFY(!(o.counted && o.reason == EndReason::Skipped));
                    const ListenOutcome i = ListenRules::classifyImported(heard, duration, cause);
                    QVERIFY(!(i.counted && i.reason == EndReason::Skipped));
                    skips += o.reason == EndReason::Skipped ? 1 : 0;
                    plays += o.counted ? 1 : 0;
                }
            }
        }
        QVERIFY(skips > 0);  // the grid does reach both outcomes
        QVERIFY(plays > 0);
    }

    void imported_data() {
        QTest::addColumn<qint64>("heardMs");
        QTest::addColumn<qint64>("durationMs");
        QTest::addColumn<EndCause>("cause");
        QTest::addColumn<EndReason>("reason");
        QTest::addColumn<bool>("counted");
        // Spotify's basic history says nothing but msPlayed.
        QTest::newRow("basic: 3 s is browsing")
            << 3'000LL << 0LL << EndCause::Unknown << EndReason::Stopped << false;
        QTest::newRow("basic: 0 ms is kept")
            << 0LL << 0LL << EndCause::Unknown << EndReason::Stopped << false;
        QTest::newRow("basic: 20 s is a skip")
            << 20'000LL << 0LL << EndCause::Unknown << EndReason::Skipped << false;
        QTest::newRow("basic: 30 s counts when no length is known")
            << 30'000LL << 0LL << EndCause::Unknown << EndReason::Finished << true;
        QTest::newRow("basic, library length: under half is a skip")
            << 99'999LL << 200'000LL << EndCause::Unknown << EndReason::Skipped << false;
        QTest::newRow("basic, library length: half counts, ended early")
            << 100'000LL << 200'000LL << EndCause::Unknown << EndReason::Stopped << true;
        QTest::newRow("basic, library length: played to the end")
            << 196'000LL << 200'000LL << EndCause::Unknown << EndReason::Finished << true;
        QTest::newRow("extended: fwdbtn after 40 s")
            << 40'000LL << 0LL << EndCause::UserChange << EndReason::Stopped << true;
        QTest::newRow("extended: fwdbtn after 10 s")
            << 10'000LL << 0LL << EndCause::UserChange << EndReason::Skipped << false;
        QTest::newRow("extended: trackdone after 2 s is no play")
            << 2'000LL << 0LL << EndCause::Finished << EndReason::Finished << false;
        QTest::newRow("extended: trackerror")
            << 1'000LL << 0LL << EndCause::Error << EndReason::Error << false;
        QTest::newRow("scrobble: a play")
            << -1LL << 0LL << EndCause::Finished << EndReason::Finished << true;
        QTest::newRow("scrobbler.log S: a skip")
            << -1LL << 180'000LL << EndCause::UserChange << EndReason::Skipped << false;
    }
    void imported() {
        QFETCH(qint64, heardMs);
        QFETCH(qint64, durationMs);
        QFETCH(EndCause, cause);
        QFETCH(EndReason, reason);
        QFETCH(bool, counted);
        const ListenOutcome outcome = ListenRules::classifyImported(heardMs, durationMs, cause);
        QCOMPARE(outcome.reason, reason);
        QCOMPARE(outcome.counted, counted);
        QVERIFY(outcome.logged);  // imported listens are never dropped: they are skip signal
    }

    void sessions_data() {
        QTest::addColumn<qint64>("gapMs");
        QTest::addColumn<bool>("same");
        QTest::newRow("back to back") << 0LL << true;
        QTest::newRow("overlapping devices") << -60'000LL << true;
        QTest::newRow("exactly 30 min") << 30LL * 60'000 << true;
        QTest::newRow("30 min and 1 ms") << 30LL * 60'000 + 1 << false;
        QTest::newRow("a day") << 86'400'000LL << false;
    }
    void sessions() {
        QFETCH(qint64, gapMs);
        QFETCH(bool, same);
        const qint64 end = 1'700'000'000'000;
        QCOMPARE(ListenRules::sameSession(end, end + gapMs), same);
    }
};

QTEST_GUILESS_MAIN(TestListenRules)
#include "tst_listenrules.moc"
