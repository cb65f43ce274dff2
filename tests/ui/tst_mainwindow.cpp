// The window on a real fixture library: filter, browse, play, queue, scan problems, the
// remembered layout and settings, and every page's empty state. The listening log in the
// window (plays, skips, incognito, imports, settings) is tst_listening.

#include "browse/browsermodel.h"
#include "pages/settingspage.h"
#include "pages/upnextpage.h"
#include "playback/nowplayingbar.h"
#include "playback/playbackcontroller.h"
#include "playback/playqueue.h"
#include "settings/loudnesssection.h"
#include "status/scanproblemsdialog.h"
#include "status/scanstatus.h"
#include "status/statusmessages.h"
#include "uitestsupport.h"
#include "windowfixture.h"

#include <QApplication>
#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

using namespace encore;
using encore::test::App;
using encore::test::rowCenter;
using encore::test::storedIncognito;

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { settings_ = std::make_unique<test::IsolatedSettings>(); }
    void cleanup() { settings_.reset(); }

    void filtersSelectsAndPlays() {
        App app;
        QVERIFY(app.engine.start().ok());
        QVERIFY(app.scan());
        app.open();
        MainWindow& w = *app.window;
        QTRY_VERIFY(w.isLibraryLoaded());
        QCOMPARE(app.model()->rowCount(), 6);
        QCOMPARE(w.currentPage(), MainWindow::Library);
        QCOMPARE(w.nowPlaying()->titleText(), QStringLiteral("Nothing playing"));

        // Ctrl+F from another page brings the filter back.
        QApplication::setActiveWindow(&w);
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.showPage(MainWindow::Settings);
        QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(w.currentPage(), MainWindow::Library);
        QLineEdit* filter = w.libraryPage()->filterEdit();
        QVERIFY(filter->hasFocus());
        QTest::keyClicks(filter, QStringLiteral("sour"));
        QCOMPARE(app.model()->rowCount(), 1);

        QTableView* view = w.libraryPage()->view();
        view->selectRow(0);
        QCOMPARE(w.libraryPage()->selectedTrackIds().size(), 1);
        const TrackId sourTimes = app.model()->trackIdAt(0);
        QStringList events;
        QObject context;
        ListeningEvents* e = w.playback()->events();
        connect(e, &ListeningEvents::started, &context,
                [&events](TrackId id) { events << QStringLiteral("started %1").arg(id); });
        connect(e, &ListeningEvents::ended, &context,
                [&events] { events << QStringLiteral("ended"); });
        connect(e, &ListeningEvents::paused, &context,
                [&events] { events << QStringLiteral("paused"); });
        connect(e, &ListeningEvents::resumed, &context,
                [&events] { events << QStringLiteral("resumed"); });

        // A double-click is a press and release, then the double-click press.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rowCenter(view, 0));
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rowCenter(view, 0));
        QVERIFY(w.playback()->current());
        QCOMPARE(w.playback()->current()->id, sourTimes);
        QCOMPARE(w.nowPlaying()->titleText(), QStringLiteral("Sour Times"));
        QCOMPARE(w.nowPlaying()->detailText(), QStringLiteral("Portishead — Dummy"));
        QTRY_VERIFY(w.nowPlaying()->hasCover());  // cover.jpg of the album folder
        QVERIFY(w.windowTitle().startsWith(QStringLiteral("Sour Times")));
        QVERIFY(
            app.model()->index(0, LibraryModel::Title).data(Qt::FontRole).value<QFont>().bold());

        // Space pauses and resumes (the table has focus, the shortcut still works).
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Space);
        QCOMPARE(w.playback()->state(), Player::State::Paused);
        QTest::keyClick(view, Qt::Key_Space);
        QCOMPARE(w.playback()->state(), Player::State::Playing);

        app.advance(600);
        QCOMPARE(w.nowPlaying()->elapsedText(), QStringLiteral("0:00"));
        app.advance(600);  // past the 1 s clip: a full listen
        QCOMPARE(events,
                 QStringList({QStringLiteral("started %1").arg(sourTimes), QStringLiteral("paused"),
                              QStringLiteral("resumed"), QStringLiteral("ended")}));
        QCOMPARE(w.playback()->state(), Player::State::Stopped);  // the filtered list had one
    }

    void browsesAndQueuesAndMovesOnFromAMissingFile() {
        App app;
        QVERIFY(app.engine.start().ok());
        QVERIFY(app.scan());
        app.open();
        MainWindow& w = *app.window;
        QTRY_VERIFY(w.isLibraryLoaded());
        LibraryPage* page = w.libraryPage();
        QCOMPARE(page->genres()->rowCount(), 3);  // All, Classical, Trip Hop
        page->genreList()->setCurrentIndex(page->genres()->index(1));
        QCOMPARE(app.model()->rowCount(), 3);
        QCOMPARE(app.model()->index(0, LibraryModel::Artist).data().toString(),
                 QStringLiteral("Frédéric Chopin"));

        // The second nocturne vanishes from disk after the scan.
        QVERIFY(QFile::remove(app.music.filePath(QStringLiteral("Chopin/Nocturnes/02.flac"))));
        page->playRow(0);
        app.advance(1100);
        QTRY_COMPARE(w.playback()->current()->title, QStringLiteral("Nocturne in B major"));
        QVERIFY(w.statusMessages()->text().contains(QStringLiteral("02.flac is gone")));

        // Queue from the library; Up Next lists it; Ctrl+Right plays it.
        page->genreList()->setCurrentIndex(page->genres()->index(0));
        int mysterons = -1;
        for (int row = 0; row < app.model()->rowCount(); ++row) {
            if (app.model()->index(row, LibraryModel::Title).data() == QStringLiteral("Mysterons"))
                mysterons = row;
        }
        QVERIFY(mysterons >= 0);
        const TrackId queued = app.model()->trackIdAt(mysterons);
        Q_EMIT page->enqueueRequested({queued}, false);
        QCOMPARE(w.playback()->queue()->size(), 1);
        QCOMPARE(w.upNextPage()->queueView()->model()->rowCount(), 1);
        QApplication::setActiveWindow(&w);
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_Right, Qt::ControlModifier);
        QCOMPARE(w.playback()->current()->id, queued);
        QVERIFY(w.playback()->queue()->isEmpty());
    }

    void reportsScanProblemsWithDetails() {
        App app;
        QVERIFY(test::writeBytes(app.music.filePath(QStringLiteral("Broken/bad.flac")),
                                 QByteArray(5000, '\x07')));
        QVERIFY(app.engine.start().ok());
        app.open();
        QVERIFY(app.scan());
        ScanStatus* status = app.window->scanStatus();
        QVERIFY2(status->text().startsWith(QStringLiteral("Scan finished: 6 added")),
                 qPrintable(status->text()));
        QVERIFY(status->text().contains(QStringLiteral("1 files could not be read")));
        QVERIFY(status->detailsButton()->isVisibleTo(app.window.get()));
        QVERIFY(!status->progressBar()->isVisibleTo(app.window.get()));
        status->showDetails();
        auto* dialog = app.window->findChild<ScanProblemsDialog*>();
        QVERIFY(dialog);
        QCOMPARE(dialog->list()->topLevelItemCount(), 1);
        QVERIFY(dialog->list()->topLevelItem(0)->text(0).endsWith(QStringLiteral("bad.flac")));
        dialog->close();
        // The library reloads after the scan; the folder shows in Settings.
        QTRY_COMPARE(app.model()->rowCount(), 6);
        QTRY_COMPARE(app.window->settingsPage()->folderList()->count(), 1);
        QCOMPARE(app.window->settingsPage()->folderList()->item(0)->text(), app.music.path());
    }

    void remembersLayoutAndSettings() {
        App app;
        QVERIFY(app.engine.start().ok());
        app.open();
        app.window->showPage(MainWindow::History);
        QHeaderView* header = app.window->libraryPage()->view()->horizontalHeader();
        header->resizeSection(LibraryModel::Album, 333);
        app.window->libraryPage()->view()->sortByColumn(LibraryModel::Year, Qt::DescendingOrder);
        app.window->settingsPage()->incognitoBox()->click();
        QVERIFY(app.engine.incognito());
        QVERIFY(app.window->nowPlaying()->showsIncognito());
        app.window->close();
        app.window.reset();

        // Incognito belongs to the database (shared with encore-cli), the layout to QSettings.
        QTRY_VERIFY(storedIncognito(app.temp.database));
        Engine same(app.temp.database);
        QVERIFY(same.start().ok());
        QVERIFY(same.incognito());
        test::TempDatabase other;
        Engine second(other.database);
        QVERIFY(second.start().ok());
        QVERIFY(!second.incognito());
        MainWindow again(second, std::make_unique<ClockedPlayer>());
        QVERIFY(!again.settingsPage()->incognitoBox()->isChecked());
        QVERIFY(!again.nowPlaying()->showsIncognito());
        QCOMPARE(again.currentPage(), MainWindow::History);
        QHeaderView* restored = again.libraryPage()->view()->horizontalHeader();
        QCOMPARE(restored->sectionSize(LibraryModel::Album), 333);
        QCOMPARE(restored->sortIndicatorSection(), int(LibraryModel::Year));
        QCOMPARE(again.libraryPage()->model()->sortColumn(), int(LibraryModel::Year));
        QCOMPARE(again.libraryPage()->model()->sortOrder(), Qt::DescendingOrder);
    }

    // Settings' switch for background loudness analysis: on by default, remembered, and it
    // starts (on) or stops (off) the Engine's measuring of the library's untagged files.
    void loudnessAnalysisFollowsItsSwitch() {
        App app;
        QVERIFY(app.engine.start().ok());
        app.open();
        QVERIFY(app.scan());
        QTRY_COMPARE(app.model()->rowCount(), 6);  // the reload after the scan is in
        QCheckBox* box = app.window->settingsPage()->loudness()->backgroundBox();
        QVERIFY(box->isChecked());
        QVERIFY(LoudnessSection::inBackground());
        box->click();
        QVERIFY(!LoudnessSection::inBackground());
        QVERIFY(!app.engine.isMeasuringLoudness());
        QSignalSpy finished(&app.engine, &Engine::loudnessFinished);
        QSignalSpy levels(app.window.get(), &MainWindow::levelsReloaded);
        QSignalSpy resets(app.model(), &QAbstractItemModel::modelReset);
        box->click();  // on again: measures now
        QVERIFY(LoudnessSection::inBackground());
        QVERIFY(finished.wait(30000));
        const auto report = finished.first().at(0).value<LoudnessReport>();
        QVERIFY2(report.measured > 0, "the fixture's untagged files were measured");
        QVERIFY(!report.cancelled);
        // The player levels with the measures; the table is not reset for them. The reload
        // may already have come while the measuring finished.
        QVERIFY(levels.count() > 0 || levels.wait(10000));
        const auto& index = app.window->playback()->library();
        int levelled = 0;
        for (int row = 0; row < index->size(); ++row)
            levelled += index->info(row).loudness.has_value();
        QVERIFY2(levelled >= report.measured, qPrintable(QString::number(levelled)));
        QCOMPARE(resets.count(), 0);
    }

    void emptyPagesSayWhatToDo() {
        App app;
        QVERIFY(app.engine.start().ok());
        app.open();
        QTRY_VERIFY(app.window->isLibraryLoaded());
        QCOMPARE(app.model()->rowCount(), 0);
        for (int page = 0; page < MainWindow::PageCount; ++page) {
            app.window->showPage(MainWindow::Page(page));
            QCOMPARE(app.window->sidebar()->currentRow(), page);
        }
        const QList<QLabel*> labels = app.window->findChildren<QLabel*>();
        for (const QLabel* label : labels) {
            QVERIFY2(!label->text().contains(QStringLiteral("TODO"), Qt::CaseInsensitive),
                     qPrintable(label->text()));
            QVERIFY2(!label->text().contains(QStringLiteral("placeholder"), Qt::CaseInsensitive),
                     qPrintable(label->text()));
        }
        QVERIFY(app.window->upNextPage()->upcomingList()->count() == 1);
    }

private:
    std::unique_ptr<test::IsolatedSettings> settings_;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
