#include "library/tagwriter.h"

#include <taglib/fileref.h>
#include <taglib/tpropertymap.h>

#include <QFile>

namespace encore {

namespace {

TagLib::String toTagLib(const QString& text) {
    return TagLib::String(text.toStdString(), TagLib::String::UTF8);
}

void setIfAny(TagLib::PropertyMap& map, const char* key, const QString& value) {
    if (!value.isEmpty())
        map.replace(key, TagLib::StringList(toTagLib(value)));
}

void setIfPositive(TagLib::PropertyMap& map, const char* key, int value) {
    if (value > 0)
        map.replace(key, TagLib::StringList(TagLib::String::number(value)));
}

}  // namespace

Status writeTrackTags(const QString& path, const TrackTags& tags) {
    TagLib::FileRef ref(QFile::encodeName(path).constData(), false);
    if (ref.isNull())
        return Error{QStringLiteral("%1 is not an audio file TagLib can write.").arg(path)};
    TagLib::PropertyMap map;
    setIfAny(map, "TITLE", tags.title);
    setIfAny(map, "ARTIST", tags.artist);
    setIfAny(map, "ALBUM", tags.album);
    setIfAny(map, "ALBUMARTIST", tags.album_artist);
    if (!tags.genres.isEmpty()) {
        TagLib::StringList genres;
        for (const QString& genre : tags.genres)
            genres.append(toTagLib(genre));
        map.replace("GENRE", genres);
    }
    setIfPositive(map, "DATE", tags.year);
    setIfPositive(map, "TRACKNUMBER", tags.track_no);
    setIfPositive(map, "DISCNUMBER", tags.disc_no);
    ref.file()->setProperties(map);
    if (!ref.file()->save())
        return Error{
            QStringLiteral("Could not save tags to %1; check that it is writable.").arg(path)};
    return {};
}

}  // namespace encore
