// The recommender's status in words (status bar, Up Next, tooltips): every state, the
// hit-rate figures of what serves, the retrain countdown, and the note shown while
// suggestions are stand-ins.

#include "suggest/modelstatustext.h"

#include <QDateTime>
#include <QLocale>
#include <QtTest>

using namespace encore;

namespace {

constexpr qint64 kMinute = 60 * 1000;

// 12:30 local time on a fixed day; the model was trained at 12:04 that day.
qint64 nowMs() {
    return QDateTime(QDate(2024, 3, 5), QTime(12, 30)).toMSecsSinceEpoch();
}
qint64 trainedAt() {
    return QDateTime(QDate(2024, 3, 5), QTime(12, 4)).toSecsSinceEpoch();
}

RecoStatus ready(qint64 plays) {
    RecoStatus s;
    s.state = RecoStatus::State::Ready;
    s.method = QStringLiteral("blend");
    s.trained_at = trainedAt();
    s.plays = plays;
    s.hr10_blend = 0.31;
    s.hr10_model = 0.25;
    s.hr10_popular = 0.12;
    return s;
}

RetrainSchedule schedule(int newListens, qint64 nextCheckInMs = 14 * kMinute) {
    RetrainSchedule s;
    s.new_listens = newListens;
    s.after_listens = 50;
    s.min_plays_for_model = 200;
    s.next_check_ms = nowMs() + nextCheckInMs;
    return s;
}

}  // namespace

Q_DECLARE_METATYPE(encore::RetrainSchedule)

class TestModelStatusText : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));  // 18,233 12:04
    }

    void line_data() {
        QTest::addColumn<RecoStatus>("status");
        QTest::addColumn<RetrainSchedule>("schedule");
        QTest::addColumn<QString>("expected");

        QTest::newRow("ready, blend serves")
            << ready(18233) << schedule(3)
            << "Trained 12:04 on 18,233 plays · HR@10 0.31 vs 0.12 popular · next retrain in "
               "14 min";
        QTest::newRow("minutes round up") << ready(18233) << schedule(3, 13 * kMinute + 1000)
                                          << "Trained 12:04 on 18,233 plays · HR@10 0.31 vs 0.12 "
                                             "popular · next retrain in 14 min";
        RecoStatus model = ready(1);
        model.method = QStringLiteral("two_tower");
        model.hr10_popular = -1;
        QTest::newRow("model serves, no baseline figure, nothing new")
            << model << schedule(0)
            << "Trained 12:04 on 1 play · HR@10 0.25 · next retrain "
               "after new plays";
        RecoStatus unmeasured = ready(300);
        unmeasured.hr10_blend = unmeasured.hr10_model = unmeasured.hr10_popular = -1;
        QTest::newRow("unmeasured")
            << unmeasured << schedule(50) << "Trained 12:04 on 300 plays · next retrain in 14 min";
        QTest::newRow("interval passed") << unmeasured << schedule(2, -kMinute)
                                         << "Trained 12:04 on 300 plays · retraining soon";
        RecoStatus old = ready(300);
        old.trained_at = trainedAt() - 24 * 3600;
        old.hr10_blend = old.hr10_model = old.hr10_popular = -1;
        QTest::newRow("trained yesterday")
            << old << schedule(1)
            << QStringLiteral("Trained %1 12:04 on 300 plays · next retrain in 14 min")
                   .arg(QLocale().toString(QDate(2024, 3, 4), QLocale::ShortFormat));

        RecoStatus retraining = ready(18233);
        retraining.state = RecoStatus::State::Training;
        QTest::newRow("retraining") << retraining << schedule(60)
                                    << "Learning from your listening… (18,233 plays) · the model "
                                       "of 12:04 serves meanwhile";
        RecoStatus first;
        first.state = RecoStatus::State::Training;
        first.plays = 250;
        QTest::newRow("first training") << first << schedule(0)
                                        << "Learning from your listening… (250 plays) · play "
                                           "counts and tags suggest meanwhile";
        RecoStatus few;
        few.state = RecoStatus::State::Baselines;
        few.plays = 37;
        QTest::newRow("too few plays")
            << few << schedule(37)
            << "Suggestions from play counts and tags: 37 plays so far, the model learns from 200";
        RecoStatus none;
        none.state = RecoStatus::State::Baselines;
        QTest::newRow("no plays") << none << schedule(0)
                                  << "Suggestions: your newest tracks until you play some music";
        RecoStatus failed = ready(18233);
        failed.state = RecoStatus::State::Failed;
        failed.message = QStringLiteral("The checkpoint could not be written: the disk is full.");
        QTest::newRow("failed") << failed << schedule(60)
                                << "The checkpoint could not be written: the disk is full. · the "
                                   "model of 12:04 still serves";
        QTest::newRow("starting") << RecoStatus() << schedule(0)
                                  << "Recommendations: reading your listening history…";
    }

    void line() {
        QFETCH(RecoStatus, status);
        QFETCH(RetrainSchedule, schedule);
        QFETCH(QString, expected);
        QCOMPARE(ModelStatusText::line(status, schedule, nowMs()), expected);
    }

    void note_data() {
        QTest::addColumn<RecoStatus>("status");
        QTest::addColumn<QString>("expected");
        RecoStatus none;
        none.state = RecoStatus::State::Baselines;
        QTest::newRow("no plays") << none
                                  << "Play a few songs and suggestions will appear; until then: "
                                     "new in your library.";
        RecoStatus few = none;
        few.plays = 37;
        QTest::newRow("too few plays")
            << few
            << "Encore learns your taste from 200 plays (37 so far); until then: popular in your "
               "library and songs like the ones you play.";
        RecoStatus first;
        first.state = RecoStatus::State::Training;
        first.plays = 250;
        QTest::newRow("first training")
            << first
            << "Encore is learning your taste from your listening; until then: popular in your "
               "library.";
        RecoStatus reading;
        reading.plays = 250;
        QTest::newRow("starting")
            << reading
            << "Encore is reading your listening history; until then: popular in your library.";
        RecoStatus retraining = ready(18233);
        retraining.state = RecoStatus::State::Training;
        QTest::newRow("retraining: a model serves") << retraining << QString();
        RecoStatus failed = retraining;
        failed.state = RecoStatus::State::Failed;
        QTest::newRow("failed: the model serves") << failed << QString();
        QTest::newRow("ready") << ready(18233) << QString();
    }

    void note() {
        QFETCH(RecoStatus, status);
        QFETCH(QString, expected);
        QCOMPARE(ModelStatusText::note(status, schedule(0)), expected);
    }

    void detailsNameTheFigures() {
        RecoStatus s = ready(18233);
        s.epochs = 4;
        s.train_seconds = 12.5;
        s.loss = 3.25;
        s.evaluated_plays = 2000;
        const QString details = ModelStatusText::details(s);
        QVERIFY2(details.contains(QStringLiteral("trained on 18,233 plays in 12.5 s (4 epochs, "
                                                 "from scratch, loss 3.250)")),
                 qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("2,000 held-out recent plays: blend 0.310, "
                                                 "two-tower model 0.250, most played 0.120")),
                 qPrintable(details));
        QVERIFY(ModelStatusText::details(RecoStatus()).isEmpty());
    }
};

QTEST_MAIN(TestModelStatusText)
#include "tst_modelstatustext.moc"
