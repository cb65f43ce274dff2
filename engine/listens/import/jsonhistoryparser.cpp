#include "listens/import/jsonhistoryparser.h"

#include "listens/import/jsonlistenmapping.h"

namespace encore {

JsonHistoryParser::JsonHistoryParser(QIODevice& device, ParseContext context, HistoryFormat format,
                                     JsonRecordReader::Layout layout, QStringList path)
    : context_(std::move(context))
    , format_(format)
    , reader_(device, context_.display_name, layout, std::move(path)) {}

QString JsonHistoryParser::where() const {
    return QStringLiteral("line %1 (record %2)")
        .arg(reader_.recordLine())
        .arg(reader_.recordNumber());
}

HistoryParser::Step JsonHistoryParser::next(ImportedListen& listen, ParseIssue& issue) {
    for (;;) {
        const Result<bool> got = reader_.next(record_);
        if (!got) {
            issue = {got.error(), false};
            return Step::Issue;
        }
        if (!got.value())
            return Step::End;
        ++records_;
        QString problem;
        switch (mapJsonRecord(format_, record_, listen, problem)) {
            case MappedRecord::Listen:
                return Step::Listen;
            case MappedRecord::NotMusic:
                ++not_music_;
                continue;
            case MappedRecord::Private:
                ++private_;
                continue;
            case MappedRecord::Invalid:
                issue = {QStringLiteral("%1 %2: %3").arg(context_.display_name, where(), problem),
                         true};
                return Step::Issue;
        }
    }
}

}  // namespace encore
