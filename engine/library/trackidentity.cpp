#include "library/trackidentity.h"

#include "core/textfold.h"

namespace encore {

QString trackIdentityKey(const TrackTags& tags, const QString& fileName, qint64 size) {
    static const QChar kSeparator(0x1f);  // unit separator: cannot appear in folded text
    if (tags.title.isEmpty())
        return QStringLiteral("file") + kSeparator + foldForComparison(fileName) + kSeparator +
               QString::number(size);
    const QString& artist = tags.album_artist.isEmpty() ? tags.artist : tags.album_artist;
    return foldForComparison(artist) + kSeparator + foldForComparison(tags.album) + kSeparator +
           QString::number(qMax(tags.disc_no, 1)) + kSeparator + QString::number(tags.track_no) +
           kSeparator + foldForComparison(tags.title);
}

}  // namespace encore
