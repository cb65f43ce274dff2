// The recommender in the window, end to end (issue 5 with issue 4): the real engine and its
// RecoService (settings shrunk so that it trains in a second), a real fixture library, the
// clocked player. Filter, select a track and see its similar songs with reasons; play past the
// threshold and find the play in History and the database; once a trained model is published
// Up Next shows recommendations with reasons, "not for me" takes a row out and writes the
// feedback table, and autoplay goes on from Up Next when the list runs out.

#include "dashboards/dashboardspage.h"
#include "pages/upnextpage.h"
#include "playback/playbackcontroller.h"
#include "reco/publishedmodel.h"
#include "reco/recoservice.h"
#include "status/modelstatus.h"
#include "suggest/similarpanel.h"
#include "suggest/suggestionlist.h"
#include "suggest/suggestionmodel.h"
#include "uitestsupport.h"
#include "windowfixture.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QtTest>

using namespace encore;
using encore::test::App;
using encore::test::rowCenter;

namespace {

constexpr int kTrainTimeoutMs = 60000;
constexpr int kPlaysForModel = 20;
constexpr qint64 kHour = 3600;

// Small and quick: a model from 20 plays, retrained after 20 more, no checkpoint file.
RecoSettings quickSettings() {
    RecoSettings s;
    s.min_plays_for_model = kPlaysForModel;
    s.retrain_after_plays = kPlaysForModel;
    s.cold_epochs = 3;
    s.warm_epochs = 1;
    s.status_eval_plays = 200;
    s.start_delay_ms = 0;
    return s;
}

// Listens of the fixture's tracks, hours ago (the last hour's plays are never recommended).
void logPastListens(App& app, int count) {
    const qint64 now = app.clock->nowMs() / 1000;
    LibraryModel* model = app.model();
    for (int i = 0; i < count; ++i) {
        Play p;
        p.track_id = model->trackIdAt(i % model->rowCount());
        p.started_at = now - 3 * kHour - qint64(count - i) * 240;
        p.utc_offset_minutes = test::kUtcOffsetMinutes;
        p.duration_ms = 200000;
        p.ms_played = 200000;
        p.end_reason = EndReason::Finished;
        p.counted = true;
        app.engine.logListen(p);
    }
}

QStringList feedbackRows(const Database& database) {
    ScopedConnection c(database, QStringLiteral("test-feedback"));
    QSqlQuery q(c.db());
    q.exec(QStringLiteral("SELECT track_id, kind FROM feedback ORDER BY id"));
    QStringList rows;
    while (q.next())
        rows << QStringLiteral("%1|%2").arg(q.value(0).toString(), q.value(1).toString());
    return rows;
}

QPoint textPoint(SuggestionList* list, int row) {
    return list->visualRect(list->suggestionModel()->index(row, 0)).topLeft() + QPoint(12, 10);
}

}  // namespace

class TestRecommendations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { settings_ = std::make_unique<test::IsolatedSettings>(); }
    void cleanup() { settings_.reset(); }

    void similarSongsPlaysAndUpNextFromTheRecommender() {
        App app;
        QVERIFY(app.makeLongTrack());
        app.engine.setRecoSettings(quickSettings());
        QVERIFY(app.engine.start().ok());
        RecoService* reco = app.engine.recommender();
        QVERIFY(reco);
        QVERIFY(app.scan());
        app.open();
        MainWindow& w = *app.window;
        QTRY_VERIFY(w.isLibraryLoaded());
        QCOMPARE(app.model()->rowCount(), 7);
        QVERIFY(qobject_cast<dashboards::DashboardsPage*>(w.dashboardsPage()));
        // No plays yet: play counts and tags suggest; the status bar says so. The scanned
        // tracks join the served model when the trainer re-indexes after the scan.
        QTRY_VERIFY_WITH_TIMEOUT(
            reco->publishedModel() && reco->publishedModel()->tracks.size() == 7, kTrainTimeoutMs);
        QTRY_COMPARE(reco->status().state, RecoStatus::State::Baselines);
        QTRY_COMPARE(w.modelStatus()->text(),
                     QStringLiteral("Suggestions: your newest tracks until you play some music"));

        // Filter, select: "Similar to" the selected track, each row with its reason.
        QTest::keyClicks(w.libraryPage()->filterEdit(), QStringLiteral("nocturne"));
        QCOMPARE(app.model()->rowCount(), 3);
        SimilarPanel* similar = w.similarPanel();
        QVERIFY(similar && similar->isVisible());
        QSignalSpy updated(similar, &SimilarPanel::updated);
        w.libraryPage()->view()->selectRow(app.rowOfTitle(QStringLiteral("Nocturne in E-flat")));
        QVERIFY(updated.wait(5000));
        QCOMPARE(similar->headingText(), QStringLiteral("Similar to “Nocturne in E-flat”"));
        SuggestionList* similarList = similar->list();
        QVERIFY2(similarList->count() >= 2, qPrintable(similar->noteText()));
        int nocturnes = 0;
        for (const Suggestion& s : similarList->suggestions()) {
            QVERIFY2(!s.reason.isEmpty(), qPrintable(s.title));
            QVERIFY(s.title != QStringLiteral("Nocturne in E-flat"));
            if (s.title.startsWith(QStringLiteral("Nocturne"))) {
                ++nocturnes;
                QCOMPARE(s.reason, QStringLiteral("by the same artist as Nocturne in E-flat"));
            }
        }
        QCOMPARE(nocturnes, 2);
        // Double-click plays the list from there.
        const TrackId picked = similarList->suggestions().at(1).track_id;
        QTest::mouseClick(similarList->viewport(), Qt::LeftButton, {}, textPoint(similarList, 1));
        QTest::mouseDClick(similarList->viewport(), Qt::LeftButton, {}, textPoint(similarList, 1));
        QVERIFY(w.playback()->current());
        QCOMPARE(w.playback()->current()->id, picked);
        w.playback()->stop();  // nothing heard: not a listen

        // Play "Angel" (60 s) past its threshold (30 s): in History and in the plays table.
        w.libraryPage()->filterEdit()->setText(QStringLiteral("angel"));
        QCOMPARE(app.model()->rowCount(), 1);
        QTableView* view = w.libraryPage()->view();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rowCenter(view, 0));
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rowCenter(view, 0));
        QCOMPARE(w.playback()->current()->title, QStringLiteral("Angel"));
        app.advance(35000);
        w.playback()->stop();
        QTRY_COMPARE(app.loggedPlays(), QStringList{QStringLiteral("Angel|stopped|1|35000|60")});
        w.showPage(MainWindow::History);
        QTRY_COMPARE(app.history()->rowCount(), 1);
        QCOMPARE(app.history()->index(0, HistoryModel::Title).data().toString(),
                 QStringLiteral("Angel"));
        QCOMPARE(app.history()->index(0, HistoryModel::Outcome).data().toString(),
                 QStringLiteral("Played"));

        // Enough listens to learn from: the trainer retrains by itself and publishes a model;
        // Up Next fills with its recommendations, each with a reason.
        w.libraryPage()->filterEdit()->clear();
        w.showPage(MainWindow::UpNext);
        UpNextPage* upNext = w.upNextPage();
        logPastListens(app, kPlaysForModel + 4);
        QTRY_VERIFY_WITH_TIMEOUT(
            reco->status().state == RecoStatus::State::Ready && reco->status().trained_at > 0,
            kTrainTimeoutMs);
        QTRY_VERIFY2(
            w.modelStatus()->text().startsWith(QStringLiteral("Suggestions learned from ")),
            qPrintable(w.modelStatus()->text()));
        QVERIFY(w.modelStatus()->text().contains(QStringLiteral(" of your plays, ")));
        // The status bar shows the first clause only; the rest is in the tooltip.
        const QString face = w.modelStatus()->shownText();
        QVERIFY2(w.modelStatus()->text().startsWith(face) && !face.contains(QStringLiteral("; ")),
                 qPrintable(face));
        QVERIFY2(w.modelStatus()->detailsText().contains(QStringLiteral("HR@10 of this model")),
                 qPrintable(w.modelStatus()->detailsText()));
        SuggestionList* list = upNext->suggestionList();
        QTRY_VERIFY(list->count() > 0 && list->isVisible());
        QVERIFY(upNext->providerNote()->isHidden());  // a trained model: no stand-in note
        for (const Suggestion& s : list->suggestions()) {
            QVERIFY2(!s.reason.isEmpty(), qPrintable(s.title));
            QVERIFY2(s.title != QStringLiteral("Angel"), "played in the last hour");
        }

        // "Not for me": the row goes at once, the feedback table has it, the next list
        // leaves it out.
        const int before = list->count();
        const TrackId rejected = list->suggestions().at(0).track_id;
        QSignalSpy shown(upNext, &UpNextPage::suggestionsShown);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->actionRect(0, SuggestionList::Action::NotForMe).center());
        QCOMPARE(list->count(), before - 1);
        QCOMPARE(list->suggestionModel()->rowOf(rejected), -1);
        QTRY_COMPARE(feedbackRows(app.temp.database),
                     QStringList{QStringLiteral("%1|not_for_me").arg(rejected)});
        QTRY_VERIFY(!shown.isEmpty());  // asked again once stored
        QCOMPARE(list->suggestionModel()->rowOf(rejected), -1);

        // Autoplay: a one-track list runs out and playback goes on with Up Next's first pick.
        upNext->autoplayBox()->setChecked(true);
        w.libraryPage()->filterEdit()->setText(QStringLiteral("mysterons"));
        QCOMPARE(app.model()->rowCount(), 1);
        shown.clear();
        w.libraryPage()->playRow(0);
        const TrackId mysterons = w.playback()->current()->id;
        QTRY_VERIFY(!shown.isEmpty());  // the list for the new track
        const std::optional<TrackId> next = upNext->autoplayPick(mysterons);
        QVERIFY(next.has_value());
        QVERIFY(*next != rejected);
        app.advance(1500);  // past the 1 s clip
        QVERIFY(w.playback()->current());
        QCOMPARE(w.playback()->current()->id, *next);
        QCOMPARE(w.playback()->state(), Player::State::Playing);
        w.playback()->stop();
    }

    void retrainNowFromTheStatusBar() {
        App app;
        app.engine.setRecoSettings(quickSettings());
        QVERIFY(app.engine.start().ok());
        QVERIFY(app.scan());
        app.open();
        QTRY_VERIFY(app.window->isLibraryLoaded());
        RecoService* reco = app.engine.recommender();
        QTRY_VERIFY_WITH_TIMEOUT(
            reco->publishedModel() && reco->publishedModel()->tracks.size() == 6, kTrainTimeoutMs);
        // Enough listens: the trainer retrains by itself, and what it learnt is no longer new.
        logPastListens(app, kPlaysForModel);
        QTRY_VERIFY_WITH_TIMEOUT(reco->status().state == RecoStatus::State::Ready, kTrainTimeoutMs);
        QVERIFY(reco->status().trained_at > 0);
        QCOMPARE(app.engine.retrainSchedule().new_listens, 0);
        QVERIFY2(app.window->modelStatus()->detailsText().endsWith(
                     QStringLiteral("Next retraining: after new plays")),
                 qPrintable(app.window->modelStatus()->detailsText()));
        // Nothing new: only "Retrain now" trains again.
        QSignalSpy statuses(reco, &RecoService::statusChanged);
        app.window->modelStatus()->retrainButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(statuses.count() >= 2 && !reco->status().training(),
                                 kTrainTimeoutMs);
        QCOMPARE(statuses.first().at(0).value<RecoStatus>().state, RecoStatus::State::Training);
        QCOMPARE(reco->status().state, RecoStatus::State::Ready);
        QCOMPARE(reco->status().epochs, quickSettings().cold_epochs);  // no checkpoint: cold
        QCOMPARE(app.window->modelStatus()->retrainButton()->text(), QStringLiteral("Retrain now"));
    }

private:
    std::unique_ptr<test::IsolatedSettings> settings_;
};

QTEST_MAIN(TestRecommendations)
#include "tst_recommendations.moc"
