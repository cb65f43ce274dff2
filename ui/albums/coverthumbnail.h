#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

namespace encore {

// Pictures larger than these are not decoded for a thumbnail: a 12,000-pixel scan or a file
// crafted to claim a huge size would cost hundreds of megabytes for a 160-pixel tile.
constexpr qint64 kMaxCoverBytes = 32 * 1024 * 1024;
constexpr qint64 kMaxCoverPixels = 36'000'000;  // 6000 x 6000

struct CoverThumbnail {
    enum class Outcome { Decoded, None, TooLarge, Unreadable };
    Outcome outcome = Outcome::None;
    QImage image;    // side x side when decoded
    QString detail;  // why not, in words (for a tooltip)
};

// The centre square of an encoded picture scaled to side x side. Decoding is clipped and
// scaled by the reader where the format allows (JPEG decodes at 1/2, 1/4 or 1/8 directly), and
// the picture's own header is checked against the limits before any pixel is decoded.
CoverThumbnail decodeCoverThumbnail(const QByteArray& encoded, int side);

}  // namespace encore
