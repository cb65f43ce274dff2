// One Encore per library: a second start hands its files and folders over a local socket to
// the one running (and another database gets a window of its own; a crashed Encore's socket
// does not block the next); and the window opens them: folders join the library, songs play or
// queue, a song outside the library is scanned in first.

#include "desktop/pathopener.h"
#include "desktop/singleinstance.h"
#include "playback/playbackcontroller.h"
#include "playback/playqueue.h"
#include "playlists/playlistfile.h"
#include "uitestsupport.h"
#include "windowfixture.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QSignalSpy>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace encore;
using encore::test::App;

namespace {

constexpr int kWaitMs = 10000;

QStringList queuedTitles(const PlaybackController& playback) {
    QStringList titles;
    const PlayQueue* queue = playback.queue();
    for (int row = 0; row < queue->rowCount(); ++row)
        titles << queue->data(queue->index(row, PlayQueue::Title), Qt::DisplayRole).toString();
    return titles;
}

}  // namespace

class TestSingleInstance : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { settings_ = std::make_unique<test::IsolatedSettings>(); }
    void cleanup() { settings_.reset(); }

    void aSecondStartHandsItsPathsToTheFirst() {
        QTemporaryDir dir;
        const QString database = dir.filePath(QStringLiteral("encore.sqlite"));
        SingleInstance first(database);
        QVERIFY(first.listen());
        QSignalSpy opened(&first, &SingleInstance::openRequested);
        const QStringList paths{QStringLiteral("/music/Ünïcode/01 a.flac"),
                                QStringLiteral("/music/Another folder")};
        // The second start blocks while it hands over: it runs on a thread of its own here.
        QFuture<bool> handed = QtConcurrent::run(
            [database, paths] { return SingleInstance(database).handOver(paths); });
        QVERIFY(opened.wait(kWaitMs));
        QCOMPARE(opened.first().at(0).toStringList(), paths);
        handed.waitForFinished();
        QVERIFY(handed.result());

        // Another library is another window: nobody takes its paths.
        const QString other = dir.filePath(QStringLiteral("other.sqlite"));
        QVERIFY(SingleInstance(other).serverName() != first.serverName());
        QVERIFY(!SingleInstance(other).handOver(paths, 500));
    }

    // A crashed Encore leaves its socket file behind: the next start replaces it.
    void aCrashedOnesSocketDoesNotBlockTheNext() {
        QTemporaryDir dir;
        const QString database = dir.filePath(QStringLiteral("encore.sqlite"));
        SingleInstance instance(database);
        const QByteArray socketPath =
            QFile::encodeName(QDir::tempPath() + QLatin1Char('/') + instance.serverName());
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        qstrncpy(address.sun_path, socketPath.constData(), sizeof(address.sun_path));
        ::unlink(socketPath.constData());
        QVERIFY(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0);
        ::close(fd);  // bound, never listening, never removed: what a crash leaves
        QVERIFY(QFile::exists(QFile::decodeName(socketPath)));
        QVERIFY(!instance.handOver({}, 500));  // nobody answers there
        QString why;
        QVERIFY2(instance.listen(&why), qPrintable(why));
        QSignalSpy opened(&instance, &SingleInstance::openRequested);
        QFuture<bool> handed = QtConcurrent::run(
            [database] { return SingleInstance(database).handOver({QStringLiteral("/a.mp3")}); });
        QVERIFY(opened.wait(kWaitMs));
        handed.waitForFinished();
        QVERIFY(handed.result());
    }

    // Songs of the library play when nothing plays, and join the queue while something does;
    // a folder joins the library.
    void theWindowPlaysOrQueuesWhatItIsHanded() {
        App app;
        QVERIFY(app.engine.start().ok());
        app.open();
        QVERIFY(app.scan());
        QTRY_COMPARE(app.model()->rowCount(), 6);
        PlaybackController* playback = app.window->playback();
        app.window->openPaths({app.music.filePath(QStringLiteral("Portishead/Dummy/02.mp3")),
                               app.music.filePath(QStringLiteral("Portishead/Dummy/01.mp3"))});
        QTRY_COMPARE(playback->state(), Player::State::Playing);
        QCOMPARE(playback->current()->title, QStringLiteral("Sour Times"));
        QSignalSpy said(app.window->pathOpener(), &PathOpener::message);
        app.window->openPaths({app.music.filePath(QStringLiteral("Chopin/Nocturnes/03.ogg"))});
        QCOMPARE(playback->current()->title, QStringLiteral("Sour Times"));  // still playing
        QCOMPARE(queuedTitles(*playback), QStringList{QStringLiteral("Nocturne in B major")});
        QCOMPARE(said.count(), 1);
        QCOMPARE(said.first().at(0).toString(), QStringLiteral("Added 1 song to the queue."));

        QTemporaryDir elsewhere;
        QVERIFY(test::makeTaggedFile(
            elsewhere.filePath(QStringLiteral("Air/Moon Safari/01.flac")),
            test::tags(QStringLiteral("Air"), QStringLiteral("Moon Safari"),
                       QStringLiteral("La femme d'argent"), 1, {QStringLiteral("Electronic")})));
        QSignalSpy scanned(&app.engine, &Engine::scanFinished);
        app.window->openPaths({elsewhere.path()});
        QVERIFY(scanned.wait(kWaitMs));
        QTRY_COMPARE(app.model()->rowCount(), 7);
    }

    // A song outside the library: its folder is scanned in, then it plays.
    void aSongOutsideTheLibraryIsScannedInThenPlays() {
        App app;
        QVERIFY(app.engine.start().ok());
        app.open();
        QVERIFY(app.scan());
        QTRY_COMPARE(app.model()->rowCount(), 6);
        QTemporaryDir elsewhere;
        const QString song = elsewhere.filePath(QStringLiteral("02.flac"));
        QVERIFY(test::makeTaggedFile(
            song, test::tags(QStringLiteral("Air"), QStringLiteral("Moon Safari"),
                             QStringLiteral("Sexy Boy"), 2, {QStringLiteral("Electronic")})));
        app.window->openPaths({song});
        QCOMPARE(app.window->pathOpener()->waiting(), QStringList{song});
        QTRY_COMPARE_WITH_TIMEOUT(app.window->playback()->state(), Player::State::Playing, kWaitMs);
        QCOMPARE(app.window->playback()->current()->title, QStringLiteral("Sexy Boy"));
        QVERIFY(app.window->pathOpener()->waiting().isEmpty());
        QCOMPARE(app.model()->rowCount(), 7);
    }

    // A playlist file (from the Up Next page, the desktop or a drop) plays its songs in order;
    // what it names that is not a file of the library is said.
    void aPlaylistPlaysItsSongs() {
        App app;
        QVERIFY(app.engine.start().ok());
        app.open();
        QVERIFY(app.scan());
        QTRY_COMPARE(app.model()->rowCount(), 6);
        const QString list = app.music.filePath(QStringLiteral("evening.m3u8"));
        QVERIFY(test::writeBytes(list,
                                 "#EXTM3U\n#EXTINF:3,Portishead - Strangers\n"
                                 "Portishead/Dummy/03.m4a\nhttp://radio.example/live\n"
                                 "Chopin/Nocturnes/01.flac\n"));
        QSignalSpy said(app.window->pathOpener(), &PathOpener::message);
        app.window->openPaths({list});
        PlaybackController* playback = app.window->playback();
        QTRY_COMPARE(playback->state(), Player::State::Playing);
        QCOMPARE(playback->current()->title, QStringLiteral("Strangers"));
        playback->next();
        QTRY_COMPARE(playback->current()->title, QStringLiteral("Nocturne in E-flat"));
        QVERIFY(!said.isEmpty());
        QVERIFY2(said.first().at(0).toString().contains(QStringLiteral("radio.example")),
                 qPrintable(said.first().at(0).toString()));
    }

    // The queue saved as M3U8 reads back as the same songs, in order, relative to the list.
    void theQueueSavesAsAPlaylist() {
        App app;
        QVERIFY(app.engine.start().ok());
        app.open();
        QVERIFY(app.scan());
        QTRY_COMPARE(app.model()->rowCount(), 6);
        const QList<TrackId> ids{app.trackIdOf(QStringLiteral("Sour Times")),
                                 app.trackIdOf(QStringLiteral("Nocturne in B major"))};
        app.window->playback()->playContext({app.trackIdOf(QStringLiteral("Mysterons"))}, 0);
        app.window->playback()->enqueue(ids, false);  // while something plays: both queue
        QTRY_COMPARE(app.window->playback()->queue()->size(), 2);
        const QString list = app.music.filePath(QStringLiteral("queue.m3u8"));
        QSignalSpy saved(app.window.get(), &MainWindow::queueSaved);
        app.window->saveQueueAs(list);
        QVERIFY(saved.wait(5000));
        QVERIFY(saved.first().at(1).toBool());
        const Result<PlaylistFile> read = readPlaylist(list);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(read->entries.size(), 2);
        QCOMPARE(read->entries[0].path,
                 app.music.filePath(QStringLiteral("Portishead/Dummy/02.mp3")));
        QCOMPARE(read->entries[0].title, QStringLiteral("Portishead - Sour Times"));
        QFile file(list);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("\nPortishead/Dummy/02.mp3\n"));  // relative
    }

    // Files dropped from a file manager onto the window are opened like any other.
    void filesDroppedOnTheWindowPlay() {
        App app;
        QVERIFY(app.engine.start().ok());
        app.open();
        QVERIFY(app.scan());
        QTRY_COMPARE(app.model()->rowCount(), 6);
        QMimeData mime;
        mime.setUrls(
            {QUrl::fromLocalFile(app.music.filePath(QStringLiteral("Portishead/Dummy/01.mp3")))});
        const QPointF at(app.window->width() / 2.0, app.window->height() / 2.0);
        QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(app.window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(app.window.get(), &drop);
        QTRY_COMPARE(app.window->playback()->state(), Player::State::Playing);
        QCOMPARE(app.window->playback()->current()->title, QStringLiteral("Mysterons"));
    }

private:
    std::unique_ptr<test::IsolatedSettings> settings_;
};

QTEST_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
