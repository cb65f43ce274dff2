// Lyrics read offline: LRC text (several times on a line, offset, metadata, fractions of a
// second), .lrc files beside the audio (in the encodings people have), and the tags taggers
// write, on real files written with TagLib: ID3v2 SYLT (synced) and USLT, Vorbis LYRICS, MP4
// ©lyr. The .lrc beside a file wins over its tags; a file with none has none.

#include "fixturelibrary.h"
#include "library/lyrics.h"

#include <taglib/fileref.h>
#include <taglib/id3v2tag.h>
#include <taglib/mpegfile.h>
#include <taglib/synchronizedlyricsframe.h>
#include <taglib/tpropertymap.h>
#include <taglib/unsynchronizedlyricsframe.h>

#include <QStringEncoder>
#include <QTemporaryDir>
#include <QtTest>

using namespace encore;

namespace {

QStringList texts(const Lyrics& lyrics) {
    QStringList out;
    for (const LyricLine& l : lyrics.lines)
        out << l.text;
    return out;
}

QList<qint64> times(const Lyrics& lyrics) {
    QList<qint64> out;
    for (const LyricLine& l : lyrics.lines)
        out << l.time_ms;
    return out;
}

bool writeTagProperty(const QString& path, const char* key, const QString& value) {
    TagLib::FileRef ref(QFile::encodeName(path).constData());
    if (ref.isNull())
        return false;
    TagLib::PropertyMap map = ref.file()->properties();
    map.replace(key, TagLib::StringList(TagLib::String(value.toStdWString())));
    ref.file()->setProperties(map);
    return ref.save();
}

}  // namespace

class TestLyrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesLrc() {
        const Lyrics l = parseLrc(
            QStringLiteral("[ti:Song]\r\n[ar:Someone]\r\n[offset:+250]\r\n[00:12.00]First line\r\n"
                           "[00:17.5][01:02.25]Chorus, twice\r\n[00:20.123]Third\r\n\r\n"));
        QVERIFY(l.synced);
        QCOMPARE(texts(l), (QStringList{"First line", "Chorus, twice", "Third", "Chorus, twice"}));
        // +250 ms offset: every line 250 ms earlier.
        QCOMPARE(times(l), (QList<qint64>{11750, 17250, 19873, 62000}));
        QCOMPARE(l.lineAt(0), -1);
        QCOMPARE(l.lineAt(11750), 0);
        QCOMPARE(l.lineAt(19000), 1);
        QCOMPARE(l.lineAt(30000), 2);
        QCOMPARE(l.lineAt(99000), 3);
    }

    void plainTextStaysPlain() {
        const Lyrics l = parseLrc(QStringLiteral("Verse one\nVerse two\n\nChorus\n\n"));
        QVERIFY(!l.synced);
        QCOMPARE(texts(l), (QStringList{"Verse one", "Verse two", "", "Chorus"}));
        QCOMPARE(l.lineAt(5000), -1);
    }

    // An .lrc beside the song, written in Windows-1252 as old tools do; it wins over the tags.
    void anLrcBesideTheSongComesFirst() {
        QTemporaryDir dir;
        const QString song = dir.filePath(QStringLiteral("Café.flac"));
        QVERIFY(test::makeTaggedFile(
            song, test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), 1)));
        QVERIFY(writeTagProperty(song, "LYRICS", QStringLiteral("from the tags")));
        QStringEncoder cp1252("windows-1252");
        QFile lrc(dir.filePath(QStringLiteral("Café.LRC")));
        QVERIFY(lrc.open(QIODevice::WriteOnly));
        lrc.write(cp1252(QStringLiteral("[00:01.00]Déjà vu\r\n[00:03.00]Naïve “quotes”\r\n")));
        lrc.close();
        const Result<std::optional<Lyrics>> read = readLyrics(song);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QVERIFY(read.value());
        QCOMPARE(read.value()->source, QStringLiteral("Café.LRC"));
        QVERIFY(read.value()->synced);
        QCOMPARE(texts(*read.value()), (QStringList{"Déjà vu", "Naïve “quotes”"}));
    }

    // What taggers embed, read from real files.
    void readsTheTagsTaggersWrite_data() {
        QTest::addColumn<QString>("extension");
        QTest::addColumn<QString>("key");
        QTest::newRow("MP3 ID3v2 USLT") << QStringLiteral("mp3") << QStringLiteral("LYRICS");
        QTest::newRow("FLAC Vorbis LYRICS") << QStringLiteral("flac") << QStringLiteral("LYRICS");
        QTest::newRow("Ogg Vorbis UNSYNCEDLYRICS")
            << QStringLiteral("ogg") << QStringLiteral("UNSYNCEDLYRICS");
        QTest::newRow("MP4 ©lyr") << QStringLiteral("m4a") << QStringLiteral("LYRICS");
    }
    void readsTheTagsTaggersWrite() {
        QFETCH(QString, extension);
        QFETCH(QString, key);
        QTemporaryDir dir;
        const QString song = dir.filePath(QStringLiteral("song.") + extension);
        QVERIFY(test::makeTaggedFile(
            song, test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), 1)));
        QVERIFY(writeTagProperty(song, key.toLatin1().constData(),
                                 QStringLiteral("Ünïcode line one\nline two")));
        if (extension == QLatin1String("mp3")) {  // the frame TagLib wrote is a real USLT
            TagLib::MPEG::File mpeg(QFile::encodeName(song).constData());
            QVERIFY(!mpeg.ID3v2Tag()->frameListMap()["USLT"].isEmpty());
        }
        const Result<std::optional<Lyrics>> read = readLyrics(song);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QVERIFY(read.value());
        QVERIFY(!read.value()->synced);
        QCOMPARE(texts(*read.value()), (QStringList{"Ünïcode line one", "line two"}));
    }

    // ID3v2 SYLT: synced lines in milliseconds.
    void readsSyncedId3Lyrics() {
        QTemporaryDir dir;
        const QString song = dir.filePath(QStringLiteral("synced.mp3"));
        QVERIFY(test::makeTaggedFile(
            song, test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), 1)));
        {
            TagLib::MPEG::File mpeg(QFile::encodeName(song).constData());
            auto* frame = new TagLib::ID3v2::SynchronizedLyricsFrame(TagLib::String::UTF8);
            frame->setTimestampFormat(TagLib::ID3v2::SynchronizedLyricsFrame::AbsoluteMilliseconds);
            frame->setType(TagLib::ID3v2::SynchronizedLyricsFrame::Lyrics);
            TagLib::ID3v2::SynchronizedLyricsFrame::SynchedTextList lines;
            lines.append({2500, TagLib::String("second", TagLib::String::UTF8)});
            lines.append({500, TagLib::String("first", TagLib::String::UTF8)});
            frame->setSynchedText(lines);
            mpeg.ID3v2Tag(true)->addFrame(frame);
            QVERIFY(mpeg.save());
        }
        const Result<std::optional<Lyrics>> read = readLyrics(song);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QVERIFY(read.value() && read.value()->synced);
        QCOMPARE(read.value()->source, QStringLiteral("embedded SYLT"));
        QCOMPARE(texts(*read.value()), (QStringList{"first", "second"}));
        QCOMPARE(times(*read.value()), (QList<qint64>{500, 2500}));
    }

    void aSongWithoutLyricsHasNone() {
        QTemporaryDir dir;
        const QString song = dir.filePath(QStringLiteral("plain.flac"));
        QVERIFY(test::makeTaggedFile(
            song, test::tags(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), 1)));
        const Result<std::optional<Lyrics>> read = readLyrics(song);
        QVERIFY(read.ok());
        QVERIFY(!read.value());
        const Result<std::optional<Lyrics>> broken =
            readLyrics(dir.filePath(QStringLiteral("gone.mp3")));
        QVERIFY(!broken.ok());
        QVERIFY(broken.error().contains(QStringLiteral("gone.mp3")));
    }
};

QTEST_GUILESS_MAIN(TestLyrics)
#include "tst_lyrics.moc"
