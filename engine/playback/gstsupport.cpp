#include "playback/gstsupport.h"

#include <QFileInfo>
#include <QUrl>

#include <mutex>

namespace encore::gst {

void ensureInitialized() {
    static std::once_flag once;
    std::call_once(once, [] { gst_init(nullptr, nullptr); });
}

QString uriOf(const QString& path) {
    return QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded);
}

QString reason(const GError* error) {
    QString why = error && error->message ? QString::fromUtf8(error->message).trimmed()
                                          : QStringLiteral("the audio system reported an error");
    while (why.endsWith(QLatin1Char('.')))
        why.chop(1);
    if (!why.isEmpty())
        why[0] = why[0].toLower();
    return why;
}

QString decodeReason(const GError* error) {
    if (error && error->domain == GST_STREAM_ERROR &&
        (error->code == GST_STREAM_ERROR_TYPE_NOT_FOUND ||
         error->code == GST_STREAM_ERROR_WRONG_TYPE || error->code == GST_STREAM_ERROR_DECODE ||
         error->code == GST_STREAM_ERROR_DEMUX || error->code == GST_STREAM_ERROR_FORMAT))
        return QStringLiteral("its format is not recognised (damaged, or not audio)");
    return reason(error);
}

}  // namespace encore::gst
