#include "listens/import/scrobblerlogparser.h"

#include "listens/import/timeparse.h"

namespace encore {

ScrobblerLogParser::ScrobblerLogParser(QIODevice& device, ParseContext context)
    : context_(std::move(context)), reader_(device, context_.display_name, '\t', false) {}

QString ScrobblerLogParser::where() const {
    return QStringLiteral("line %1").arg(reader_.recordLine());
}

HistoryParser::Step ScrobblerLogParser::next(ImportedListen& listen, ParseIssue& issue) {
    QStringList fields;
    for (;;) {
        const Result<bool> got = reader_.next(fields);
        if (!got) {
            issue = {got.error(), false};
            return Step::Issue;
        }
        if (!got.value())
            return Step::End;
        const QString first = fields.value(0);
        if (!header_checked_) {
            header_checked_ = true;
            if (!first.startsWith(QLatin1String("#AUDIOSCROBBLER/"))) {
                issue = {QStringLiteral("%1 does not start with #AUDIOSCROBBLER/1.1: it is not a "
                                        ".scrobbler.log. Nothing from it was imported.")
                             .arg(context_.display_name),
                         false};
                return Step::Issue;
            }
        }
        if (first.startsWith(QLatin1Char('#'))) {
            if (first.trimmed() == QLatin1String("#TZ/UTC"))
                utc_ = true;
            continue;
        }
        ++records_;
        listen = ImportedListen();
        QString problem;
        if (fields.size() < 7) {
            problem = QStringLiteral(
                          "the row has %1 tab-separated fields, at least 7 are needed "
                          "(artist, album, title, tracknum, length, rating, timestamp)")
                          .arg(fields.size());
        } else {
            listen.artist = fields[0].trimmed();
            listen.album = fields[1].trimmed();
            listen.title = fields[2].trimmed();
            bool lengthOk = false;
            const int length = fields[4].trimmed().toInt(&lengthOk);
            const QString rating = fields[5].trimmed();
            const auto stamp = timeparse::unixSeconds(fields[6]);
            if (listen.title.isEmpty())
                problem = QStringLiteral("the title is empty");
            else if (rating != QLatin1String("L") && rating != QLatin1String("S"))
                problem = QStringLiteral("the rating is \"%1\", not L or S").arg(rating);
            else if (!stamp)
                problem = QStringLiteral("the timestamp \"%1\" is not unix seconds").arg(fields[6]);
            if (problem.isEmpty()) {
                // a "length" past a day is no track's (and its milliseconds overflow an int)
                constexpr int kMaxLengthSeconds = 24 * 3600;
                listen.duration_ms =
                    lengthOk && length > 0 && length <= kMaxLengthSeconds ? length * 1000 : 0;
                listen.scrobble = true;
                listen.cause =
                    rating == QLatin1String("S") ? EndCause::UserChange : EndCause::Finished;
                listen.started_at = utc_ ? *stamp : timeparse::localToUtc(*stamp, context_.zone);
                return Step::Listen;
            }
        }
        issue = {QStringLiteral("%1 %2: %3").arg(context_.display_name, where(), problem), true};
        return Step::Issue;
    }
}

}  // namespace encore
