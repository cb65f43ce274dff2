// What TagLib drops, readTrackTags still reads (library/tagfallback), on files built here with
// TagLib and then damaged: each case first shows that TagLib alone loses the tag, then that
// Encore reads it and lists the problem; intact files list none.
#include "fixturelibrary.h"
#include "library/tagreader.h"

#include <taglib/apefile.h>
#include <taglib/fileref.h>
#include <taglib/flacfile.h>
#include <taglib/id3v2tag.h>
#include <taglib/infotag.h>
#include <taglib/mpegfile.h>
#include <taglib/textidentificationframe.h>
#include <taglib/wavfile.h>
#include <taglib/xiphcomment.h>

#include <QTemporaryDir>
#include <QtTest>

using namespace encore;

namespace {

constexpr int kId3v2HeaderSize = 10;

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray bytes(const TagLib::ByteVector& v) {
    return QByteArray(v.data(), int(v.size()));
}

// clip.mp3's audio frames, without its own (empty) ID3v2 tag.
QByteArray mp3Audio() {
    const QByteArray clip = readAll(test::clipPath(QStringLiteral("mp3")));
    const auto b = [&clip](int i) { return int(quint8(clip.at(i))); };
    return clip.mid(kId3v2HeaderSize + (b(6) << 21 | b(7) << 14 | b(8) << 7 | b(9)));
}

// An ID3v2 tag whose first frame (TCOM) comes before the title, artist and album frames.
QByteArray id3v2Tag(TagLib::ID3v2::Version version) {
    TagLib::ID3v2::Tag tag;
    auto* composer = new TagLib::ID3v2::TextIdentificationFrame("TCOM", TagLib::String::UTF8);
    composer->setText("Composer");
    tag.addFrame(composer);
    tag.setTitle(TagLib::String("Title ü", TagLib::String::UTF8));
    tag.setArtist("Artist");
    tag.setAlbum("Album");
    return bytes(tag.render(version));
}

// The first frame's size made larger than the whole tag: TagLib's parse stops there.
QByteArray withDamagedFirstFrame(QByteArray tag) {
    tag[kId3v2HeaderSize + 4] = 0x7f;
    tag[kId3v2HeaderSize + 5] = 0x7f;
    return tag;
}

// The smallest Monkey's Audio file TagLib reads (3.99 descriptor and header, 44.1 kHz stereo,
// one frame), its audio zeros: enough for APE::File, which skips a leading ID3v2 tag unread.
QByteArray monkeysAudio() {
    QByteArray out("MAC ");
    const auto le = [&out](quint32 value, int size) {
        for (int i = 0; i < size; ++i)
            out.append(char((value >> (8 * i)) & 0xff));
    };
    le(3990, 2);           // version
    le(0, 2);              // padding
    le(52, 4);             // descriptor bytes
    out.append(40, '\0');  // rest of the descriptor
    le(2000, 2);           // compression level
    le(0, 2);              // format flags
    le(73728 * 4, 4);      // blocks per frame
    le(44100, 4);          // final frame blocks
    le(1, 4);              // total frames
    le(16, 2);             // bits per sample
    le(2, 2);              // channels
    le(44100, 4);          // sample rate
    out.append(4096, '\0');
    return out;
}

}  // namespace

class TestTagFallback : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void damagedId3v2FrameCostsNoOtherFrame_data() {
        QTest::addColumn<int>("version");
        QTest::newRow("ID3v2.3") << int(TagLib::ID3v2::v3);
        QTest::newRow("ID3v2.4") << int(TagLib::ID3v2::v4);
    }
    void damagedId3v2FrameCostsNoOtherFrame() {
        QFETCH(int, version);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("damaged.mp3"));
        const QByteArray tag = id3v2Tag(TagLib::ID3v2::Version(version));
        QVERIFY(test::writeBytes(path, withDamagedFirstFrame(tag) + mp3Audio()));
        {
            TagLib::MPEG::File taglib(QFile::encodeName(path).constData());
            QVERIFY(taglib.isValid() && taglib.hasID3v2Tag());
            QVERIFY2(taglib.ID3v2Tag()->title().isEmpty(), "TagLib now reads past the frame");
        }
        const TagReadResult read = readTrackTags(QFile::encodeName(path));
        QVERIFY(read.ok);
        QCOMPARE(read.tags.title, QStringLiteral("Title ü"));
        QCOMPARE(read.tags.artist, QStringLiteral("Artist"));
        QCOMPARE(read.tags.album, QStringLiteral("Album"));
        QVERIFY2(read.problem.contains(QLatin1String("damaged ID3v2 tag")),
                 qPrintable(read.problem));
        QVERIFY(read.tags.duration_ms > 0);  // the audio is still read

        // The same tag undamaged: read by TagLib itself, and no problem listed.
        QVERIFY(test::writeBytes(path, tag + mp3Audio()));
        const TagReadResult intact = readTrackTags(QFile::encodeName(path));
        QCOMPARE(intact.tags.title, QStringLiteral("Title ü"));
        QVERIFY2(intact.problem.isEmpty(), qPrintable(intact.problem));
    }

    void id3v2TagBeforeMonkeysAudioIsRead() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tagged.ape"));
        QVERIFY(test::writeBytes(path, id3v2Tag(TagLib::ID3v2::v4) + monkeysAudio()));
        {
            TagLib::APE::File taglib(QFile::encodeName(path).constData());
            QVERIFY(taglib.isValid());
            QCOMPARE(taglib.audioProperties()->sampleRate(), 44100);  // a real parse
            QVERIFY2(taglib.tag()->title().isEmpty(), "TagLib now reads the ID3v2 tag");
        }
        const TagReadResult read = readTrackTags(QFile::encodeName(path));
        QVERIFY(read.ok);
        QCOMPARE(read.tags.codec, QStringLiteral("Monkey's Audio"));
        QCOMPARE(read.tags.title, QStringLiteral("Title ü"));
        QCOMPARE(read.tags.artist, QStringLiteral("Artist"));
        QCOMPARE(read.tags.album, QStringLiteral("Album"));
        QVERIFY2(read.problem.contains(QLatin1String("TagLib ignores")), qPrintable(read.problem));
    }

    void damagedVorbisCommentCostsNoLaterComment() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("damaged.flac"));
        QVERIFY(QFile::copy(test::clipPath(QStringLiteral("flac")), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        {
            TagLib::FLAC::File flac(QFile::encodeName(path).constData());
            TagLib::Ogg::XiphComment* comment = flac.xiphComment(true);
            // TagLib writes fields in name order: COMMENT comes before TITLE.
            comment->addField("COMMENT", "damaged");
            comment->addField("TITLE", "Title");
            comment->addField("ARTIST", "Artist");
            QVERIFY(flac.save());
        }
        QByteArray file = readAll(path);
        const int entry = file.indexOf("COMMENT=damaged");
        QVERIFY(entry > 4);
        file[entry - 2] = 0x7f;  // its length now runs past the block
        QVERIFY(test::writeBytes(path, file));
        {
            TagLib::FLAC::File taglib(QFile::encodeName(path).constData());
            QVERIFY(taglib.isValid());
            QCOMPARE(taglib.tag()->artist(), TagLib::String("Artist"));  // before the damage
            QVERIFY2(taglib.tag()->title().isEmpty(), "TagLib now reads past the comment");
        }
        const TagReadResult read = readTrackTags(QFile::encodeName(path));
        QVERIFY(read.ok);
        QCOMPARE(read.tags.title, QStringLiteral("Title"));
        QCOMPARE(read.tags.artist, QStringLiteral("Artist"));
        QVERIFY2(read.problem.contains(QLatin1String("damaged Vorbis comment")),
                 qPrintable(read.problem));
    }

    void riffInfoFillsWhatId3v2Lacks() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("both.wav"));
        QVERIFY(QFile::copy(test::clipPath(QStringLiteral("wav")), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        {
            TagLib::RIFF::WAV::File wav(QFile::encodeName(path).constData());
            wav.ID3v2Tag()->setTitle("Title");
            wav.InfoTag()->setArtist("Info Artist");
            wav.InfoTag()->setAlbum("Info Album");
            QVERIFY(wav.save());
        }
        {
            TagLib::FileRef taglib(QFile::encodeName(path).constData());
            QVERIFY2(taglib.tag()->artist().isEmpty(), "TagLib's WAV tag now merges RIFF INFO");
        }
        const TagReadResult read = readTrackTags(QFile::encodeName(path));
        QVERIFY(read.ok);
        QCOMPARE(read.tags.title, QStringLiteral("Title"));
        QCOMPARE(read.tags.artist, QStringLiteral("Info Artist"));
        QCOMPARE(read.tags.album, QStringLiteral("Info Album"));
        QVERIFY2(read.problem.isEmpty(), qPrintable(read.problem));  // two tags are no damage
    }

    // Crafted tags: a size claiming 256 MB, frame names everywhere with absurd sizes.
    void craftedTagsAreSurvived() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crafted.mp3"));
        QByteArray tag("ID3\x04\x00\x00\x7f\x7f\x7f\x7f", kId3v2HeaderSize);
        for (int i = 0; i < 4096; ++i)
            tag += QByteArray(
                "TIT2\xff\xff\xff\xff\x00\x00TPE1\x00\x00\x00\x02\x00\x00\x03"
                "X",
                22);  // TPE1's two bytes: UTF-8, "X"
        QVERIFY(test::writeBytes(path, tag + mp3Audio()));
        const TagReadResult read = readTrackTags(QFile::encodeName(path));
        QVERIFY(!read.ok || read.tags.title.isEmpty());

        const QString flacPath = dir.filePath(QStringLiteral("crafted.flac"));
        QByteArray flac = readAll(test::clipPath(QStringLiteral("flac")));
        // After STREAMINFO ("fLaC", its 4-byte header, 34 bytes): a comment block whose vendor
        // and comment lengths all run past its end, each before a "TITLE=".
        constexpr int kAfterStreamInfo = 4 + 4 + 34;
        QByteArray block("\xff\xff\xff\xff", 4);
        for (int i = 0; i < 512; ++i)
            block += QByteArray("\xf0\xff\xff\x0fTITLE=", 10);
        const char last = char(flac[4] & 0x80);
        flac[4] = char(flac[4] & 0x7f);
        QByteArray header;
        header.append(char(last | 4)).append(char(block.size() >> 16));
        header.append(char((block.size() >> 8) & 0xff)).append(char(block.size() & 0xff));
        flac.insert(kAfterStreamInfo, header + block);
        QVERIFY(test::writeBytes(flacPath, flac));
        const TagReadResult crafted = readTrackTags(QFile::encodeName(flacPath));
        QVERIFY(crafted.ok);  // the audio is intact
        QVERIFY(crafted.tags.title.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTagFallback)
#include "tst_tagfallback.moc"
