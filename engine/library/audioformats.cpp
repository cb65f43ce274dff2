#include "library/audioformats.h"

#include <taglib/fileref.h>

#include <QSet>

namespace encore {

namespace {

QSet<QByteArray> buildExtensions() {
    QSet<QByteArray> extensions;
    for (const TagLib::String& ext : TagLib::FileRef::defaultFileExtensions())
        extensions.insert(QByteArray(ext.toCString()).toLower());
    // TagLib 1.13 has no DSD readers; Encore reads their headers and ID3v2 tags itself.
    extensions.insert("dsf");
    extensions.insert("dff");
    return extensions;
}

}  // namespace

bool isAudioFileName(const char* name, qsizetype length) {
    static const QSet<QByteArray> kExtensions = buildExtensions();
    qsizetype dot = length - 1;
    while (dot >= 0 && name[dot] != '.')
        --dot;
    if (dot <= 0 || length - dot - 1 > 8)
        return false;
    return kExtensions.contains(QByteArray(name + dot + 1, length - dot - 1).toLower());
}

}  // namespace encore
