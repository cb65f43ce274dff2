// The album grid and its covers (issue 12, part 6): thumbnails decoded off the GUI thread from
// real pictures, limits checked from the picture's header before decoding, a disk cache keyed
// by album that a second session reads back, pruned to its size limit, and the grid in the real
// window on a scanned library (filter, embedded and folder covers, play an album in order).

#include "albums/albumgrid.h"
#include "albums/albumgridmodel.h"
#include "albums/covercache.h"
#include "albums/coverthumbnail.h"
#include "browse/trackdrag.h"
#include "library/tagedit.h"
#include "playback/playbackcontroller.h"
#include "uitestsupport.h"
#include "windowfixture.h"

#include <QBuffer>
#include <QDir>
#include <QLineEdit>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

using namespace encore;
using encore::test::App;

namespace {

constexpr int kWaitMs = 20000;
constexpr int kSide = 48;

QByteArray encoded(const QImage& image, const char* format) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

// A picture whose left third is red and the rest blue: the centre square is all blue.
QImage wideCover(int width, int height) {
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::blue);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width / 4; ++x)
            image.setPixel(x, y, qRgb(255, 0, 0));
    return image;
}

quint32 crc32(const QByteArray& bytes) {
    quint32 crc = 0xffffffffu;
    for (const char byte : bytes) {
        crc ^= quint8(byte);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// A valid PNG header that claims `side` x `side` pixels, and no pixels.
QByteArray pngClaiming(quint32 side) {
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    QByteArray ihdr("IHDR");
    for (int shift = 24; shift >= 0; shift -= 8)
        ihdr.append(char((side >> shift) & 0xff));
    for (int shift = 24; shift >= 0; shift -= 8)
        ihdr.append(char((side >> shift) & 0xff));
    ihdr.append("\x08\x02\x00\x00\x00", 5);
    png.append(QByteArray("\x00\x00\x00\x0d", 4));
    png.append(ihdr);
    const auto appendCrc = [&png](const QByteArray& chunk) {
        const quint32 crc = crc32(chunk);
        for (int shift = 24; shift >= 0; shift -= 8)
            png.append(char((crc >> shift) & 0xff));
    };
    appendCrc(ihdr);
    png.append(QByteArray(4, '\0'));  // an empty IDAT: the reader stops there for the size
    png.append("IDAT");
    appendCrc("IDAT");
    return png;
}

bool isColour(QRgb pixel, QColor expected) {
    const QColor c(pixel);
    return qAbs(c.red() - expected.red()) < 40 && qAbs(c.green() - expected.green()) < 40 &&
           qAbs(c.blue() - expected.blue()) < 40;
}

// An album folder under `root` with a cover image (or none) and the path of a first track.
QString albumWith(const QString& root, const QString& name, const QImage& cover) {
    const QString folder = root + QLatin1Char('/') + name;
    QDir().mkpath(folder);
    if (!cover.isNull())
        cover.save(folder + QStringLiteral("/cover.jpg"), "JPEG", 95);
    return folder + QStringLiteral("/01.flac");  // not there: the folder's image is the cover
}

CoverCache::State waitFor(CoverCache& cache, const QString& key, const QString& path, QImage* image,
                          QString* why = nullptr) {
    CoverCache::State state = cache.lookup(key, path, image, why);
    QElapsedTimer t;
    t.start();
    while (state == CoverCache::State::Loading && t.elapsed() < kWaitMs) {
        QSignalSpy(&cache, &CoverCache::coverReady).wait(200);
        state = cache.lookup(key, path, image, why);
    }
    return state;
}

int filesIn(const QString& dir) {
    return int(QDir(dir).entryList(QDir::Files).size());
}

}  // namespace

class TestAlbumGrid : public QObject {
    Q_OBJECT

    std::unique_ptr<test::IsolatedSettings> settings_;

private Q_SLOTS:
    void init() { settings_ = std::make_unique<test::IsolatedSettings>(); }
    void cleanup() { settings_.reset(); }

    void thumbnailIsTheCentreSquareAtItsSize() {
        for (const char* format : {"JPEG", "PNG"}) {
            const CoverThumbnail t =
                decodeCoverThumbnail(encoded(wideCover(400, 200), format), kSide);
            QCOMPARE(t.outcome, CoverThumbnail::Outcome::Decoded);
            QCOMPARE(t.image.size(), QSize(kSide, kSide));
            // The red quarter lies outside the centre square: no red at the left edge.
            QVERIFY2(isColour(t.image.pixel(1, kSide / 2), Qt::blue), format);
            QVERIFY2(isColour(t.image.pixel(kSide - 2, kSide / 2), Qt::blue), format);
        }
        // A small picture is scaled up to the tile.
        QCOMPARE(decodeCoverThumbnail(encoded(wideCover(20, 20), "PNG"), kSide).image.size(),
                 QSize(kSide, kSide));
    }

    void badPicturesAreRefusedWithAReason() {
        const CoverThumbnail huge = decodeCoverThumbnail(pngClaiming(100000), kSide);
        QCOMPARE(huge.outcome, CoverThumbnail::Outcome::TooLarge);
        QVERIFY2(huge.detail.contains(QLatin1String("100000 x 100000")), qPrintable(huge.detail));
        const CoverThumbnail garbage = decodeCoverThumbnail(QByteArray(5000, 'x'), kSide);
        QCOMPARE(garbage.outcome, CoverThumbnail::Outcome::Unreadable);
        QVERIFY(!garbage.detail.isEmpty());
        // A real header with its pixel data cut off.
        const QByteArray jpeg = encoded(wideCover(300, 300), "JPEG");
        const CoverThumbnail cut = decodeCoverThumbnail(jpeg.left(jpeg.size() / 8), kSide);
        QVERIFY(cut.outcome != CoverThumbnail::Outcome::TooLarge);
        QCOMPARE(decodeCoverThumbnail({}, kSide).outcome, CoverThumbnail::Outcome::None);
        QCOMPARE(decodeCoverThumbnail(QByteArray(int(kMaxCoverBytes) + 1, '\xff'), kSide).outcome,
                 CoverThumbnail::Outcome::TooLarge);
    }

    void coversAreDecodedOffTheGuiThreadAndKeptOnDisk() {
        QTemporaryDir music, cache;
        QImage green(300, 300, QImage::Format_RGB32);
        green.fill(Qt::green);
        const QString withCover = albumWith(music.path(), QStringLiteral("A"), green);
        const QString without = albumWith(music.path(), QStringLiteral("B"), {});
        {
            CoverCache covers(cache.path(), kSide);
            QImage image;
            QCOMPARE(covers.lookup(QStringLiteral("a"), withCover, &image),
                     CoverCache::State::Loading);  // never decoded on the caller's thread
            QCOMPARE(waitFor(covers, QStringLiteral("a"), withCover, &image),
                     CoverCache::State::Ready);
            QCOMPARE(image.size(), QSize(kSide, kSide));
            QVERIFY(isColour(image.pixel(kSide / 2, kSide / 2), Qt::green));
            QString why;
            QCOMPARE(waitFor(covers, QStringLiteral("b"), without, &image, &why),
                     CoverCache::State::None);
            QVERIFY2(why.contains(QLatin1String("folder")), qPrintable(why));
            QCOMPARE(covers.stats().decoded, 1);
            QCOMPARE(covers.stats().none, 1);
            QVERIFY(covers.isIdle());
        }
        QCOMPARE(filesIn(cache.path()), 2);  // the thumbnail and the "no cover" note
        {
            // The next session reads both back from disk, decoding nothing.
            CoverCache covers(cache.path(), kSide);
            QImage image;
            QCOMPARE(waitFor(covers, QStringLiteral("a"), withCover, &image),
                     CoverCache::State::Ready);
            QVERIFY(isColour(image.pixel(kSide / 2, kSide / 2), Qt::green));
            QCOMPARE(waitFor(covers, QStringLiteral("b"), without, &image),
                     CoverCache::State::None);
            QCOMPARE(covers.stats().from_disk, 2);
            QCOMPARE(covers.stats().decoded, 0);
        }
        {
            // A new cover in the folder (its date moves on) is decoded again.
            QThread::msleep(20);
            QImage red(300, 300, QImage::Format_RGB32);
            red.fill(Qt::red);
            QFile::remove(QFileInfo(withCover).path() + QStringLiteral("/cover.jpg"));
            red.save(QFileInfo(withCover).path() + QStringLiteral("/folder.png"));
            CoverCache covers(cache.path(), kSide);
            QImage image;
            QCOMPARE(waitFor(covers, QStringLiteral("a"), withCover, &image),
                     CoverCache::State::Ready);
            QVERIFY(isColour(image.pixel(kSide / 2, kSide / 2), Qt::red));
            QCOMPARE(covers.stats().decoded, 1);
        }
    }

    void embeddedCoverWinsOverTheFolder() {
        QTemporaryDir music, cache;
        const QString path = music.filePath(QStringLiteral("C/01.flac"));
        QVERIFY(test::makeTaggedFile(
            path, test::tags(QStringLiteral("X"), QStringLiteral("C"), QStringLiteral("One"), 1)));
        QImage folder(100, 100, QImage::Format_RGB32);
        folder.fill(Qt::green);
        folder.save(music.filePath(QStringLiteral("C/cover.jpg")));
        QImage embedded(120, 120, QImage::Format_RGB32);
        embedded.fill(Qt::magenta);
        TagChange change;
        change.cover = CoverArt{encoded(embedded, "PNG"), QStringLiteral("image/png"), {}};
        QVERIFY(applyTagChange(path, change).ok());
        CoverCache covers(cache.path(), kSide);
        QImage image;
        QCOMPARE(waitFor(covers, QStringLiteral("c"), path, &image), CoverCache::State::Ready);
        QVERIFY(isColour(image.pixel(kSide / 2, kSide / 2), Qt::magenta));
    }

    void diskCacheStaysUnderItsLimit() {
        QTemporaryDir music, cache;
        QImage noisy(kSide, kSide, QImage::Format_RGB32);
        for (int y = 0; y < kSide; ++y)
            for (int x = 0; x < kSide; ++x)
                noisy.setPixel(x, y,
                               qRgb((x * 37 + y * 11) % 256, (x * y) % 256, (x + y * 5) % 256));
        const qint64 one = encoded(noisy, "JPEG").size();
        const qint64 limit = 4 * one;
        CoverCache covers(cache.path(), kSide, limit);
        for (int i = 0; i < 12; ++i) {
            const QString path = albumWith(music.path(), QString::number(i), noisy);
            QImage image;
            QCOMPARE(waitFor(covers, QString::number(i), path, &image), CoverCache::State::Ready);
        }
        qint64 total = 0;
        for (const QFileInfo& f : QDir(cache.path()).entryInfoList(QDir::Files))
            total += f.size();
        QVERIFY2(total <= limit, qPrintable(QStringLiteral("%1 > %2").arg(total).arg(limit)));
        QVERIFY(filesIn(cache.path()) >= 2);  // the newest stay
        QCOMPARE(covers.diskBytes(), total);
    }

    void aFastScrollDropsWhatFlewPast() {
        QTemporaryDir music, cache;
        QImage cover(600, 600, QImage::Format_RGB32);
        cover.fill(Qt::darkYellow);
        const int albums = 3 * CoverCache::kMaxPending;
        QStringList paths;
        for (int i = 0; i < albums; ++i)
            paths << albumWith(music.path(), QString::number(i), i < 2 ? cover : QImage());
        for (int i = 2; i < albums; ++i)  // one picture, many folders: quick to make
            QFile::link(QFileInfo(paths[0]).path() + QStringLiteral("/cover.jpg"),
                        QFileInfo(paths[i]).path() + QStringLiteral("/cover.jpg"));
        CoverCache covers(cache.path(), kSide);
        for (int i = 0; i < albums; ++i)
            covers.lookup(QString::number(i), paths[i], nullptr);
        QSignalSpy idle(&covers, &CoverCache::idle);
        QVERIFY(covers.isIdle() || idle.wait(60000));
        const CoverCache::Stats s = covers.stats();
        QVERIFY2(s.dropped >= albums - CoverCache::kMaxPending - 8,
                 qPrintable(QString::number(s.dropped)));
        QCOMPARE(s.decoded + s.none + s.dropped, albums);
        // The newest requests were served: the last album's cover is held.
        QImage image;
        QCOMPARE(covers.lookup(QString::number(albums - 1), paths.last(), &image),
                 CoverCache::State::Ready);
    }

    void theGridInTheWindow() {
        App app;
        QVERIFY(app.engine.start().ok());
        app.open();
        QVERIFY(app.scan());
        QTRY_COMPARE(app.model()->rowCount(), 6);
        LibraryPage* page = app.window->libraryPage();
        // The covers live in the cache folder the desktop gives Encore.
        QVERIFY(page->covers()->directory().startsWith(settings_->dir.path()));
        page->showAlbums(true);
        QVERIFY(page->showingAlbums());
        AlbumGridModel* albums = page->albumModel();
        QCOMPARE(albums->rowCount(), 2);
        QCOMPARE(albums->index(0).data().toString(), QStringLiteral("Dummy"));
        QCOMPARE(albums->index(0).data(AlbumGridModel::kArtistRole).toString(),
                 QStringLiteral("Portishead"));
        QCOMPARE(albums->index(1).data(AlbumGridModel::kTrackCountRole).toInt(), 3);

        // Dummy has cover.jpg (dark cyan); Nocturnes has nothing.
        page->albumGrid()->viewport()->repaint();
        CoverCache* covers = page->covers();
        QImage image;
        QString why;
        const auto coverOf = [&](int row) {
            const QModelIndex i = albums->index(row);
            return waitFor(*covers, i.data(AlbumGridModel::kCoverKeyRole).toString(),
                           i.data(AlbumGridModel::kCoverPathRole).toString(), &image, &why);
        };
        QCOMPARE(coverOf(0), CoverCache::State::Ready);
        QVERIFY(isColour(image.pixel(image.width() / 2, image.height() / 2), Qt::darkCyan));
        QCOMPARE(coverOf(1), CoverCache::State::None);

        // The filter narrows the grid, and the count says albums.
        page->filterEdit()->setText(QStringLiteral("nocturne"));
        QCOMPARE(albums->rowCount(), 1);
        QCOMPARE(albums->index(0).data().toString(), QStringLiteral("Nocturnes"));
        page->filterEdit()->clear();
        QCOMPARE(albums->rowCount(), 2);

        // Activating a tile plays the whole album from its first track, in track order.
        const QList<TrackId> dummy = albums->tracksAt(0);
        QCOMPARE(dummy, (QList<TrackId>{app.trackIdOf(QStringLiteral("Mysterons")),
                                        app.trackIdOf(QStringLiteral("Sour Times")),
                                        app.trackIdOf(QStringLiteral("Strangers"))}));
        Q_EMIT page->albumGrid()->albumActivated(0);
        QTRY_VERIFY(app.window->playback()->current().has_value());
        QCOMPARE(app.window->playback()->current()->id, dummy.first());
        QVERIFY(app.window->playback()->hasNext());

        // Dragging a tile carries the album's tracks.
        std::unique_ptr<QMimeData> mime(albums->mimeData({albums->index(1)}));
        QCOMPARE(TrackDrag::decode(mime.get()).size(), 3);

        // The choice of view is kept.
        QSettings settings;
        page->saveState(settings);
        page->showAlbums(false);
        QVERIFY(!page->showingAlbums());
        page->restoreState(settings);
        QVERIFY(page->showingAlbums());
    }
};

QTEST_MAIN(TestAlbumGrid)
#include "tst_albumgrid.moc"
