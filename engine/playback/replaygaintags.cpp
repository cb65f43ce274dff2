#include "playback/replaygaintags.h"

#include "library/readonlyfileref.h"
#include "library/tagmapping.h"

#include <taglib/fileref.h>
#include <taglib/tpropertymap.h>

#include <QFile>

namespace encore {

namespace {

QString first(const TagLib::PropertyMap& map, const char* key) {
    const auto it = map.find(key);
    if (it == map.end() || it->second.isEmpty())
        return {};
    return QString::fromStdWString(it->second.front().toWString()).trimmed();
}

}  // namespace

std::optional<double> ReplayGainTags::parseGain(const QString& text) {
    return parseReplayGainDb(text);
}

ReplayGainTags ReplayGainTags::read(const QString& path) {
    ReplayGainTags tags;
    const QByteArray name = QFile::encodeName(path);
    ReadOnlyFileRef opened(name, false);
    const TagLib::FileRef& file = opened.ref();
    if (file.isNull() || !file.tag())
        return tags;
    const TagLib::PropertyMap map = file.file()->properties();
    const QString album = first(map, "ALBUM");
    QString artist = first(map, "ALBUMARTIST");
    if (artist.isEmpty())
        artist = first(map, "ARTIST");
    if (!album.isEmpty())
        tags.album_key = artist + QChar(0x1f) + album;
    tags.loudness = replayGainFromProperties(map);
    return tags;
}

}  // namespace encore
