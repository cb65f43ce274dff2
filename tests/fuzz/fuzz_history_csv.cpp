// Scrobble CSV (Last.fm, Libre.fm, Spinitron, Encore's own export), as CsvHistoryParser reads it.

#include "fuzzsupport.h"
#include "historyfuzz.h"
#include "listens/import/csvhistoryparser.h"
#include "listens/import/formatdetector.h"

#include <QBuffer>

using namespace encore;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz::silenceQtMessages();
    QByteArray bytes = fuzz::bytesOf(data, size);
    (void)FormatDetector::detectHead(bytes, QStringLiteral("scrobbles.csv"));
    QBuffer device(&bytes);
    device.open(QIODevice::ReadOnly);
    CsvHistoryParser parser(device, fuzz::fuzzContext());
    fuzz::drain(parser);
    return 0;
}
