// Every JSON history format (Spotify, ListenBrainz, Maloja, Pano Scrobbler): the format as
// FormatDetector finds it, or, when it finds none, the one the first byte picks.

#include "fuzzsupport.h"
#include "historyfuzz.h"
#include "listens/import/formatdetector.h"
#include "listens/import/jsonhistoryparser.h"

#include <QBuffer>

using namespace encore;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz::silenceQtMessages();
    if (size == 0)
        return 0;
    static const HistoryFormat kJsonFormats[] = {
        HistoryFormat::SpotifyBasic,          HistoryFormat::SpotifyExtended,
        HistoryFormat::SpotifyRecentlyPlayed, HistoryFormat::ListenBrainzLines,
        HistoryFormat::ListenBrainzJson,      HistoryFormat::Maloja,
        HistoryFormat::PanoScrobbler};
    QByteArray bytes = fuzz::bytesOf(data + 1, size - 1);
    DetectedFormat detected = FormatDetector::detectHead(bytes, QStringLiteral("history.json"));
    bool json = false;
    for (HistoryFormat f : kJsonFormats)
        json = json || detected.format == f;
    if (!json) {
        detected.format = kJsonFormats[data[0] % std::size(kJsonFormats)];
        detected.layout = detected.format == HistoryFormat::ListenBrainzLines ||
                                  detected.format == HistoryFormat::PanoScrobbler
                              ? JsonRecordReader::Layout::Lines
                              : JsonRecordReader::Layout::Array;
        detected.path.clear();
    }
    QBuffer device(&bytes);
    device.open(QIODevice::ReadOnly);
    JsonHistoryParser parser(device, fuzz::fuzzContext(), detected.format, detected.layout,
                             detected.path);
    fuzz::drain(parser);
    return 0;
}
