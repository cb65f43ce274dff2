// Rockbox's .scrobbler.log (AUDIOSCROBBLER/1.1), as ScrobblerLogParser reads it.

#include "fuzzsupport.h"
#include "historyfuzz.h"
#include "listens/import/scrobblerlogparser.h"

#include <QBuffer>

using namespace encore;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz::silenceQtMessages();
    QByteArray bytes = fuzz::bytesOf(data, size);
    QBuffer device(&bytes);
    device.open(QIODevice::ReadOnly);
    ScrobblerLogParser parser(device, fuzz::fuzzContext());
    fuzz::drain(parser);
    return 0;
}
