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

// A serving blend that learned from `plays` of the log's plays (the rest were held out).
RecoStatus ready(qint64 plays) {
    RecoStatus s;
    s.state = RecoStatus::State::Ready;
    s.method = QStringLiteral("blend");
    s.trained_at = trainedAt();
    s.plays = plays;
    s.log_plays = plays + plays / 9;
    s.hr10_blend = 0.31;
    s.hr10_model = 0.25;
    s.hr10_popular = 0.07;
    s.evaluated_plays = 1000;
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

        // The example: the serving model's own figures, in words.
        QTest::newRow("ready, blend serves")
            << ready(16624) << schedule(3)
            << "Suggestions learned from 16,624 of your plays, 12:04; they find your next song "
               "4.4x as often as 'most played'";
        RecoStatus ten = ready(16624);
        ten.hr10_popular = 0.0155;
        QTest::newRow("ten times or more: whole numbers")
            << ten << schedule(0)
            << "Suggestions learned from 16,624 of your plays, 12:04; they find your next song "
               "20x as often as 'most played'";
        RecoStatus model = ready(1);
        model.method = QStringLiteral("two_tower");
        model.hr10_model = 0.24;
        model.hr10_popular = 0.12;
        QTest::newRow("model serves: its own figure, a whole ratio")
            << model << schedule(0)
            << "Suggestions learned from 1 of your plays, 12:04; they find your next song 2x as "
               "often as 'most played'";
        RecoStatus same = ready(300);
        same.hr10_blend = 0.13;
        same.hr10_popular = 0.12;
        QTest::newRow("about the same")
            << same << schedule(0)
            << "Suggestions learned from 300 of your plays, 12:04; they find your next song about "
               "as often as 'most played'";
        RecoStatus worse = ready(300);
        worse.hr10_blend = 0.05;
        worse.hr10_popular = 0.12;
        QTest::newRow("worse than most played is said")
            << worse << schedule(0)
            << "Suggestions learned from 300 of your plays, 12:04; 'most played' finds your next "
               "song more often for now";
        RecoStatus never = ready(300);
        never.hr10_popular = 0;
        QTest::newRow("most played never finds it")
            << never << schedule(0)
            << "Suggestions learned from 300 of your plays, 12:04; they find your next song among "
               "their first 10 for 31% of your plays";
        RecoStatus few_measured = ready(300);
        few_measured.evaluated_plays = 12;
        QTest::newRow("too few held-out plays for a claim")
            << few_measured << schedule(0)
            << "Suggestions learned from 300 of your plays, 12:04; too few recent plays yet to "
               "tell how well they do";
        RecoStatus unmeasured = ready(300);
        unmeasured.hr10_blend = unmeasured.hr10_model = unmeasured.hr10_popular = -1;
        QTest::newRow("unmeasured")
            << unmeasured << schedule(50) << "Suggestions learned from 300 of your plays, 12:04";
        RecoStatus old = ready(300);
        old.trained_at = trainedAt() - 24 * 3600;
        old.hr10_blend = old.hr10_model = old.hr10_popular = -1;
        QTest::newRow("trained yesterday")
            << old << schedule(1)
            << QStringLiteral("Suggestions learned from 300 of your plays, %1 12:04")
                   .arg(QLocale().toString(QDate(2024, 3, 4), QLocale::ShortFormat));

        // While training, the log's count, never the previous model's (or none: "0 plays").
        RecoStatus retraining = ready(18233);
        retraining.state = RecoStatus::State::Training;
        retraining.log_plays = 33012;
        QTest::newRow("retraining") << retraining << schedule(60)
                                    << "Learning from your 33,012 plays… · the suggestions of "
                                       "12:04 serve meanwhile";
        RecoStatus first;
        first.state = RecoStatus::State::Training;
        first.log_plays = 33012;
        QTest::newRow("first training after an import")
            << first << schedule(0)
            << "Learning from your 33,012 plays… · play counts and tags suggest meanwhile";
        RecoStatus few;
        few.state = RecoStatus::State::Baselines;
        few.plays = 37;
        few.log_plays = 37;
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
                                   "suggestions of 12:04 still serve";
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
        few.log_plays = 37;
        QTest::newRow("too few plays")
            << few
            << "Encore learns your taste from 200 plays (37 so far); until then: popular in your "
               "library and songs like the ones you play.";
        RecoStatus first;
        first.state = RecoStatus::State::Training;
        first.log_plays = 250;
        QTest::newRow("first training")
            << first
            << "Encore is learning your taste from your listening; until then: popular in your "
               "library.";
        RecoStatus reading;
        reading.log_plays = 250;
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
        s.validation_plays = 1900;
        const QString details = ModelStatusText::details(s, schedule(3), nowMs());
        QVERIFY2(details.contains(QStringLiteral("trained 12:04 on 18,233 plays of the 20,258 "
                                                 "plays in the log in 12.5 s (4 epochs, from "
                                                 "scratch, loss 3.250)")),
                 qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("HR@10 of this model on 2,000 of your newest "
                                                 "plays it did not learn from: blend 0.310, "
                                                 "two-tower model 0.250, most played 0.070")),
                 qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("tuned on 1,900 other held-out plays")),
                 qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("Next retraining: in 14 min")),
                 qPrintable(details));
        QVERIFY(ModelStatusText::details(RecoStatus(), schedule(0), nowMs()).isEmpty());
    }
};

QTEST_MAIN(TestModelStatusText)
#include "tst_modelstatustext.moc"
