// The lyrics beside the window on a real scanned library: the playing song's .lrc is read off
// the GUI thread, the line sung follows the player's position, and the panel says where the
// lyrics came from, or what to do when a song has none.

#include "library/fixturelibrary.h"
#include "playback/lyricspanel.h"
#include "playback/playbackcontroller.h"
#include "uitestsupport.h"
#include "windowfixture.h"

#include <QAction>
#include <QDockWidget>
#include <QListWidget>
#include <QSignalSpy>
#include <QtTest>

using namespace encore;
using encore::test::App;

class TestLyricsPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { settings_ = std::make_unique<test::IsolatedSettings>(); }
    void cleanup() { settings_.reset(); }

    void syncedLyricsFollowThePlayer() {
        App app;
        QVERIFY(app.makeLongTrack());  // "Angel", 60 s
        QVERIFY(test::writeBytes(
            app.music.filePath(QStringLiteral("Massive Attack/Mezzanine/01.lrc")),
            "[ar:Massive Attack]\n[00:05.00]Love, love is a verb\n[00:20.00]Love is a doing "
            "word\n[00:40.00]Fearless on my breath\n"));
        QVERIFY(app.engine.start().ok());
        app.open();
        QVERIFY(app.scan());
        QTRY_COMPARE(app.model()->rowCount(), 7);
        MainWindow& window = *app.window;
        QVERIFY(!window.lyricsDock()->isVisible());  // hidden until asked for
        window.lyricsDock()->toggleViewAction()->trigger();
        QVERIFY(window.lyricsDock()->isVisible());

        LyricsPanel* panel = window.lyricsPanel();
        QSignalSpy loaded(panel, &LyricsPanel::loaded);
        const TrackId angel = app.trackIdOf(QStringLiteral("Angel"));
        QVERIFY(angel > 0);
        window.playback()->playContext({angel}, 0);
        QVERIFY(loaded.wait(5000));
        QVERIFY(panel->lyrics() && panel->lyrics()->synced);
        QCOMPARE(panel->lines()->count(), 3);
        QCOMPARE(panel->note(), QStringLiteral("Synced lyrics from 01.lrc"));
        QCOMPARE(panel->currentLine(), -1);  // before the first line
        app.advance(21000);
        QTRY_COMPARE(panel->currentLine(), 1);
        QVERIFY(panel->lines()->item(1)->font().bold());
        app.advance(20000);
        QTRY_COMPARE(panel->currentLine(), 2);
        QVERIFY(!panel->lines()->item(1)->font().bold());

        // Another song, without lyrics: the panel says what to do.
        window.playback()->playContext({app.trackIdOf(QStringLiteral("Mysterons"))}, 0);
        QVERIFY(loaded.wait(5000));
        QVERIFY(!panel->lyrics());
        QCOMPARE(panel->lines()->count(), 0);
        QVERIFY2(panel->note().contains(QStringLiteral(".lrc")), qPrintable(panel->note()));
    }

private:
    std::unique_ptr<test::IsolatedSettings> settings_;
};

QTEST_MAIN(TestLyricsPanel)
#include "tst_lyricspanel.moc"
