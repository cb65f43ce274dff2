#pragma once

#include "listens/import/csvcolumns.h"
#include "listens/import/csvreader.h"
#include "listens/import/historyparser.h"

namespace encore {

// Scrobble CSVs: Last.fm (lastfm-to-csv, with or without header), Libre.fm, Spinitron and
// Encore's own CSV export. Comment lines and a metadata block may come before the header.
class CsvHistoryParser : public HistoryParser {
public:
    static constexpr int kMaxPreambleRecords = 50;

    CsvHistoryParser(QIODevice& device, ParseContext context);

    Step next(ImportedListen& listen, ParseIssue& issue) override;
    QString where() const override;
    QString dialect() const override { return columns_.dialect; }

private:
    Step findColumns(ParseIssue& issue);
    bool mapRecord(ImportedListen& listen, QString& problem) const;

    ParseContext context_;
    CsvReader reader_;
    CsvColumns columns_;
    bool have_columns_ = false;
    bool pending_ = false;  // fields_ holds a data row read while looking for the header
    QStringList fields_;
};

}  // namespace encore
