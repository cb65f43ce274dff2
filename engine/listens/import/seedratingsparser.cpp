#include "listens/import/seedratingsparser.h"

namespace encore {

SeedRatingsParser::SeedRatingsParser(QIODevice& device, ParseContext context, QString profilePrefix)
    : context_(std::move(context))
    , reader_(device, context_.display_name)
    , prefix_(std::move(profilePrefix)) {}

QString SeedRatingsParser::where() const {
    return QStringLiteral("line %1").arg(reader_.recordLine());
}

HistoryParser::Step SeedRatingsParser::next(ImportedListen& listen, ParseIssue& issue) {
    QStringList fields;
    if (!header_read_) {
        const Result<bool> got = reader_.next(fields);
        if (!got) {
            issue = {got.error(), false};
            return Step::Issue;
        }
        for (int i = 0; i < fields.size(); ++i) {
            const QString name = fields[i].trimmed().toLower();
            if (name == QLatin1String("user_id"))
                user_ = i;
            else if (name == QLatin1String("song_id"))
                song_ = i;
            else if (name == QLatin1String("rating"))
                rating_ = i;
            else if (name == QLatin1String("unix_timestamp"))
                time_ = i;
        }
        if (!got.value() || !fields.contains(QStringLiteral("user_id"))) {
            issue = {QStringLiteral("%1 line 1: expected the seed header "
                                    "\"user_id,song_id,rating,unix_timestamp\". Nothing from it "
                                    "was imported.")
                         .arg(context_.display_name),
                     false};
            return Step::Issue;
        }
        header_read_ = true;
    }
    const Result<bool> got = reader_.next(fields);
    if (!got) {
        issue = {got.error(), false};
        return Step::Issue;
    }
    if (!got.value())
        return Step::End;
    ++records_;
    listen = ImportedListen();
    bool userOk = false, songOk = false, ratingOk = false, timeOk = false;
    const qint64 user = fields.value(user_).trimmed().toLongLong(&userOk);
    const qint64 song = fields.value(song_).trimmed().toLongLong(&songOk);
    const int rating = fields.value(rating_).trimmed().toInt(&ratingOk);
    const qint64 time = fields.value(time_).trimmed().toLongLong(&timeOk);
    QString problem;
    if (!userOk || user <= 0)
        problem = QStringLiteral("user_id \"%1\" is not a number").arg(fields.value(user_));
    else if (!songOk || song <= 0)
        problem = QStringLiteral("song_id \"%1\" is not a number").arg(fields.value(song_));
    else if (!ratingOk || rating < 1 || rating > 5)
        problem = QStringLiteral("rating \"%1\" is not 1 to 5").arg(fields.value(rating_));
    else if (!timeOk)
        problem = QStringLiteral("unix_timestamp \"%1\" is not a number").arg(fields.value(time_));
    if (!problem.isEmpty()) {
        issue = {QStringLiteral("%1 %2: %3").arg(context_.display_name, where(), problem), true};
        return Step::Issue;
    }
    listen.profile = prefix_ + QString::number(user);
    listen.seed_song = song;
    listen.rating = rating;
    listen.started_at = time;
    listen.scrobble = true;
    listen.cause = EndCause::Finished;
    return Step::Listen;
}

}  // namespace encore
