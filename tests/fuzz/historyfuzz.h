#pragma once

// Drives one history parser to the end of its input, as HistoryImporter does.

#include "listens/import/historyparser.h"

namespace encore::fuzz {

inline ParseContext fuzzContext() {
    return ParseContext{QStringLiteral("fuzz-input"),
                        QTimeZone(QByteArrayLiteral("Europe/Berlin"))};
}

// Every record until the end or an issue the parser cannot go on from.
inline void drain(HistoryParser& parser) {
    ImportedListen listen;
    ParseIssue issue;
    for (;;) {
        const HistoryParser::Step step = parser.next(listen, issue);
        (void)parser.where();
        if (step == HistoryParser::Step::End ||
            (step == HistoryParser::Step::Issue && !issue.recoverable))
            return;
        listen = ImportedListen{};
    }
}

}  // namespace encore::fuzz
