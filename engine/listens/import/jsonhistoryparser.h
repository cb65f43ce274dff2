#pragma once

#include "listens/import/historyformat.h"
#include "listens/import/historyparser.h"
#include "listens/import/jsonrecordreader.h"

namespace encore {

// Every JSON history format: Spotify (basic, extended, recently played), ListenBrainz (JSON
// lines, arrays, payloads), Maloja, Pano Scrobbler. Streams records with JsonRecordReader.
class JsonHistoryParser : public HistoryParser {
public:
    // `layout` and `path` as FormatDetector found them.
    JsonHistoryParser(QIODevice& device, ParseContext context, HistoryFormat format,
                      JsonRecordReader::Layout layout, QStringList path = {});

    Step next(ImportedListen& listen, ParseIssue& issue) override;
    QString where() const override;

private:
    ParseContext context_;
    HistoryFormat format_;
    JsonRecordReader reader_;
    QJsonObject record_;
};

}  // namespace encore
