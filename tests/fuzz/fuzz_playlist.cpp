// Playlist files as readPlaylist reads them: the first byte picks M3U, M3U8, PLS or XSPF.

#include "fuzzsupport.h"
#include "playlists/playlistfile.h"

using namespace encore;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz::silenceQtMessages();
    if (size == 0)
        return 0;
    static const char* const kNames[] = {"list.m3u", "list.m3u8", "list.pls", "list.xspf"};
    const QString path = fuzz::writeInput(fuzz::bytesOf(data + 1, size - 1),
                                          QString::fromLatin1(kNames[data[0] % std::size(kNames)]));
    (void)readPlaylist(path);
    return 0;
}
