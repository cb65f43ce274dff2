#include "listens/import/csvhistoryparser.h"

#include "listens/import/timeparse.h"

namespace encore {

CsvHistoryParser::CsvHistoryParser(QIODevice& device, ParseContext context)
    : context_(std::move(context)), reader_(device, context_.display_name) {}

QString CsvHistoryParser::where() const {
    return QStringLiteral("line %1").arg(reader_.recordLine());
}

HistoryParser::Step CsvHistoryParser::findColumns(ParseIssue& issue) {
    for (int seen = 0; seen < kMaxPreambleRecords; ++seen) {
        const Result<bool> got = reader_.next(fields_);
        if (!got) {
            issue = {got.error(), false};
            return Step::Issue;
        }
        if (!got.value())
            break;
        if (CsvColumns::isComment(fields_))
            continue;
        if (const auto header = CsvColumns::fromHeader(fields_)) {
            columns_ = *header;
            have_columns_ = true;
            return Step::Listen;
        }
        if (const auto headerless = CsvColumns::headerlessLastfm(fields_)) {
            columns_ = *headerless;
            have_columns_ = true;
            pending_ = true;
            return Step::Listen;
        }
        // Anything else before the header is a metadata block (Spinitron) or junk.
    }
    issue = {QStringLiteral("%1 has no header row naming its time, artist and track columns "
                            "(e.g. \"artist,album,track,date\") within its first %2 lines, and "
                            "its rows are not Last.fm's \"artist,album,track,19 Sep 2024 11:25\". "
                            "Add a header row; nothing from it was imported.")
                 .arg(context_.display_name)
                 .arg(kMaxPreambleRecords),
             false};
    return Step::Issue;
}

bool CsvHistoryParser::mapRecord(ImportedListen& l, QString& problem) const {
    l = ImportedListen();
    if (fields_.size() <= columns_.widest()) {
        problem = QStringLiteral("the row has %1 fields, the header names %2")
                      .arg(fields_.size())
                      .arg(columns_.widest() + 1);
        return false;
    }
    const QString time = fields_[columns_.time].trimmed();
    const auto parsed = timeparse::any(time);
    if (!parsed) {
        problem = time.isEmpty() ? QStringLiteral("the time is empty")
                                 : QStringLiteral(
                                       "\"%1\" is not a time (unix seconds, ISO 8601 "
                                       "or \"19 Sep 2024 11:25\")")
                                       .arg(time);
        return false;
    }
    l.started_at = parsed->utc_seconds;
    l.utc_offset_minutes = parsed->utc_offset_minutes;
    l.artist = fields_[columns_.artist].trimmed();
    l.title = fields_[columns_.title].trimmed();
    if (columns_.album >= 0)
        l.album = fields_[columns_.album].trimmed();
    if (l.title.isEmpty()) {
        problem = QStringLiteral("the track title is empty");
        return false;
    }
    l.scrobble = true;
    if (columns_.dialect != QLatin1String("encore-csv"))
        return true;
    auto number = [this](int column) -> std::optional<qint64> {
        bool ok = false;
        const qint64 value = fields_.value(column).trimmed().toLongLong(&ok);
        return ok ? std::optional<qint64>(value) : std::nullopt;
    };
    if (const auto ms = number(columns_.ms_played))
        l.ms_played = *ms;
    if (const auto duration = number(columns_.duration_ms))
        l.duration_ms = int(*duration);
    if (const auto offset = number(columns_.utc_offset))
        l.utc_offset_minutes = int(*offset);
    l.exact_reason = endReasonFromName(fields_.value(columns_.end_reason));
    if (const auto counted = number(columns_.counted))
        l.exact_counted = *counted != 0;
    if (const auto shuffle = number(columns_.shuffle))
        l.shuffle = *shuffle != 0;
    return true;
}

HistoryParser::Step CsvHistoryParser::next(ImportedListen& listen, ParseIssue& issue) {
    if (!have_columns_) {
        const Step found = findColumns(issue);
        if (found == Step::Issue)
            return found;
    }
    for (;;) {
        if (pending_) {
            pending_ = false;
        } else {
            const Result<bool> got = reader_.next(fields_);
            if (!got) {
                issue = {got.error(), false};
                return Step::Issue;
            }
            if (!got.value())
                return Step::End;
        }
        if (CsvColumns::isComment(fields_))
            continue;
        ++records_;
        QString problem;
        if (mapRecord(listen, problem))
            return Step::Listen;
        issue = {QStringLiteral("%1 %2: %3").arg(context_.display_name, where(), problem), true};
        return Step::Issue;
    }
}

}  // namespace encore
