// Playlist files as players write them: extended and plain M3U (relative, absolute, file://
// URLs, Windows paths, Windows-1252 text), M3U8, PLS (with a wrong NumberOfEntries), XSPF;
// streams are skipped with a reason; what Encore writes reads back the same, relative where
// the songs sit beside the playlist; a failed write leaves the earlier file whole.

#include "playlists/playlistfile.h"

#include <QDir>
#include <QFile>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QtTest>

using namespace encore;

namespace {

bool write(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QStringList paths(const PlaylistFile& file) {
    QStringList out;
    for (const PlaylistEntry& e : file.entries)
        out << e.path;
    return out;
}

}  // namespace

class TestPlaylistFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        QVERIFY(dir_.isValid());
        root_ = dir_.path();
        for (const char* song : {"Album/01 Intro.flac", "Album/02 Café.mp3", "Other/x.ogg"})
            QVERIFY(write(root_ + QLatin1Char('/') + QLatin1String(song), "audio"));
    }

    void readsExtendedM3u8() {
        const QString list = root_ + QStringLiteral("/mix.m3u8");
        const QByteArray utf8Bom("\xEF\xBB\xBF");
        QVERIFY(write(
            list,
            utf8Bom + QStringLiteral("#EXTM3U\n#EXTINF:215,Band - Intro\n"
                                     "Album/01 Intro.flac\r\n#EXTINF:-1,Café\n"
                                     "file://%1/Album/02%20Caf%C3%A9.mp3\n\n"
                                     "# a comment\nhttp://radio.example/stream\n%1/Other/x.ogg\n")
                          .arg(root_)
                          .toUtf8()));
        const Result<PlaylistFile> read = readPlaylist(list);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(read->name, QStringLiteral("mix"));
        QCOMPARE(paths(read.value()),
                 (QStringList{root_ + "/Album/01 Intro.flac", root_ + "/Album/02 Café.mp3",
                              root_ + "/Other/x.ogg"}));
        QCOMPARE(read->entries[0].title, QStringLiteral("Band - Intro"));
        QCOMPARE(read->entries[0].duration_ms, 215000);
        QCOMPARE(read->entries[1].duration_ms, -1);
        QCOMPARE(read->skipped.size(), 1);
        QVERIFY(read->skipped[0].contains(QStringLiteral("http://radio.example/stream")));
    }

    // A plain .m3u from Windows: ANSI text, backslashes, a drive letter from another machine.
    void readsAWindowsM3u() {
        const QString list = root_ + QStringLiteral("/old.m3u");
        QStringEncoder cp1252("windows-1252");
        QVERIFY(write(list, cp1252(QStringLiteral("Album\\02 Café.mp3\r\nD:\\Music\\Album\\01 "
                                                  "Intro.flac\r\n"))));
        const Result<PlaylistFile> read = readPlaylist(list);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(paths(read.value()),
                 (QStringList{root_ + "/Album/02 Café.mp3", root_ + "/Album/01 Intro.flac"}));
    }

    void readsPls() {
        const QString list = root_ + QStringLiteral("/list.pls");
        QVERIFY(write(list,
                      "[playlist]\nNumberOfEntries=1\nFile1=Album/01 Intro.flac\n"
                      "Title1=Intro\nLength1=215\nFile2=Other/x.ogg\nVersion=2\n"));
        const Result<PlaylistFile> read = readPlaylist(list);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(paths(read.value()),
                 (QStringList{root_ + "/Album/01 Intro.flac", root_ + "/Other/x.ogg"}));
        QCOMPARE(read->entries[0].title, QStringLiteral("Intro"));
        QCOMPARE(read->entries[0].duration_ms, 215000);
    }

    void readsXspf() {
        const QString list = root_ + QStringLiteral("/list.xspf");
        QVERIFY(
            write(list, QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                       "<playlist version=\"1\" xmlns=\"http://xspf.org/ns/0/\">"
                                       "<title>Road trip</title><trackList>"
                                       "<track><location>file://%1/Other/x.ogg</location>"
                                       "<title>X</title><duration>61000</duration></track>"
                                       "<track><location>Album/01%20Intro.flac</location></track>"
                                       "</trackList></playlist>\n")
                            .arg(root_)
                            .toUtf8()));
        const Result<PlaylistFile> read = readPlaylist(list);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(read->name, QStringLiteral("Road trip"));
        QCOMPARE(read->entries.size(), 2);
        QCOMPARE(read->entries[0].path, root_ + "/Other/x.ogg");
        QCOMPARE(read->entries[0].duration_ms, 61000);
        QVERIFY(!read->entries[1].path.isEmpty());
    }

    void badPlaylistsAreNamed_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("broken XSPF")
            << "bad.xspf" << QByteArray("<playlist><trackList><track>") << "not valid XSPF";
        QTest::newRow("PLS without its section")
            << "bad.pls" << QByteArray("File1=a.mp3\n") << "no [playlist] section";
        QTest::newRow("not a playlist") << "notes.txt" << QByteArray("hello") << "not a playlist";
    }
    void badPlaylistsAreNamed() {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const QString path = root_ + QLatin1Char('/') + name;
        QVERIFY(write(path, bytes));
        const Result<PlaylistFile> read = readPlaylist(path);
        QVERIFY(!read.ok());
        QVERIFY2(read.error().contains(path) && read.error().contains(reason),
                 qPrintable(read.error()));
    }

    // What Encore writes reads back the same: relative paths inside the playlist's folder.
    void writesM3u8ThatReadsBack() {
        const QString list = root_ + QStringLiteral("/saved.m3u8");
        const QList<PlaylistEntry> entries{
            {root_ + "/Album/02 Café.mp3", QStringLiteral("Band - Café"), 187000},
            {root_ + "/Other/x.ogg", QString(), -1},
            {QStringLiteral("/elsewhere/y.flac"), QStringLiteral("Y"), 1000}};
        QVERIFY(writeM3u8(list, entries).ok());
        QFile file(list);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(text.startsWith(
                     QStringLiteral("#EXTM3U\n#EXTINF:187,Band - Café\nAlbum/02 Café.mp3\n")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("\n/elsewhere/y.flac\n")));  // outside: absolute
        const Result<PlaylistFile> read = readPlaylist(list);
        QVERIFY(read.ok());
        QCOMPARE(paths(read.value()),
                 (QStringList{entries[0].path, entries[1].path, entries[2].path}));
        QCOMPARE(read->entries[0].title, entries[0].title);
    }

    // A playlist that cannot be written says where; nothing half-written is left (QSaveFile
    // writes beside it and renames only when all of it is there).
    void aFailedWriteIsNamed() {
        const QString list = root_ + QStringLiteral("/no such folder/x.m3u8");
        const Status failed = writeM3u8(list, {{root_ + "/Other/x.ogg", QString(), -1}});
        QVERIFY(!failed.ok());
        QVERIFY2(failed.error().contains(list), qPrintable(failed.error()));
        QVERIFY(!QFileInfo::exists(list));
        QVERIFY(!QFileInfo::exists(root_ + QStringLiteral("/no such folder")));
    }

private:
    QTemporaryDir dir_;
    QString root_;
};

QTEST_GUILESS_MAIN(TestPlaylistFile)
#include "tst_playlistfile.moc"
