// The tag normaliser and genre splitter: each line of the input is one tag value as TagLib
// hands it over (UTF-8 or Latin-1, decided by the first byte).

#include "fuzzsupport.h"
#include "library/tagnormalizer.h"

using namespace encore;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz::silenceQtMessages();
    if (size == 0)
        return 0;
    const QByteArray bytes = fuzz::bytesOf(data + 1, size - 1);
    const QString text = data[0] % 2 ? QString::fromLatin1(bytes) : QString::fromUtf8(bytes);
    const QStringList values = text.split(QLatin1Char('\n'));
    for (const QString& value : values) {
        const QString clean = cleanTagText(value);
        // The cleaned text is what gets stored: cleaning it again must change nothing.
        if (cleanTagText(clean) != clean)
            qFatal("cleanTagText is not idempotent");
        (void)leadingNumber(value);
    }
    const QStringList genres = normaliseGenres(values);
    for (const QString& genre : genres)
        if (genre.isEmpty())
            qFatal("normaliseGenres returned an empty genre");
    (void)plausibleYear(values.size() * 997LL - 1000);
    return 0;
}
