#include "engine.h"
#include "library/coverart.h"
#include "testsupport.h"

#include <taglib/apetag.h>
#include <taglib/attachedpictureframe.h>
#include <taglib/flacfile.h>
#include <taglib/flacpicture.h>
#include <taglib/id3v2tag.h>
#include <taglib/mp4file.h>
#include <taglib/mpegfile.h>
#include <taglib/opusfile.h>
#include <taglib/vorbisfile.h>
#include <taglib/wavfile.h>
#include <taglib/xiphcomment.h>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace encore;

namespace {

// Not real images: the engine hands bytes over without decoding them.
const QByteArray kFront = QByteArrayLiteral("\xFF\xD8\xFF front cover bytes");
const QByteArray kBack = QByteArrayLiteral("\xFF\xD8\xFF back cover bytes");

TagLib::ByteVector bytes(const QByteArray& b) {
    return TagLib::ByteVector(b.constData(), uint(b.size()));
}

QString copyClip(const QTemporaryDir& dir, const QString& ext, const QString& name) {
    const QString path = dir.filePath(name + QLatin1Char('.') + ext);
    QDir().mkpath(QFileInfo(path).path());
    QFile::copy(QStringLiteral(ENCORE_TEST_DATA "/audio/clip.") + ext, path);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

void addApic(TagLib::ID3v2::Tag* tag, TagLib::ID3v2::AttachedPictureFrame::Type type,
             const QByteArray& data) {
    auto* frame = new TagLib::ID3v2::AttachedPictureFrame;
    frame->setMimeType("image/jpeg");
    frame->setType(type);
    frame->setPicture(bytes(data));
    tag->addFrame(frame);
}

TagLib::FLAC::Picture* flacPicture(TagLib::FLAC::Picture::Type type, const QByteArray& data) {
    auto* p = new TagLib::FLAC::Picture;
    p->setType(type);
    p->setMimeType("image/png");
    p->setData(bytes(data));
    return p;
}

bool writeFile(const QString& path, const QByteArray& data) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

}  // namespace

class TestCoverArt : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsId3v2PreferringTheFrontCover() {
        QTemporaryDir dir;
        const QString path = copyClip(dir, QStringLiteral("mp3"), QStringLiteral("a/track"));
        {
            TagLib::MPEG::File f(QFile::encodeName(path).constData());
            addApic(f.ID3v2Tag(true), TagLib::ID3v2::AttachedPictureFrame::BackCover, kBack);
            addApic(f.ID3v2Tag(true), TagLib::ID3v2::AttachedPictureFrame::FrontCover, kFront);
            QVERIFY(f.save());
        }
        const auto cover = readEmbeddedCover(path);
        QVERIFY(cover);
        QCOMPARE(cover->data, kFront);
        QCOMPARE(cover->mime_type, QStringLiteral("image/jpeg"));
        QCOMPARE(cover->source, QStringLiteral("embedded"));
    }

    void takesAnyPictureWithoutAFrontCover() {
        QTemporaryDir dir;
        const QString path = copyClip(dir, QStringLiteral("mp3"), QStringLiteral("track"));
        {
            TagLib::MPEG::File f(QFile::encodeName(path).constData());
            addApic(f.ID3v2Tag(true), TagLib::ID3v2::AttachedPictureFrame::Other, kBack);
            QVERIFY(f.save());
        }
        QCOMPARE(readEmbeddedCover(path)->data, kBack);
    }

    void readsApeCoverArt() {
        QTemporaryDir dir;
        const QString path = copyClip(dir, QStringLiteral("mp3"), QStringLiteral("track"));
        {
            TagLib::MPEG::File f(QFile::encodeName(path).constData());
            f.APETag(true)->setData("COVER ART (FRONT)",
                                    bytes(QByteArrayLiteral("cover.jpg") + '\0' + kFront));
            QVERIFY(f.save(TagLib::MPEG::File::APE));
        }
        QCOMPARE(readEmbeddedCover(path)->data, kFront);
    }

    void readsFlacPictures() {
        QTemporaryDir dir;
        const QString path = copyClip(dir, QStringLiteral("flac"), QStringLiteral("track"));
        {
            TagLib::FLAC::File f(QFile::encodeName(path).constData());
            f.addPicture(flacPicture(TagLib::FLAC::Picture::Artist, kBack));
            f.addPicture(flacPicture(TagLib::FLAC::Picture::FrontCover, kFront));
            QVERIFY(f.save());
        }
        const auto cover = readEmbeddedCover(path);
        QCOMPARE(cover->data, kFront);
        QCOMPARE(cover->mime_type, QStringLiteral("image/png"));
    }

    void readsMp4Covr() {
        QTemporaryDir dir;
        const QString path = copyClip(dir, QStringLiteral("m4a"), QStringLiteral("track"));
        {
            TagLib::MP4::File f(QFile::encodeName(path).constData());
            TagLib::MP4::CoverArtList list;
            list.append(TagLib::MP4::CoverArt(TagLib::MP4::CoverArt::PNG, bytes(kFront)));
            f.tag()->setItem("covr", list);
            QVERIFY(f.save());
        }
        const auto cover = readEmbeddedCover(path);
        QCOMPARE(cover->data, kFront);
        QCOMPARE(cover->mime_type, QStringLiteral("image/png"));
    }

    void readsXiphPictures_data() {
        QTest::addColumn<QString>("ext");
        QTest::newRow("vorbis") << QStringLiteral("ogg");
        QTest::newRow("opus") << QStringLiteral("opus");
    }
    void readsXiphPictures() {
        QFETCH(QString, ext);
        QTemporaryDir dir;
        const QString path = copyClip(dir, ext, QStringLiteral("track"));
        {
            const QByteArray local = QFile::encodeName(path);
            std::unique_ptr<TagLib::File> f;
            TagLib::Ogg::XiphComment* tag = nullptr;
            if (ext == QLatin1String("ogg")) {
                auto* v = new TagLib::Ogg::Vorbis::File(local.constData());
                tag = v->tag();
                f.reset(v);
            } else {
                auto* o = new TagLib::Ogg::Opus::File(local.constData());
                tag = o->tag();
                f.reset(o);
            }
            tag->addPicture(flacPicture(TagLib::FLAC::Picture::FrontCover, kFront));
            QVERIFY(f->save());
        }
        QCOMPARE(readEmbeddedCover(path)->data, kFront);
    }

    void readsTheOldCoverartField() {
        QTemporaryDir dir;
        const QString path = copyClip(dir, QStringLiteral("ogg"), QStringLiteral("track"));
        {
            TagLib::Ogg::Vorbis::File f(QFile::encodeName(path).constData());
            f.tag()->addField("COVERART", TagLib::String(kFront.toBase64().constData()));
            QVERIFY(f.save());
        }
        QCOMPARE(readEmbeddedCover(path)->data, kFront);
    }

    void readsWavId3v2() {
        QTemporaryDir dir;
        const QString path = copyClip(dir, QStringLiteral("wav"), QStringLiteral("track"));
        {
            TagLib::RIFF::WAV::File f(QFile::encodeName(path).constData());
            addApic(f.ID3v2Tag(), TagLib::ID3v2::AttachedPictureFrame::FrontCover, kFront);
            QVERIFY(f.save());
        }
        QCOMPARE(readEmbeddedCover(path)->data, kFront);
    }

    void fallsBackToTheFolder_data() {
        QTest::addColumn<QStringList>("images");
        QTest::addColumn<QString>("expected");
        QTest::newRow("cover.jpg")
            << QStringList{QStringLiteral("cover.jpg")} << QStringLiteral("cover.jpg");
        QTest::newRow("case") << QStringList{QStringLiteral("Folder.JPG")}
                              << QStringLiteral("Folder.JPG");
        QTest::newRow("cover before back")
            << QStringList{QStringLiteral("back.jpg"), QStringLiteral("cover.png")}
            << QStringLiteral("cover.png");
        QTest::newRow("cover before folder")
            << QStringList{QStringLiteral("folder.jpg"), QStringLiteral("cover.jpg")}
            << QStringLiteral("cover.jpg");
        QTest::newRow("front.webp")
            << QStringList{QStringLiteral("front.webp")} << QStringLiteral("front.webp");
        QTest::newRow("windows media") << QStringList{QStringLiteral("AlbumArt_{1234}_Large.jpg")}
                                       << QStringLiteral("AlbumArt_{1234}_Large.jpg");
        QTest::newRow("only the back") << QStringList{QStringLiteral("back.jpg")} << QString();
        QTest::newRow("no image") << QStringList{QStringLiteral("notes.txt")} << QString();
    }
    void fallsBackToTheFolder() {
        QFETCH(QStringList, images);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = copyClip(dir, QStringLiteral("mp3"), QStringLiteral("album/track"));
        for (const QString& image : images)
            QVERIFY(writeFile(dir.filePath(QStringLiteral("album/") + image), image.toUtf8()));
        QVERIFY(!readEmbeddedCover(path));
        const auto cover = readCoverArt(path);
        if (expected.isEmpty()) {
            QVERIFY(!cover);
            return;
        }
        QVERIFY(cover);
        QCOMPARE(cover->data, expected.toUtf8());
        QCOMPARE(QFileInfo(cover->source).fileName(), expected);
    }

    void prefersEmbeddedOverFolder() {
        QTemporaryDir dir;
        const QString path = copyClip(dir, QStringLiteral("flac"), QStringLiteral("album/track"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("album/cover.jpg")), kBack));
        {
            TagLib::FLAC::File f(QFile::encodeName(path).constData());
            f.addPicture(flacPicture(TagLib::FLAC::Picture::FrontCover, kFront));
            QVERIFY(f.save());
        }
        QCOMPARE(readCoverArt(path)->data, kFront);
    }

    void findsNothingForAMissingFile() {
        QVERIFY(!readCoverArt(QStringLiteral("/nonexistent/encore/track.mp3")));
        QVERIFY(!readEmbeddedCover(QStringLiteral("/nonexistent/encore/track.mp3")));
    }

    void engineReadsCoversOffTheCallingThread() {
        test::TempDatabase temp;
        Engine engine(temp.database);
        QVERIFY(engine.start().ok());
        QTemporaryDir dir;
        const QString path = copyClip(dir, QStringLiteral("mp3"), QStringLiteral("album/track"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("album/cover.jpg")), kFront));
        QFuture<QByteArray> future = engine.coverArt(path);
        QTRY_VERIFY(future.isFinished());
        QCOMPARE(future.result(), kFront);
        QFuture<QByteArray> none = engine.coverArt(dir.filePath(QStringLiteral("missing.mp3")));
        QTRY_VERIFY(none.isFinished());
        QVERIFY(none.result().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCoverArt)
#include "tst_coverart.moc"
