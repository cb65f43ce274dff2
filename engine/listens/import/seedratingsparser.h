#pragma once

#include "listens/import/csvreader.h"
#include "listens/import/historyparser.h"

namespace encore {

// The seed project's ratings.csv: user_id, song_id, rating (1-5), unix_timestamp. Each rating
// becomes a listen (a play) of profile "<prefix><user_id>" at its time, with its rating.
class SeedRatingsParser : public HistoryParser {
public:
    SeedRatingsParser(QIODevice& device, ParseContext context, QString profilePrefix);

    Step next(ImportedListen& listen, ParseIssue& issue) override;
    QString where() const override;

private:
    ParseContext context_;
    CsvReader reader_;
    QString prefix_;
    bool header_read_ = false;
    int user_ = 0, song_ = 1, rating_ = 2, time_ = 3;
};

}  // namespace encore
