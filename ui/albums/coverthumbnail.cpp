#include "albums/coverthumbnail.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImageReader>

namespace encore {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("CoverThumbnail", text);
}
}  // namespace

CoverThumbnail decodeCoverThumbnail(const QByteArray& encoded, int side) {
    using Outcome = CoverThumbnail::Outcome;
    if (encoded.isEmpty())
        return {Outcome::None, {}, tr("No cover")};
    if (encoded.size() > kMaxCoverBytes)
        return {Outcome::TooLarge,
                {},
                tr("The cover picture is %1 MB, more than Encore decodes for a thumbnail")
                    .arg(encoded.size() / (1024 * 1024))};
    QBuffer buffer;
    buffer.setData(encoded);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QSize size = reader.size();  // from the header, nothing decoded yet
    if (!size.isValid() || size.isEmpty())
        return {Outcome::Unreadable,
                {},
                tr("The cover picture cannot be read (%1)").arg(reader.errorString())};
    if (qint64(size.width()) * size.height() > kMaxCoverPixels)
        return {Outcome::TooLarge,
                {},
                tr("The cover picture is %1 x %2 pixels, more than Encore decodes for a thumbnail")
                    .arg(size.width())
                    .arg(size.height())};
    const int square = qMin(size.width(), size.height());
    const QRect centre((size.width() - square) / 2, (size.height() - square) / 2, square, square);
    const bool clips = reader.supportsOption(QImageIOHandler::ClipRect);
    if (clips)
        reader.setClipRect(centre);
    if (reader.supportsOption(QImageIOHandler::ScaledSize) && square > side)  // keeps the shape
        reader.setScaledSize(clips ? QSize(side, side)
                                   : size.scaled(side, side, Qt::KeepAspectRatioByExpanding));
    reader.setQuality(75);  // smooth scaling in the JPEG reader
    QImage image = reader.read();
    if (image.isNull())
        return {Outcome::Unreadable,
                {},
                tr("The cover picture cannot be decoded (%1)").arg(reader.errorString())};
    if (image.width() != image.height()) {  // the reader could not clip
        const int s = qMin(image.width(), image.height());
        image = image.copy((image.width() - s) / 2, (image.height() - s) / 2, s, s);
    }
    if (image.width() != side)
        image = image.scaled(side, side, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    image.convertTo(image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied
                                            : QImage::Format_RGB32);
    return {Outcome::Decoded, image, {}};
}

}  // namespace encore
