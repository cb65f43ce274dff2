#include "browse/browsermodel.h"
#include "browse/librarypage.h"
#include "engine.h"
#include "library/fixturelibrary.h"
#include "mainwindow.h"
#include "pages/settingspage.h"
#include "pages/upnextpage.h"
#include "playback/clockedplayer.h"
#include "playback/nowplayingbar.h"
#include "playback/playbackcontroller.h"
#include "playback/playqueue.h"
#include "status/scanproblemsdialog.h"
#include "status/scanstatus.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

using namespace encore;

namespace {

constexpr int kScanTimeoutMs = 30000;

// A real library on disk, scanned by the real engine, shown in the real window with the
// clocked player, whose clock the test drives.
struct App {
    test::TempDatabase temp;
    QTemporaryDir music;
    Engine engine{temp.database};
    qint64 now = 0;
    ClockedPlayer* player = nullptr;
    std::unique_ptr<MainWindow> window;

    App() {
        const struct {
            const char* path;
            const char* artist;
            const char* album;
            const char* title;
            int track;
            const char* genre;
        } files[] = {
            {"Chopin/Nocturnes/01.flac", "Frédéric Chopin", "Nocturnes", "Nocturne in E-flat", 1,
             "Classical"},
            {"Chopin/Nocturnes/02.flac", "Frédéric Chopin", "Nocturnes", "Nocturne in B-flat minor",
             2, "Classical"},
            {"Chopin/Nocturnes/03.ogg", "Frédéric Chopin", "Nocturnes", "Nocturne in B major", 3,
             "Classical"},
            {"Portishead/Dummy/01.mp3", "Portishead", "Dummy", "Mysterons", 1, "Trip Hop"},
            {"Portishead/Dummy/02.mp3", "Portishead", "Dummy", "Sour Times", 2, "Trip Hop"},
            {"Portishead/Dummy/03.m4a", "Portishead", "Dummy", "Strangers", 3, "Trip Hop"},
        };
        for (const auto& f : files)
            makeFile(QString::fromUtf8(f.path),
                     test::tags(QString::fromUtf8(f.artist), QString::fromUtf8(f.album),
                                QString::fromUtf8(f.title), f.track, {QString::fromUtf8(f.genre)}));
        QImage cover(64, 64, QImage::Format_RGB32);
        cover.fill(Qt::darkCyan);
        cover.save(music.filePath(QStringLiteral("Portishead/Dummy/cover.jpg")));
    }

    bool makeFile(const QString& relative, const TrackTags& tags) {
        return test::makeTaggedFile(music.filePath(relative), tags);
    }

    bool scan() {
        QSignalSpy finished(&engine, &Engine::scanFinished);
        engine.scan({music.path()});
        return finished.wait(kScanTimeoutMs);
    }

    void open() {
        auto p = std::make_unique<ClockedPlayer>();
        p->setTimeSource([this] { return now; });
        p->setTickInterval(0);
        player = p.get();
        window = std::make_unique<MainWindow>(engine, std::move(p));
        window->show();
        window->reloadLibrary();
    }

    void advance(qint64 ms) {
        now += ms;
        player->poll();
    }

    LibraryModel* model() const { return window->libraryPage()->model(); }
};

QPoint rowCenter(QTableView* view, int row) {
    return view->visualRect(view->model()->index(row, 0)).center();
}

}  // namespace

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
        QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("02.flac is gone")));

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
        app.window->settingsPage()->incognitoBox()->setChecked(true);
        QVERIFY(app.engine.incognito());
        app.window->close();
        app.window.reset();

        test::TempDatabase other;
        Engine second(other.database);
        QVERIFY(second.start().ok());
        QVERIFY(!second.incognito());
        MainWindow again(second, std::make_unique<ClockedPlayer>());
        QVERIFY(second.incognito());  // restored from the settings
        QCOMPARE(again.currentPage(), MainWindow::History);
        QHeaderView* restored = again.libraryPage()->view()->horizontalHeader();
        QCOMPARE(restored->sectionSize(LibraryModel::Album), 333);
        QCOMPARE(restored->sortIndicatorSection(), int(LibraryModel::Year));
        QCOMPARE(again.libraryPage()->model()->sortColumn(), int(LibraryModel::Year));
        QCOMPARE(again.libraryPage()->model()->sortOrder(), Qt::DescendingOrder);
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
