// The seed project's two CSV files: ratings.csv (SeedRatingsParser) when the first byte is even,
// songs.csv (SeedSongReader) when it is odd.

#include "fuzzsupport.h"
#include "historyfuzz.h"
#include "listens/import/seedratingsparser.h"
#include "listens/import/seedsongreader.h"

#include <QBuffer>

using namespace encore;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz::silenceQtMessages();
    if (size == 0)
        return 0;
    QByteArray bytes = fuzz::bytesOf(data + 1, size - 1);
    QBuffer device(&bytes);
    device.open(QIODevice::ReadOnly);
    if (data[0] % 2 == 0) {
        SeedRatingsParser parser(device, fuzz::fuzzContext(), QStringLiteral("seed:"));
        fuzz::drain(parser);
        return 0;
    }
    SeedSongReader reader(device, QStringLiteral("songs.csv"));
    SeedSong song;
    for (;;) {
        const Result<bool> more = reader.next(song);
        if (!more || !more.value())
            return 0;
    }
}
