#pragma once

#include "library/tagreader.h"

#include <QByteArray>

namespace encore {

// DSF and DSDIFF (.dsf, .dff): TagLib 1.13 has no reader for them, so Encore parses their
// headers for duration and format and hands their ID3v2 chunk to TagLib's ID3v2 parser.
TagReadResult readDsdTags(const QByteArray& localPath, bool isDsdiff);

}  // namespace encore
