// Playlists in the window (issue 12, part 3) on a real scanned library: the ready-made smart
// playlists in the sidebar, a smart playlist that follows a new listen, a saved playlist made,
// edited and played, a playlist file imported as a saved playlist, a smart playlist's rules
// exported and imported, and the rule editor's live count.

#include "library/fixturelibrary.h"
#include "playback/playbackcontroller.h"
#include "playback/playqueue.h"
#include "playlists/playlistpage.h"
#include "playlists/playlistscontroller.h"
#include "playlists/playlistservice.h"
#include "playlists/playlistsidebar.h"
#include "playlists/playlisttrackmodel.h"
#include "playlists/smartplaylisteditor.h"
#include "uitestsupport.h"
#include "windowfixture.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using namespace encore;
using encore::test::App;

namespace {

constexpr int kWaitMs = 10000;

int rowNamed(QListWidget* list, const QString& name) {
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->text() == name)
            return row;
    }
    return -1;
}

QStringList titlesOn(PlaylistPage* page) {
    QStringList titles;
    for (int row = 0; row < page->model()->rowCount(); ++row)
        titles << page->model()->index(row, PlaylistTrackModel::Title).data().toString();
    return titles;
}

}  // namespace

class TestPlaylists : public QObject {
    Q_OBJECT

    std::unique_ptr<test::IsolatedSettings> settings_;

    // The window on the scanned fixture library (six songs, none played).
    static void openScanned(App& app) {
        QVERIFY(app.engine.start().ok());
        app.open();
        QVERIFY(app.scan());
        QTRY_COMPARE(app.model()->rowCount(), 6);
        QTRY_COMPARE(app.window->playlists()->sidebar()->list()->count(), 5);
    }

    static void openPlaylist(App& app, const QString& name) {
        PlaylistsController* playlists = app.window->playlists();
        QListWidget* list = playlists->sidebar()->list();
        QTRY_VERIFY(rowNamed(list, name) >= 0);
        QSignalSpy shown(playlists->page(), &PlaylistPage::shown);
        list->setCurrentRow(rowNamed(list, name));
        QVERIFY(shown.wait(kWaitMs));
        QCOMPARE(playlists->page()->contents()->playlist.name, name);
    }

private Q_SLOTS:
    void init() { settings_ = std::make_unique<test::IsolatedSettings>(); }
    void cleanup() { settings_.reset(); }

    void readyMadeSmartPlaylistOpensFromTheSidebar() {
        App app;
        openScanned(app);
        PlaylistsController* playlists = app.window->playlists();
        QAbstractItemModelTester tester(playlists->page()->model());
        openPlaylist(app, QStringLiteral("Never played"));
        QVERIFY(playlists->page()->isVisible());
        QCOMPARE(app.window->sidebar()->currentRow(), -1);  // no page of the window is marked
        QCOMPARE(playlists->page()->model()->rowCount(), 6);
        const QString summary = playlists->page()->summary()->text();
        QVERIFY2(summary.contains(QLatin1String("6 songs")) &&
                     summary.contains(QLatin1String("Never played")),
                 qPrintable(summary));
        QVERIFY(!summary.contains(QLatin1String("never_played")));  // words, not ids
        app.window->showPage(MainWindow::History);                  // a page takes the area back
        QVERIFY(!playlists->page()->isVisible());
        QCOMPARE(playlists->sidebar()->list()->currentRow(), -1);
    }

    void smartPlaylistFollowsANewListen() {
        App app;
        openScanned(app);
        openPlaylist(app, QStringLiteral("Never played"));
        PlaylistPage* page = app.window->playlists()->page();
        QVERIFY(titlesOn(page).contains(QStringLiteral("Sour Times")));
        Play listen;
        listen.track_id = app.trackIdOf(QStringLiteral("Sour Times"));
        listen.started_at = app.clock->nowMs() / 1000 - 300;
        listen.ms_played = 200000;
        listen.duration_ms = 200000;
        listen.counted = true;
        QSignalSpy shown(page, &PlaylistPage::shown);
        app.engine.logListen(listen);
        QTRY_VERIFY_WITH_TIMEOUT(!titlesOn(page).contains(QStringLiteral("Sour Times")), kWaitMs);
        QCOMPARE(page->model()->rowCount(), 5);
        QVERIFY(shown.count() >= 1);
    }

    void savedPlaylistIsMadeEditedAndPlayed() {
        App app;
        openScanned(app);
        PlaylistsController* playlists = app.window->playlists();
        const TrackId strangers = app.trackIdOf(QStringLiteral("Strangers"));
        const TrackId nocturne = app.trackIdOf(QStringLiteral("Nocturne in B major"));
        QSignalSpy shown(playlists->page(), &PlaylistPage::shown);
        playlists->createPlaylist(QStringLiteral("Late night"), {strangers, nocturne, strangers});
        QVERIFY(shown.wait(kWaitMs));  // a new playlist opens
        PlaylistPage* page = playlists->page();
        QCOMPARE(titlesOn(page), (QStringList{"Strangers", "Nocturne in B major", "Strangers"}));
        QVERIFY(rowNamed(playlists->sidebar()->list(), QStringLiteral("Late night")) >= 0);
        QVERIFY(page->summary()->text().startsWith(QLatin1String("3 songs")));

        // Delete removes the selected row, by position: the other "Strangers" stays.
        page->view()->setFocus();
        page->view()->selectRow(0);
        QTest::keyClick(page->view(), Qt::Key_Delete);
        QTRY_COMPARE(titlesOn(page), (QStringList{"Nocturne in B major", "Strangers"}));

        // A double-click plays the playlist from that song.
        QTest::mouseClick(page->view()->viewport(), Qt::LeftButton, {},
                          test::rowCenter(page->view(), 0));
        QTest::mouseDClick(page->view()->viewport(), Qt::LeftButton, {},
                           test::rowCenter(page->view(), 0));
        QTRY_VERIFY(app.window->playback()->current().has_value());
        QCOMPARE(app.window->playback()->current()->id, nocturne);
        QVERIFY(app.window->playback()->hasNext());  // the playlist's next song follows
    }

    void playlistFileImportsAsASavedPlaylist() {
        App app;
        openScanned(app);
        const QString m3u = app.music.filePath(QStringLiteral("Road trip.m3u8"));
        QVERIFY(test::writeBytes(m3u,
                                 "#EXTM3U\nPortishead/Dummy/02.mp3\n"
                                 "/nowhere/Lost Song.flac\nChopin/Nocturnes/01.flac\n"));
        PlaylistsController* playlists = app.window->playlists();
        QSignalSpy message(playlists, &PlaylistsController::message);
        QSignalSpy shown(playlists->page(), &PlaylistPage::shown);
        playlists->importFile(m3u);
        QVERIFY(shown.wait(kWaitMs));
        QCOMPARE(titlesOn(playlists->page()), (QStringList{"Sour Times", "Nocturne in E-flat"}));
        QCOMPARE(playlists->page()->contents()->playlist.name, QStringLiteral("Road trip"));
        QVERIFY(!message.isEmpty());
        const QString said = message.last().at(0).toString();
        QVERIFY2(said.contains(QLatin1String("2 songs")) &&
                     said.contains(QLatin1String("/nowhere/Lost Song.flac")),
                 qPrintable(said));

        // A file none of whose songs is in the library makes no playlist, and says why.
        const QString foreign = app.music.filePath(QStringLiteral("foreign.m3u"));
        QVERIFY(test::writeBytes(foreign, "/elsewhere/a.mp3\n"));
        message.clear();
        playlists->importFile(foreign);
        QTRY_VERIFY(!message.isEmpty());
        QVERIFY2(message.last().at(0).toString().contains(QLatin1String("None of the 1 songs")),
                 qPrintable(message.last().at(0).toString()));
        QTRY_COMPARE(playlists->sidebar()->list()->count(), 6);  // five ready-made + Road trip
    }

    void smartRulesExportAndImport() {
        App app;
        openScanned(app);
        openPlaylist(app, QStringLiteral("Forgotten favourites"));
        PlaylistsController* playlists = app.window->playlists();
        const PlaylistContents original = *playlists->page()->contents();
        const QString file = app.music.filePath(QStringLiteral("forgotten.encore-smart.json"));
        QSignalSpy message(playlists, &PlaylistsController::message);
        playlists->exportRules(original.playlist.id, file);
        QTRY_VERIFY(!message.isEmpty());
        QVERIFY(QFile::exists(file));

        // Import it back: a second playlist of that name with the same rules.
        playlists->importSmart(file);
        QTRY_VERIFY_WITH_TIMEOUT(
            playlists->page()->contents() &&
                playlists->page()->contents()->playlist.id != original.playlist.id,
            kWaitMs);
        const PlaylistContents imported = *playlists->page()->contents();
        QVERIFY(imported.playlist.id != original.playlist.id);
        QCOMPARE(imported.playlist.name, original.playlist.name);
        QCOMPARE(smartRulesToJson(*imported.rules), smartRulesToJson(*original.rules));

        // A damaged file is refused with the file and the field named.
        const QString bad = app.music.filePath(QStringLiteral("bad.encore-smart.json"));
        QVERIFY(test::writeBytes(bad,
                                 "{\"encore_smart_playlist\":1,\"name\":\"X\",\"rules\":"
                                 "{\"version\":1,\"sort\":\"loudest\"}}"));
        message.clear();
        playlists->importSmart(bad);
        QTRY_VERIFY(!message.isEmpty());
        const QString said = message.last().at(0).toString();
        QVERIFY2(said.contains(bad) && said.contains(QLatin1String("\"sort\"")), qPrintable(said));
    }

    void editorCountsWhatTheRulesHold() {
        App app;
        openScanned(app);
        SmartRules rules;
        rules.conditions.append({QStringLiteral("artist_contains"), QStringLiteral("chopin"), 0});
        SmartPlaylistEditor editor(*app.engine.playlists(), QStringLiteral("Chopin"), rules);
        editor.show();
        QTRY_VERIFY_WITH_TIMEOUT(
            editor.preview()->text().startsWith(QLatin1String("3 songs match now")), kWaitMs);
        editor.addCondition({QStringLiteral("title_contains"), QStringLiteral("major"), 0});
        QTRY_VERIFY_WITH_TIMEOUT(
            editor.preview()->text().startsWith(QLatin1String("1 song matches now")), kWaitMs);
        QCOMPARE(editor.rules().conditions.size(), 2);
        QCOMPARE(editor.name(), QStringLiteral("Chopin"));
    }
};

QTEST_MAIN(TestPlaylists)
#include "tst_playlists.moc"
