#pragma once

#include "core/track.h"

#include <QByteArray>
#include <QDataStream>
#include <QIODevice>
#include <QList>
#include <QMimeData>

namespace encore {

// Tracks dragged from the library (to the queue): their ids in a private MIME type.
class TrackDrag {
public:
    static constexpr const char* kMimeType = "application/x-encore-track-ids";

    static QMimeData* encode(const QList<TrackId>& ids) {
        QByteArray bytes;
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out << ids;
        auto* mime = new QMimeData;
        mime->setData(QLatin1String(kMimeType), bytes);
        return mime;
    }

    static QList<TrackId> decode(const QMimeData* mime) {
        QList<TrackId> ids;
        if (!mime || !mime->hasFormat(QLatin1String(kMimeType)))
            return ids;
        QDataStream in(mime->data(QLatin1String(kMimeType)));
        in >> ids;
        return in.status() == QDataStream::Ok ? ids : QList<TrackId>();
    }
};

}  // namespace encore
