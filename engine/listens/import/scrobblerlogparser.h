#pragma once

#include "listens/import/csvreader.h"
#include "listens/import/historyparser.h"

namespace encore {

// Rockbox and other portable players' .scrobbler.log (AUDIOSCROBBLER/1.1): '#' header lines,
// then tab-separated artist, album, title, tracknum, length (s), rating (L listened,
// S skipped), timestamp, MusicBrainz id. Timestamps are local wall-clock time unless the
// header says #TZ/UTC; they are converted with the import's time zone.
class ScrobblerLogParser : public HistoryParser {
public:
    ScrobblerLogParser(QIODevice& device, ParseContext context);

    Step next(ImportedListen& listen, ParseIssue& issue) override;
    QString where() const override;

private:
    ParseContext context_;
    CsvReader reader_;
    bool utc_ = false;
    bool header_checked_ = false;
};

}  // namespace encore
