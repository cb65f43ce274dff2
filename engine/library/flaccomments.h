#pragma once

#include <QHash>
#include <QString>

namespace TagLib {
class File;
}  // namespace TagLib

namespace encore {

// A FLAC file's Vorbis comment block read comment by comment, past one with a broken length
// (where TagLib's XiphComment drops every comment after it): upper-case field name -> its
// first value, for TITLE, ARTIST and ALBUM. `damaged` says whether a comment had to be
// skipped. Empty when the file has no such block.
QHash<QByteArray, QString> readFlacCommentsOneByOne(TagLib::File* file, bool& damaged);

}  // namespace encore
