// Reading a cover, lyrics, tags or ReplayGain for display must not look like a write to the
// library watcher (inotify's IN_CLOSE_WRITE), or every track change and every album tile
// painted would rescan its folder ("Library up to date: 14 files checked" over and over).

#include "fixturelibrary.h"

#include "library/coverart.h"
#include "library/librarywatcher.h"
#include "library/lyrics.h"
#include "library/tagreader.h"
#include "playback/replaygaintags.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace encore;

class TestReadOnlyReads : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsAreNotWrites_data() {
        QTest::addColumn<QString>("extension");
        for (const char* ext : {"mp3", "flac", "m4a", "ogg", "opus"})
            QTest::newRow(ext) << QString::fromLatin1(ext);
    }

    void readsAreNotWrites() {
        QFETCH(QString, extension);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("Album/01 - Song.") + extension);
        QVERIFY(test::makeTaggedFile(
            path, test::tags(QStringLiteral("Artist"), QStringLiteral("Album"),
                             QStringLiteral("Song"), 1, {QStringLiteral("Jazz")})));
        LibraryWatcher watcher;
        QVERIFY(watcher.isActive());
        watcher.setDebounceMs(50);
        watcher.watchFolders({QFile::encodeName(dir.filePath(QStringLiteral("Album")))});
        QSignalSpy changed(&watcher, &LibraryWatcher::foldersChanged);

        readEmbeddedCover(path);
        readCoverArt(path);
        QVERIFY(readTrackTags(QFile::encodeName(path)).error.isEmpty());
        QVERIFY(readLyrics(path).ok());
        ReplayGainTags::read(path);
        QVERIFY2(!changed.wait(400),
                 qPrintable(QStringLiteral("reading %1 was reported as a change").arg(path)));

        // The watcher does see a real write of an audio file (it follows only audio and cue
        // names), so the silence above means something.
        QVERIFY(QFile::copy(path, dir.filePath(QStringLiteral("Album/02 - Copy.") + extension)));
        QVERIFY(changed.wait(2000));
        QCOMPARE(changed.first().first().toStringList(),
                 QStringList{dir.filePath(QStringLiteral("Album"))});
    }
};

QTEST_GUILESS_MAIN(TestReadOnlyReads)
#include "tst_readonlyreads.moc"
