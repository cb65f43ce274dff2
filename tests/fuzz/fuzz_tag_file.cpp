// readTrackTags on a whole file: TagLib's readers, then Encore's own walks of what they drop
// (library/tagfallback: ID3v2 frames one by one, a FLAC file's Vorbis comments one by one).
// The first byte picks the file's extension, and so the TagLib reader.

#include "fuzzsupport.h"
#include "library/tagreader.h"

using namespace encore;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz::silenceQtMessages();
    if (size == 0)
        return 0;
    static const char* const kExtensions[] = {"mp3", "flac", "ape", "mpc", "wav", "tta"};
    const QString name = QStringLiteral("input.") + QLatin1String(kExtensions[data[0] % 6]);
    const QString path = fuzz::writeInput(fuzz::bytesOf(data + 1, size - 1), name);
    const TagReadResult read = readTrackTags(QFile::encodeName(path));
    if (!read.ok && !read.problem.isEmpty())
        qFatal("a tag problem is listed only for a file that was read");
    return 0;
}
