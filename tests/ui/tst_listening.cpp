// The listening log in the window, end to end (issue 5 with issue 3): filter, select and play
// past the threshold, then a skip, both found in the History page and in the plays table;
// incognito; imports from Settings with their report; deleting a range; profiles; the
// first-run wizard's import step. Real files, real engine, real SQLite, the clocked player.

#include "firstrunwizard.h"
#include "historytestsupport.h"
#include "pages/settingspage.h"
#include "playback/nowplayingbar.h"
#include "playback/playbackcontroller.h"
#include "settings/historysection.h"
#include "settings/profilessection.h"
#include "status/importreportdialog.h"
#include "status/importstatus.h"
#include "uitestsupport.h"
#include "windowfixture.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateEdit>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

using namespace encore;
using encore::test::App;
using encore::test::rowCenter;

class TestListening : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { settings_ = std::make_unique<test::IsolatedSettings>(); }
    void cleanup() { settings_.reset(); }

    // Issue 5 e2e: filter, select, play past the play threshold, then a skip; both reach the
    // History page and the plays table, through the play/skip rules and the writer thread.
    void logsPlaysAndSkipsAndShowsThemInHistory() {
        App app;
        QVERIFY(app.makeLongTrack());
        QVERIFY(app.engine.start().ok());
        QVERIFY(app.scan());
        app.open();
        MainWindow& w = *app.window;
        QTRY_VERIFY(w.isLibraryLoaded());
        QCOMPARE(app.model()->rowCount(), 7);
        w.showPage(MainWindow::History);
        QTRY_VERIFY(app.history()->hasLoaded() && !app.history()->isLoading());
        QVERIFY(!w.historyPage()->isShowingLog());  // the empty state says what will come
        w.showPage(MainWindow::Library);

        // Filter, select, double-click: "Angel" (60 s) plays; 35 s is past its threshold (30 s).
        QTest::keyClicks(w.libraryPage()->filterEdit(), QStringLiteral("angel"));
        QCOMPARE(app.model()->rowCount(), 1);
        QTableView* view = w.libraryPage()->view();
        view->selectRow(0);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rowCenter(view, 0));
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rowCenter(view, 0));
        QCOMPARE(w.playback()->current()->title, QStringLiteral("Angel"));
        app.advance(35000);
        w.playback()->stop();
        QTRY_COMPARE(app.loggedPlays(), QStringList{QStringLiteral("Angel|stopped|1|35000|60")});
        QTRY_COMPARE(app.history()->rowCount(), 1);
        QCOMPARE(app.history()->index(0, HistoryModel::Title).data().toString(),
                 QStringLiteral("Angel"));
        QCOMPARE(app.history()->index(0, HistoryModel::Outcome).data().toString(),
                 QStringLiteral("Played"));
        QCOMPARE(app.history()->index(0, HistoryModel::Source).data().toString(),
                 QStringLiteral("This computer"));
        QCOMPARE(app.history()->index(0, HistoryModel::Heard).data().toString(),
                 QStringLiteral("0:35"));
        QVERIFY(w.historyPage()->isShowingLog());
        QTRY_COMPARE(app.model()->index(0, LibraryModel::Plays).data().toInt(), 1);

        // A skip: the listener moves on after 10 s (> 5 s, > 5 s left, before the threshold).
        w.libraryPage()->filterEdit()->clear();
        QCOMPARE(app.model()->rowCount(), 7);
        app.clock->advance(60000);
        w.libraryPage()->playRow(app.rowOfTitle(QStringLiteral("Angel")));
        app.advance(10000);
        QApplication::setActiveWindow(&w);
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_Right, Qt::ControlModifier);
        QVERIFY(w.playback()->current()->title != QStringLiteral("Angel"));
        w.playback()->stop();  // nothing heard of the next one: not a listen
        QTRY_COMPARE(app.loggedPlays(), (QStringList{QStringLiteral("Angel|stopped|1|35000|60"),
                                                     QStringLiteral("Angel|skipped|0|10000|60")}));
        QTRY_COMPARE(app.history()->rowCount(), 2);
        QCOMPARE(app.history()->index(0, HistoryModel::Outcome).data().toString(),
                 QStringLiteral("Skipped"));
        QCOMPARE(app.history()->index(1, HistoryModel::Outcome).data().toString(),
                 QStringLiteral("Played"));
        QTRY_COMPARE(app.history()->totalCount(), qint64(2));
        QCOMPARE(w.historyPage()->summaryText(), QStringLiteral("2 listens, newest first"));
        // A skip is not a play: the Plays column still says 1.
        QCOMPARE(app.model()
                     ->index(app.rowOfTitle(QStringLiteral("Angel")), LibraryModel::Plays)
                     .data()
                     .toInt(),
                 1);
    }

    void incognitoLogsNothing() {
        App app;
        QVERIFY(app.engine.start().ok());
        QVERIFY(app.scan());
        app.open();
        MainWindow& w = *app.window;
        QTRY_VERIFY(w.isLibraryLoaded());
        QVERIFY(!w.nowPlaying()->showsIncognito());
        w.settingsPage()->incognitoBox()->click();
        QVERIFY(app.engine.incognito());
        QVERIFY(w.nowPlaying()->showsIncognito());

        w.libraryPage()->filterEdit()->setText(QStringLiteral("sour times"));
        w.libraryPage()->playRow(0);
        app.advance(1500);  // to the end of the 1 s clip: a full play, had it been logged
        QCOMPARE(w.playback()->state(), Player::State::Stopped);

        w.settingsPage()->incognitoBox()->click();
        QVERIFY(!w.nowPlaying()->showsIncognito());
        w.libraryPage()->filterEdit()->setText(QStringLiteral("mysterons"));
        w.libraryPage()->playRow(0);
        app.advance(1500);
        // The writer runs in order: once Mysterons is in, Sour Times would be too.
        QTRY_COMPARE(app.loggedPlays().size(), 1);
        QVERIFY2(app.loggedPlays().first().startsWith(QStringLiteral("Mysterons|finished|1|")),
                 qPrintable(app.loggedPlays().first()));
    }

    // Issue 10: without a sound device the stand-in plays to nobody. The player bar says so,
    // and nothing it "plays" is logged; the same window with a listener logs the same play.
    void silentPlaybackIsSaidAndNeverLogged() {
        App app;
        QVERIFY(app.engine.start().ok());
        QVERIFY(app.scan());
        app.open(ClockedPlayer::Audience::Nobody);
        MainWindow& w = *app.window;
        QTRY_VERIFY(w.isLibraryLoaded());
        QVERIFY(w.nowPlaying()->showsNoOutput());
        QCOMPARE(w.nowPlaying()->noOutputText(),
                 QStringLiteral("No sound output: nothing is being played"));
        QVERIFY(!w.playback()->player()->reachesOutput());

        w.libraryPage()->filterEdit()->setText(QStringLiteral("sour times"));
        w.libraryPage()->playRow(0);
        QCOMPARE(w.playback()->state(), Player::State::Playing);  // time runs: nothing blocks
        app.advance(1500);  // to the end of the 1 s clip: a full play, had anyone heard it
        QCOMPARE(w.playback()->state(), Player::State::Stopped);
        w.libraryPage()->filterEdit()->setText(QStringLiteral("mysterons"));
        w.libraryPage()->playRow(0);
        app.advance(1500);
        QCOMPARE(w.playback()->state(), Player::State::Stopped);

        // A listen that would have been logged is written by now: log one through the writer
        // and find it alone (the writer runs in order).
        Play sentinel;
        sentinel.track_id = app.trackIdOf(QStringLiteral("Strangers"));
        QVERIFY(sentinel.track_id > 0);
        sentinel.started_at = app.clock->nowMs() / 1000;
        sentinel.ms_played = 1000;
        sentinel.duration_ms = 1000;
        sentinel.counted = true;
        app.engine.logListen(sentinel);
        QTRY_COMPARE(app.loggedPlays().size(), 1);
        QVERIFY2(app.loggedPlays().first().startsWith(QStringLiteral("Strangers|")),
                 qPrintable(app.loggedPlays().first()));
    }

    void importFromSettingsShowsInHistoryWithAReport() {
        App app;
        QVERIFY(app.engine.start().ok());
        QVERIFY(app.scan());
        app.open();
        MainWindow& w = *app.window;
        QTRY_VERIFY(w.isLibraryLoaded());
        const QDateTime end(QDate(2024, 5, 1), QTime(18, 30), Qt::UTC);
        const QString json = test::writeFixture(
            app.temp.dir.filePath(QStringLiteral("export/StreamingHistory0.json")),
            test::spotifyHistory({{QStringLiteral("Portishead"), QStringLiteral("Mysterons")},
                                  {QStringLiteral("Portishead"), QStringLiteral("Mysterons")},
                                  {QStringLiteral("Nobody Here"), QStringLiteral("Nowhere")}},
                                 3, end));
        const QString zip = test::writeZip(
            app.temp.dir.filePath(QStringLiteral("my_spotify_data.zip")),
            {{QStringLiteral("MyData/StreamingHistory1.json"),
              test::spotifyHistory(
                  {{QStringLiteral("Frédéric Chopin"), QStringLiteral("Nocturne in B major")}}, 1,
                  end.addDays(1))}});
        w.showPage(MainWindow::History);
        Q_EMIT w.settingsPage()->history()->importRequested({json, zip});

        ImportReportDialog* report = nullptr;
        QTRY_VERIFY((report = w.findChild<ImportReportDialog*>()) && report->isVisible());
        QCOMPARE(report->list()->topLevelItemCount(), 2);
        QTreeWidgetItem* first = report->list()->topLevelItem(0);
        QCOMPARE(first->text(ImportReportDialog::File), QStringLiteral("StreamingHistory0.json"));
        QCOMPARE(first->text(ImportReportDialog::Matched), QStringLiteral("2"));
        QCOMPARE(first->text(ImportReportDialog::Unmatched), QStringLiteral("1"));
        QCOMPARE(first->text(ImportReportDialog::Duplicates), QStringLiteral("0"));
        QCOMPARE(report->list()->topLevelItem(1)->text(ImportReportDialog::Matched),
                 QStringLiteral("1"));
        QCOMPARE(
            w.importStatus()->text(),
            QStringLiteral("History imported: 4 listens added to default's history (4 plays)"));
        // The status bar shows a few words that fit; the whole line is its tooltip.
        QCOMPARE(w.importStatus()->shownText(), QStringLiteral("Imported 4 listens"));
        QVERIFY2(!report->summaryText().contains(QStringLiteral("already")),
                 qPrintable(report->summaryText()));  // a first import: nothing was there
        report->close();

        QTRY_COMPARE(app.history()->rowCount(), 4);
        QCOMPARE(app.history()->index(0, HistoryModel::Source).data().toString(),
                 QStringLiteral("Spotify · StreamingHistory1.json"));
        QCOMPARE(app.history()->index(0, HistoryModel::Title).data().toString(),
                 QStringLiteral("Nocturne in B major"));
        QTRY_COMPARE(app.model()
                         ->index(app.rowOfTitle(QStringLiteral("Mysterons")), LibraryModel::Plays)
                         .data()
                         .toInt(),
                     2);

        // The same export again adds nothing, and says so.
        Q_EMIT w.settingsPage()->history()->importRequested({json});
        QTRY_VERIFY(
            w.importStatus()->text().startsWith(QStringLiteral("History import: nothing new")));
        QVERIFY(w.importStatus()->text().contains(QStringLiteral("3 already there")));

        // A broken file: the message names it, details on request.
        const QString broken = test::writeFixture(
            app.temp.dir.filePath(QStringLiteral("StreamingHistory9.json")), "[{\"endTime\": 3");
        Q_EMIT w.settingsPage()->history()->importRequested({broken});
        QTRY_VERIFY(
            w.importStatus()->text().contains(QStringLiteral("1 file could not be imported")));
        QVERIFY(w.importStatus()->detailsButton()->isVisibleTo(&w));
    }

    // Issue 10: with several profiles the import asks whose history it is, and its report adds
    // up with what History holds: listens added = plays + skipped or short listens.
    void importAsksWhoseHistoryAndItsReportAddsUp() {
        App app;
        QVERIFY(app.engine.start().ok());
        QVERIFY(app.scan());
        QSignalSpy profiles(&app.engine, &Engine::profilesChanged);
        app.engine.addProfile(QStringLiteral("Ben"));
        QTRY_COMPARE(app.engine.profiles().size(), 2);
        app.open();
        MainWindow& w = *app.window;
        QTRY_VERIFY(w.isLibraryLoaded());
        const QDateTime end(QDate(2024, 5, 1), QTime(18, 30), Qt::UTC);
        const QString played = test::writeFixture(
            app.temp.dir.filePath(QStringLiteral("StreamingHistory0.json")),
            test::spotifyHistory({{QStringLiteral("Portishead"), QStringLiteral("Mysterons")},
                                  {QStringLiteral("Nobody Here"), QStringLiteral("Nowhere")}},
                                 3, end));
        const QString skipped = test::writeFixture(
            app.temp.dir.filePath(QStringLiteral("StreamingHistory1.json")),
            test::spotifyHistory({{QStringLiteral("Nobody Here"), QStringLiteral("Nowhere")}}, 2,
                                 end.addDays(1), 2000));
        Q_EMIT w.settingsPage()->history()->importRequested({played, skipped});

        QInputDialog* ask = nullptr;
        QTRY_VERIFY((ask = w.findChild<QInputDialog*>(QStringLiteral("importProfileDialog"))) &&
                    ask->isVisible());
        QVERIFY(!app.engine.isImporting());  // nothing starts before the answer
        ask->setTextValue(QStringLiteral("Ben"));
        ask->accept();

        ImportReportDialog* report = nullptr;
        QTRY_VERIFY((report = w.findChild<ImportReportDialog*>()) && report->isVisible());
        QCOMPARE(w.importStatus()->text(),
                 QStringLiteral("History imported: 5 listens added to Ben's history (3 plays and "
                                "2 skipped or short listens)"));
        QVERIFY2(report->summaryText().startsWith(
                     QStringLiteral("5 listens added to Ben's history: 3 plays and 2 skipped or "
                                    "short listens. 2 of songs in your library, 3 of songs")),
                 qPrintable(report->summaryText()));
        report->close();

        // What History and Dashboards count, from the log itself.
        ProfileId ben = 0, mine = 0;
        for (const Profile& p : app.engine.profiles())
            (p.name == QLatin1String("Ben") ? ben : mine) = p.id;
        QVERIFY(ben > 0 && mine > 0);
        auto listens = [&](ProfileId profile) {
            QFuture<Result<qint64>> n = app.engine.countListens(profile);
            n.waitForFinished();
            return n.result().value();
        };
        QCOMPARE(listens(ben), qint64(5));
        QCOMPARE(listens(mine), qint64(0));
        ScopedConnection c(app.temp.database, QStringLiteral("test-counted"));
        QSqlQuery q(c.db());
        q.prepare(
            QStringLiteral("SELECT count(*) FROM plays WHERE profile_id = ? AND counted = 1"));
        q.addBindValue(ben);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toLongLong(), qint64(3));

        // Again: nothing new, and now "already there" is said.
        Q_EMIT w.settingsPage()->history()->importRequested({played, skipped});
        QTRY_VERIFY((ask = w.findChild<QInputDialog*>(QStringLiteral("importProfileDialog"))) &&
                    ask->isVisible());
        ask->setTextValue(QStringLiteral("Ben"));
        ask->accept();
        QTRY_COMPARE(w.importStatus()->text(),
                     QStringLiteral("History import: nothing new · 5 already there"));
    }

    void settingsDeleteARangeAndManageProfiles() {
        App app;
        QVERIFY(app.engine.start().ok());
        QVERIFY(app.scan());
        app.open();
        MainWindow& w = *app.window;
        QTRY_VERIFY(w.isLibraryLoaded());
        w.showPage(MainWindow::Settings);
        for (const QString& title : {QStringLiteral("Mysterons"), QStringLiteral("Strangers")}) {
            w.libraryPage()->playRow(app.rowOfTitle(title));
            app.advance(1500);
        }
        QTRY_COMPARE(app.loggedPlays().size(), 2);

        HistorySection* history = w.settingsPage()->history();
        const QDate today = QDateTime::fromMSecsSinceEpoch(app.clock->nowMs()).date();
        history->setRange(today.addDays(-1), today);
        QTRY_COMPARE(history->rangeCount(), qint64(2));
        QVERIFY(history->rangeCountText().startsWith(QStringLiteral("2 listens of default")));
        QMessageBox* confirm = history->requestDelete();
        QVERIFY(confirm);
        QVERIFY(confirm->text().startsWith(QStringLiteral("Delete 2 listens of default")));
        QAbstractButton* remove = nullptr;
        for (QAbstractButton* b : confirm->buttons())
            if (b->text() == QStringLiteral("Delete"))
                remove = b;
        QVERIFY(remove);
        remove->click();
        QTRY_VERIFY(app.loggedPlays().isEmpty());
        QTRY_COMPARE(history->rangeCount(), qint64(0));
        QVERIFY(!history->deleteButton()->isEnabled());

        ProfilesSection* profiles = w.settingsPage()->profiles();
        QCOMPARE(profiles->list()->count(), 1);
        profiles->requestAdd();
        QInputDialog* ask = nullptr;
        QTRY_VERIFY((ask = profiles->findChild<QInputDialog*>()) && ask->isVisible());
        ask->setTextValue(QStringLiteral("Ana"));
        ask->accept();
        QTRY_COMPARE(profiles->list()->count(), 2);
        profiles->select(QStringLiteral("Ana"));
        QVERIFY(profiles->useButton()->isEnabled());
        profiles->useButton()->click();
        QTRY_COMPARE(app.engine.activeProfile().name, QStringLiteral("Ana"));
        QVERIFY(!profiles->removeButton()->isEnabled());  // the active one cannot go
        w.libraryPage()->playRow(app.rowOfTitle(QStringLiteral("Mysterons")));
        app.advance(1500);
        QTRY_COMPARE(app.loggedPlays().size(), 1);
        w.showPage(MainWindow::History);
        QTRY_COMPARE(app.history()->rowCount(), 1);
        QTRY_COMPARE(w.historyPage()->summaryText(),
                     QStringLiteral("1 listen by Ana, newest first"));

        profiles->select(QStringLiteral("default"));
        QMessageBox* sure = profiles->requestRemove(QStringLiteral("default"));
        for (QAbstractButton* b : sure->buttons())
            if (b->text() == QStringLiteral("Remove"))
                b->click();
        QTRY_COMPARE(profiles->list()->count(), 1);
        QCOMPARE(app.engine.profiles().first().name, QStringLiteral("Ana"));
        QCOMPARE(app.loggedPlays().size(), 1);  // Ana's listen stays
    }

    void firstRunScansThenImportsTheChosenHistory() {
        App app;
        QVERIFY(app.engine.start().ok());
        app.open();
        MainWindow& w = *app.window;
        const QString json = test::writeFixture(
            app.temp.dir.filePath(QStringLiteral("StreamingHistory0.json")),
            test::spotifyHistory({{QStringLiteral("Portishead"), QStringLiteral("Sour Times")}}, 2,
                                 QDateTime(QDate(2024, 5, 1), QTime(18, 30), Qt::UTC)));
        w.offerFirstRun();
        FirstRunWizard* wizard = nullptr;
        QTRY_VERIFY((wizard = w.findChild<FirstRunWizard*>()) && wizard->isVisible());
        wizard->setFolders({app.music.path()});
        wizard->setHistoryPaths({json});
        QCOMPARE(wizard->historyList()->count(), 1);
        wizard->accept();
        // The scan first, so the listens find their song; then the import and its report.
        ImportReportDialog* report = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((report = w.findChild<ImportReportDialog*>()) != nullptr, 30000);
        QCOMPARE(report->list()->topLevelItem(0)->text(ImportReportDialog::Matched),
                 QStringLiteral("2"));
        QTRY_COMPARE(app.model()->rowCount(), 6);
        QTRY_COMPARE(app.model()
                         ->index(app.rowOfTitle(QStringLiteral("Sour Times")), LibraryModel::Plays)
                         .data()
                         .toInt(),
                     2);
    }

private:
    std::unique_ptr<test::IsolatedSettings> settings_;
};

QTEST_MAIN(TestListening)
#include "tst_listening.moc"
